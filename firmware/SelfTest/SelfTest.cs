namespace ProcNano
{
    /// <summary>What a self-test run tells as it goes: one call per check, in order.</summary>
    public interface ISelfTestReport
    {
        /// <summary>Check <paramref name="number"/> (1-based) called <paramref name="name"/> ran:
        /// <paramref name="failure"/> is null when it passed, starts with <see cref="SelfTest.Skipped"/> when it
        /// could not run here, else says what was wrong.</summary>
        void Result(int number, string name, string failure);
    }

    /// <summary>A test's way into a run: called in each scenario after it acted and before it looks, so a test can
    /// break what the scenario is about to check and see it fail (every check must be able to fail).</summary>
    public interface ISelfTestHook
    {
        void BeforeVerify(int check);
    }

    /// <summary>
    /// The kernel's self-test (the `selftest` command, the device test tier, the nanoFramework test project): the
    /// consistency of its tables (<see cref="Invariant"/>: regions, pages, VMAs, files, free lists ...), then
    /// scenarios that run the rules the kernel is built on through the system calls, as the calling task (a
    /// trimmed anonymous copy, a hole punched, one shared copy of flash text, shm at one address, /proc/net, a
    /// removed proc entry ...), then whether the system is as it was found. Each scenario undoes what it did.
    /// Nothing here exists until a run makes a SelfTest: its checks cost the device heap only while they run.
    /// An assembly of its own (ProcNano.SelfTest): nanoFramework's converter takes at most 64 KiB of byte code per
    /// assembly, which the kernel nearly fills, so the suite sits beside it and reaches the `selftest` command
    /// through the platform (<see cref="ISelfTestPlatform"/>).
    /// </summary>
    public sealed partial class SelfTest
    {
        /// <summary>The failure text of a check that cannot run on this board (no flash store, say); a reason may
        /// follow it ("skipped: ...").</summary>
        public const string Skipped = "skipped";

        /// <summary>Whether a check's result says it did not run.</summary>
        public static bool IsSkip(string failure) { return failure != null && failure.StartsWith(Skipped); }

        /// <summary>Managed heap a scenario wants free before it starts, on a board with a heap budget: one that runs
        /// out part-way proves nothing, and leaves the device short (the C3 after the demo has about 7 KB).</summary>
        public const int ScenarioHeap = 6144;

        private readonly object _lock;
        private readonly BoardConfig _board;
        private readonly PageAllocator _pages;
        private readonly PhysMem _phys;
        private readonly Vfs _vfs;
        private readonly FsContext _fs;
        private readonly MemoryManager _mem;
        private readonly TaskTable _tasks;
        private readonly Shm _shm;
        private readonly Syscalls _sys;
        private readonly ProcTree _proc;
        private readonly Task _t;
        /// <summary>Scratch for file contents and reads (one run at a time).</summary>
        private readonly byte[] _buf = new byte[128];
        /// <summary>Set by tests only.</summary>
        public ISelfTestHook Hook;

        /// <param name="k">The kernel to test.</param>
        /// <param name="current">The task the scenarios run as (a shell's): root, in the root pid namespace.</param>
        public SelfTest(Kernel k, Task current)
        {
            _lock = k.Lock;
            _board = k.Board;
            _pages = k.Pages;
            _phys = k.Phys;
            _vfs = k.Vfs;
            _fs = k.Fs;
            _mem = k.Mem;
            _tasks = k.Tasks;
            _shm = k.Shm;
            _sys = k.Sys;
            _proc = k.Proc;
            _t = current;
        }

        /// <summary>Runs every check, reporting each; returns how many failed.</summary>
        public int Run(ISelfTestReport report)
        {
            int[] before = Snapshot();
            int failed = 0;
            for (int i = 0; i < Count; i++)
            {
                string failure = i == AsFound ? Differs(before, Snapshot()) : RunOne(i);
                if (failure != null && !IsSkip(failure)) failed++;
                report.Result(i + 1, Name(i), failure);
            }
            return failed;
        }

        /// <summary>Runs check <paramref name="i"/> alone: null when it passed, else its failure (or <see cref="Skipped"/>).
        /// A check that throws has failed (the exception is its failure).</summary>
        public string RunOne(int i)
        {
            try
            {
                if (i < Scenarios) return Invariant(i);
                if (HeapLow()) return "skipped: under " + (ScenarioHeap / 1024).ToString() + " KB of managed heap free";
                return Scenario(i);
            }
            catch (System.OutOfMemoryException)
            {
                return "out of managed heap";
            }
            catch (System.Exception e)
            {
                return "exception " + e.Message;
            }
        }

        // Checks 0 .. Scenarios-1 are the tables' invariants, then the scenarios, then the closing comparison.
        public const int Scenarios = 13;
        public const int AsFound = 41;
        public const int Count = 42;

        /// <summary>Check <paramref name="i"/>'s one-line name.</summary>
        public static string Name(int i)
        {
            switch (i)
            {
                case 0: return "region tree in address order, bounds sane";
                case 1: return "regions never overlap unless both map one file in place";
                case 2: return "each region's usage counts the VMAs using it";
                case 3: return "every VMA's region is live and holds it";
                case 4: return "page reference counts match the regions and files";
                case 5: return "MmapCopy equals the copy pages counted";
                case 6: return "ramfs and shm page counters match their files";
                case 7: return "every open file's inode is live";
                case 8: return "file reference counts add up";
                case 9: return "free lists match the buddy counts";
                case 10: return "exe file held exactly while a VM_EXECUTABLE VMA remains";
                case 11: return "shm attach counts match the VMAs";
                case 12: return "task table: pids, parents, states";
                case 13: return "anonymous map: a trimmed copy counted in MmapCopy";
                case 14: return "munmap punches a hole: two VMAs, the page freed";
                case 15: return "a file VMA goes whole or not at all (EINVAL)";
                case 16: return "mmap refuses bad requests (EINVAL), changes nothing";
                case 17: return "out of arena: ENOMEM, nothing left behind";
                case 18: return "ramfs shared map is direct and sees writes";
                case 19: return "private file map is a copy, zero past EOF, never written back";
                case 20: return "mmap leaves the file position";
                case 21: return "read-only maps of a flash range share one copy, counted once";
                case 22: return "a partial overlap of a flash copy is EINVAL";
                case 23: return "MAP_SHARED of a flash file is ENODEV";
                case 24: return "mmap of a procfs file is ENODEV";
                case 25: return "writable shared map of a read-only open is EACCES";
                case 26: return "flash text: one shared copy for two tasks, counted once";
                case 27: return "romfs programs run in place";
                case 28: return "exe link goes with the last VM_EXECUTABLE VMA";
                case 29: return "shm: every attach at one address, shmdt removes one";
                case 30: return "exit gives back everything a task held";
                case 31: return "a task is pid 1 of its new pid namespace";
                case 32: return "/proc/self is the reader's pid";
                case 33: return "/proc/net -> self/net, /proc/mounts -> self/mounts";
                case 34: return "a removed proc entry reads EIO, opens ENOENT";
                case 35: return "an exited task's /proc file reads ESRCH";
                case 36: return "pagemap reads are multiples of 8 (EINVAL)";
                case 37: return "clear_refs takes 1, 2 or 3 only (EINVAL)";
                case 38: return "nr_trim_pages refuses bad text, keeps its value";
                case 39: return "meminfo: MemTotal and MmapCopy lines";
                case 40: return "/proc/maps paths begin at column 49";
                case 41: return "the system is as selftest found it";
            }
            return null;
        }

        private string Scenario(int i)
        {
            switch (i)
            {
                case 13: return AnonTrimmed(i);
                case 14: return HolePunch(i);
                case 15: return FileVmaWhole(i);
                case 16: return BadRequests(i);
                case 17: return OutOfArena(i);
                case 18: return RamfsShared(i);
                case 19: return PrivateCopy(i);
                case 20: return FilePosition(i);
                case 21: return FlashShare(i);
                case 22: return FlashMismatch(i);
                case 23: return FlashSharedNoDev(i);
                case 24: return ProcNoDev(i);
                case 25: return ReadOnlyShared(i);
                case 26: return FlashText(i);
                case 27: return RomfsInPlace(i);
                case 28: return ExeDropped(i);
                case 29: return ShmOneAddress(i);
                case 30: return ExitFrees(i);
                case 31: return PidNamespace(i);
                case 32: return ProcSelf(i);
                case 33: return ProcLinks(i);
                case 34: return RemovedEntry(i);
                case 35: return ExitedTask(i);
                case 36: return PagemapAlign(i);
                case 37: return ClearRefs(i);
                case 38: return TrimSysctl(i);
                case 39: return Meminfo(i);
                case 40: return MapsColumn(i);
            }
            return "no such check";
        }

        // ---- the system as found: what every scenario must leave as it was ----

        private int[] Snapshot()
        {
            lock (_lock)
            {
                int flash = _fs.Platform == null || _fs.Platform.Flash == null ? 0 : _fs.Platform.Flash.Count;
                return new int[]
                {
                    _pages.FreePages, _mem.MmapPagesAllocated, _mem.Regions.Count, _mem.Vmas.Used, _tasks.Count,
                    _shm.Count, _fs.RamfsPages, _vfs.OpenFileCount(), flash, _t.Mm == null ? 0 : _t.Mm.Vmas.Count,
                };
            }
        }

        private static string Differs(int[] before, int[] after)
        {
            for (int i = 0; i < before.Length; i++)
            {
                if (before[i] != after[i])
                    return SnapshotName(i) + " " + before[i].ToString() + " before, " + after[i].ToString() + " after";
            }
            return null;
        }

        private static string SnapshotName(int i)
        {
            switch (i)
            {
                case 0: return "free pages";
                case 1: return "MmapCopy pages";
                case 2: return "regions";
                case 3: return "VMAs";
                case 4: return "tasks";
                case 5: return "shm segments";
                case 6: return "ramfs pages";
                case 7: return "open files";
                case 8: return "flash files";
                default: return "own VMAs";
            }
        }

        // ---- helpers ----

        /// <summary>What went wrong: the text, and the call's result (an errno's text if negative).</summary>
        private static string Got(string what, long result)
        {
            return what + ": " + (result < 0 && result > -4096 ? Errno.StrError((int)result) : "0x" + result.ToString("x"));
        }

        private bool HeapLow()
        {
            if (_board.ManagedHeap <= 0 || _fs.Platform == null) return false;
            long free = _fs.Platform.ManagedHeapFree;
            return free >= 0 && free < ScenarioHeap;
        }

        private void Tamper(int check)
        {
            if (Hook != null) Hook.BeforeVerify(check);
        }
    }
}
