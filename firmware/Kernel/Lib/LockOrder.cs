using System.Diagnostics;

namespace ProcNano
{
    /// <summary>
    /// The one order the kernel's locks nest in (docs/ARCHITECTURE.md, "Locks"), as ranks, outermost first: a lock
    /// may be taken while holding only locks of a lower rank. Every lock site announces itself with
    /// <see cref="Check"/>, which exists in debug builds only (the device runs a release build: no code, no cost);
    /// the tests install a <see cref="ILockWatch"/> that knows what each thread holds and fails a wrong nesting.
    /// </summary>
    public static class LockOrder
    {
        public const int KernelRank = 1, ModulesRank = 2, ProcTreeRank = 3, ProcEntryRank = 4, LeafRank = 5;

        /// <summary>The debug check's observer; null unless a test installed one.</summary>
        public static ILockWatch Watch;

        /// <summary>Called just before <paramref name="lockObj"/> (of <paramref name="rank"/>) is taken.</summary>
        [Conditional("DEBUG")]
        public static void Check(object lockObj, int rank)
        {
            ILockWatch w = Watch;
            if (w != null) w.Taking(lockObj, rank);
        }
    }

    /// <summary>Sees every lock the kernel is about to take (debug builds).</summary>
    public interface ILockWatch
    {
        void Taking(object lockObj, int rank);
    }
}
