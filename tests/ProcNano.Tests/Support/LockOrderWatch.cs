using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ProcNano;

namespace ProcNano.Tests
{
    /// <summary>A lock taken out of the documented order (docs/ARCHITECTURE.md, "Locks").</summary>
    public sealed class LockOrderViolation : InvalidOperationException
    {
        public LockOrderViolation(string message) : base(message) { }
    }

    /// <summary>
    /// The debug lock-order check, installed for the whole test run: every test's kernel work is checked. It keeps,
    /// per thread, the locks the kernel announced (<see cref="LockOrder.Check"/>) and the thread still holds, and
    /// throws when a lock is taken while a lock of the same or a higher rank is held (re-taking a held lock is
    /// fine: it cannot deadlock).
    /// </summary>
    public sealed class LockOrderWatch : ILockWatch
    {
        private readonly ThreadLocal<List<(object Lock, int Rank)>> _held = new(() => new List<(object, int)>());
        private static int _violations;

        /// <summary>Wrong nestings seen since the test run started (each also threw).</summary>
        public static int Violations => _violations;

        [ModuleInitializer]
        internal static void Install() { LockOrder.Watch = new LockOrderWatch(); }

        public void Taking(object lockObj, int rank)
        {
            var held = _held.Value!;
            held.RemoveAll(h => !Monitor.IsEntered(h.Lock));
            if (Monitor.IsEntered(lockObj)) return;
            foreach (var h in held)
            {
                if (h.Rank < rank) continue;
                Interlocked.Increment(ref _violations);
                throw new LockOrderViolation("taking a rank-" + rank + " lock (" + lockObj.GetType().Name
                    + ") while holding a rank-" + h.Rank + " lock (" + h.Lock.GetType().Name + ")");
            }
            held.Add((lockObj, rank));
        }
    }
}
