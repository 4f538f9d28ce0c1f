using System.Collections.Generic;
using System.Threading;
using ProcNano;
using ProcNano.Tests.Shell;
using Xunit;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.SyscallFacade
{
    /// <summary>Syscalls.Memmap, the snapshot memmap and the web view share: its order, its page owners against
    /// the kernel's tables, the lock, and that it allocates nothing whatever the arena's size.</summary>
    public class MemmapSyscallTests
    {
        /// <summary>Records every call, in order.</summary>
        private sealed class Recorder : IMemmapSink
        {
            public readonly List<string> Calls = new List<string>();
            public readonly List<(int pfn, int count, int owner)> Runs = new List<(int, int, int)>();
            public readonly Dictionary<int, List<int>> Users = new Dictionary<int, List<int>>();
            public object Lock;
            public bool Locked = true;

            private void Saw(string what)
            {
                Calls.Add(what);
                if (Lock != null && !Monitor.IsEntered(Lock)) Locked = false;
            }

            public void Arena(uint start, int pages, int pageSize) => Saw("arena " + start.ToString("x8") + " " + pages + " " + pageSize);
            public void Pages(int pfn, int count, int owner) { Saw("pages"); Runs.Add((pfn, count, owner)); }
            public void Region(int n, uint start, uint end, uint top, int flags, string path) { Saw("region " + n); Users[n] = new List<int>(); }
            public void User(int n, int pid) { Saw("user " + n); Users[n].Add(pid); }
            public void Free(int order, int blocks) => Saw("free " + order + " " + blocks);
        }

        /// <summary>Counts only: allocates nothing itself.</summary>
        private sealed class Counter : IMemmapSink
        {
            public int Calls;
            public void Arena(uint start, int pages, int pageSize) => Calls++;
            public void Pages(int pfn, int count, int owner) => Calls++;
            public void Region(int n, uint start, uint end, uint top, int flags, string path) => Calls++;
            public void User(int n, int pid) => Calls++;
            public void Free(int order, int blocks) => Calls++;
        }

        [Fact]
        public void Order_ArenaRunsRegionsUsersFree_AllUnderTheLock()
        {
            var h = MemmapCommandTests.Host();
            Assert.Equal(0, h.Run("exec /bin/hold 1", out _));
            var r = new Recorder { Lock = h.K.Lock };
            Assert.Equal(0, h.K.Sys.Memmap(h.Task, 0, r));
            Assert.True(r.Locked, "a call came outside the kernel lock");
            Assert.Equal("arena 20000000 256 4096", r.Calls[0]);
            int i = 1;
            while (r.Calls[i] == "pages") i++;
            int lastRegion = -1;
            while (r.Calls[i].StartsWith("region") || r.Calls[i].StartsWith("user"))
            {
                if (r.Calls[i].StartsWith("region"))
                {
                    int n = int.Parse(r.Calls[i].Substring(7));
                    Assert.True(n > lastRegion);
                    lastRegion = n;
                }
                else Assert.Equal("user " + lastRegion, r.Calls[i]);
                i++;
            }
            Assert.Equal(h.K.Mem.Regions.Count - 1, lastRegion);
            for (int o = 0; o < PageAllocator.MaxOrder; o++) Assert.Equal("free " + o + " " + h.K.Pages.FreeBlocks(o), r.Calls[i + o]);
            Assert.Equal(i + PageAllocator.MaxOrder, r.Calls.Count);
        }

        [Fact]
        public void Runs_CoverTheArenaInOrder_AndNameEachPagesOwner()
        {
            var h = MemmapCommandTests.Host();
            Assert.Equal(0, h.Run("exec /bin/hold 2; mmap 20000 rw- private; echo x > /tmp/f", out _));
            var r = new Recorder();
            Assert.Equal(0, h.K.Sys.Memmap(h.Task, 0, r));
            int next = 0, prevOwner = int.MinValue;
            RegionTable rt = h.K.Mem.Regions;
            foreach (var (pfn, count, owner) in r.Runs)
            {
                Assert.Equal(next, pfn);
                Assert.True(count > 0);
                Assert.NotEqual(prevOwner, owner);   // runs are maximal
                for (int p = pfn; p < pfn + count; p++)
                {
                    uint addr = h.K.Mem.Phys.PageAddress(p);
                    if (h.K.Pages.IsFree(p)) Assert.Equal(ProcNano.Syscalls.MemFree, owner);
                    else if (owner == ProcNano.Syscalls.MemHeld) Assert.Equal(-1, rt.Find(addr));
                    else
                    {
                        int s = rt.At(owner);
                        Assert.True(rt.Start(s) <= addr && addr < (rt.Top(s) > rt.End(s) ? rt.Top(s) : rt.End(s)));
                    }
                }
                next = pfn + count;
                prevOwner = owner;
            }
            Assert.Equal(h.K.Pages.Pages, next);
            Assert.Contains(r.Runs, x => x.owner == ProcNano.Syscalls.MemHeld);
        }

        [Fact]
        public void Users_AreTheTasksWhoseVmasUseTheRegion()
        {
            var h = MemmapCommandTests.Host();
            Assert.Equal(0, h.Run("cp /bin/hold /flash/hold; exec /flash/hold 1", out string a));
            Assert.Equal(0, h.Run("exec /flash/hold 1", out string b));
            var r = new Recorder();
            Assert.Equal(0, h.K.Sys.Memmap(h.Task, 0, r));
            int pa = int.Parse(a.Trim()), pb = int.Parse(b.Trim());
            RegionTable rt = h.K.Mem.Regions;
            int text = -1;
            for (int n = 0; n < rt.Count; n++)
                if (h.K.Mem.RegionFile(rt.At(n))?.Path == "/flash/hold") text = n;
            Assert.Equal(new[] { pa, pb }, r.Users[text].ToArray());
        }

        [Fact]
        public void Filter_ReportsOnlyThatTasksRegions()
        {
            var h = MemmapCommandTests.Host();
            Assert.Equal(0, h.Run("exec /bin/hold 1", out string p));
            int pid = int.Parse(p.Trim());
            KTask t = h.K.Sys.FindTask(h.Task, pid);
            var r = new Recorder();
            Assert.Equal(0, h.K.Sys.Memmap(h.Task, pid, r));
            var mine = new HashSet<int>();
            RegionTable rt = h.K.Mem.Regions;
            for (int i = 0; i < t.Mm.Vmas.Count; i++) mine.Add(rt.IndexOf(h.K.Mem.Vmas.Region(t.Mm.Vmas[i])));
            Assert.Equal(mine, new HashSet<int>(r.Users.Keys));
            foreach (var run in r.Runs) Assert.True(run.owner < 0 || mine.Contains(run.owner));
            Assert.Contains(r.Runs, x => x.owner == ProcNano.Syscalls.MemOther);
            Assert.Equal(-Errno.ESRCH, h.K.Sys.Memmap(h.Task, 12345, r));
        }

        /// <summary>No allocation per page, per region or per call: the kernel's walk allocates nothing at all,
        /// on a 64-page arena as on a 2048-page one.</summary>
        [Theory]
        [InlineData(64, 256)]
        [InlineData(2048, 4096)]
        public void Snapshot_AllocatesNothing(int pages, int pageSize)
        {
            var h = new ShellHarness(new BoardConfig { PageSize = pageSize, ArenaPages = pages, ArenaBase = 0x20000000 });
            Assert.Equal(0, h.Run("exec /bin/hold 1; exec /bin/shmdemo; mmap " + pageSize * 3 + " rw- private", out _));
            var c = new Counter();
            KTask t = h.Task;
            ProcNano.Syscalls sys = h.K.Sys;
            sys.Memmap(t, 0, c);
            Assert.Equal(0, Allocations.Fewest(() => { for (int i = 0; i < 20; i++) sys.Memmap(t, 0, c); }));
            Assert.True(c.Calls > 20);
        }

        /// <summary>The command's own objects do not grow with the arena either: memmap allocates the same on a
        /// 64-page and a 4096-page arena (its output goes through the shell's fixed writer).</summary>
        [Fact]
        public void Command_AllocatesTheSame_WhateverTheArenasSize()
        {
            long Bytes(int pages)
            {
                var h = new ShellHarness(new BoardConfig { PageSize = 256, ArenaPages = pages, ArenaBase = 0x20000000 });
                h.Run("memmap", out _);
                h.Tty.ClearOutput();
                var sink = new NullTty();
                var sh = new ProcNano.Shell(h.K.Sys, h.Task, new LineDiscipline(sink) { Echo = false, OutputCrlf = false }, 256);
                sh.Execute("memmap -w 1024");
                return Allocations.Fewest(() => sh.Execute("memmap -w 1024"));
            }
            Assert.Equal(Bytes(64), Bytes(4096));
        }

        private sealed class NullTty : ITty
        {
            public int Read(byte[] buf, int off, int count) => -1;
            public bool HasInput() => true;
            public void Write(byte[] buf, int off, int count) { }
        }
    }
}
