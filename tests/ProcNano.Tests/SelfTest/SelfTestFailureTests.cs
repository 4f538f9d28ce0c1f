using System;
using System.Linq;
using Xunit;
using KKernel = ProcNano.Kernel;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.SelfTestLayer
{
    /// <summary>
    /// Every check can fail. The table checks are run on a kernel whose tables were corrupted on purpose; each
    /// scenario is run with a hook that breaks, between what the scenario did and what it looks at, exactly the
    /// thing it looks at. The check must report failure, naming the problem.
    /// </summary>
    public class SelfTestFailureTests
    {
        private const int Page = 4096;

        /// <summary>A kernel with a private map, a ramfs file open and mapped, a shm attach and a child task, so
        /// every table has rows to corrupt.</summary>
        private static SelfTestHarness Busy()
        {
            var h = new SelfTestHarness();
            Assert.Equal(0, h.Shell.Run("mmap 8192 rw- private", out _));
            Assert.Equal(0, h.Shell.Run("mmap 4096 rw- private", out _));
            Assert.Equal(0, h.Shell.Run("echo hello > /tmp/f", out _));
            Assert.Equal(0, h.Shell.Run("mmap 4096 r-- shared /tmp/f", out _));
            Assert.Equal(0, h.Shell.Run("exec /bin/hold 1", out _));
            int id = h.K.Sys.Shmget(h.Task, 0, Page, Shm.IPC_CREAT | 0x180);
            Assert.True(h.K.Sys.Shmat(h.Task, id, 0, 0) > 0);
            Assert.True(h.K.Sys.Open(h.Task, "/tmp/f", File.O_RDONLY, 0) >= 0);
            Assert.Equal("", h.Failures());
            return h;
        }

        /// <summary>The shell's anonymous copy regions, in address order.</summary>
        private static int[] Copies(KKernel k) => Enumerable.Range(0, k.Mem.Regions.Count).Select(k.Mem.Regions.At)
            .Where(r => (k.Mem.Regions.Flags(r) & Vm.VM_MAPPED_COPY) != 0 && k.Mem.RegionFile(r) == null).ToArray();

        private static void Fails(SelfTestHarness h, int check, string expected)
        {
            string failure = h.New().RunOne(check);
            Assert.True(failure != null && !ProcNano.SelfTest.IsSkip(failure), "check " + (check + 1) + " passed on a broken kernel");
            Assert.Contains(expected, failure);
        }

        public static TheoryData<int, string> TableChecks() => new()
        {
            { 0, "bounds" }, { 1, "overlap" }, { 2, "usage" }, { 3, "outside its region" }, { 4, "count 2" },
            { 5, "MmapCopy" }, { 6, "ramfs counts" }, { 7, "counts no open files" }, { 8, "references" },
            { 9, "not marked" }, { 10, "no exe file" }, { 11, "attaches" }, { 12, "is dead but listed" },
        };

        [Theory]
        [MemberData(nameof(TableChecks))]
        public void TableCheck_FailsOnACorruptedTable(int check, string expected)
        {
            var h = Busy();
            KKernel k = h.K;
            int[] copies = Copies(k);
            int r = copies[0], r2 = copies[1];
            switch (check)
            {
                case 0: k.Mem.Regions.SetEnd(r, k.Mem.Regions.Start(r)); break;
                case 1: k.Mem.Regions.SetTop(r, k.Mem.Regions.Start(r2) + Page); break;
                case 2: k.Mem.Regions.SetUsage(r, 2); break;
                case 3:
                    int v = VmasOf(h.Task).First(x => k.Mem.Vmas.Region(x) == r);
                    k.Mem.Vmas.SetEnd(v, k.Mem.Regions.Top(r) + Page);
                    break;
                case 4: k.Pages.Ref[k.Phys.ArenaPfn(k.Mem.Regions.Start(r))]++; break;
                case 5: k.Mem.MmapPagesAllocated++; break;
                case 6: k.Fs.RamfsPages++; break;
                case 7: h.Task.Fds.Get(0).Inode.Sb.OpenFiles = 0; break;
                case 8: h.Task.Fds.Get(0).Refs++; break;
                case 9:
                    int o = Enumerable.Range(0, PageAllocator.MaxOrder).First(x => k.Pages.FreeBlocks(x) > 0);
                    k.Pages.Flags[k.Pages.FreeHead(o)] = 0;
                    break;
                case 10: Newest(k).Mm.ExeFile = null; break;
                case 11: k.Shm[0].Nattch++; break;
                case 12: Newest(k).State = KTask.Dead; break;
            }
            Fails(h, check, expected);
        }

        /// <summary>The shell's descriptor opened on <paramref name="path"/> by the scenario running now.</summary>
        private static void CloseFd(SelfTestHarness h, Func<string, bool> path)
        {
            for (int fd = 0; fd < h.Task.Fds.Size; fd++)
            {
                var f = h.Task.Fds.Get(fd);
                if (f != null && path(f.Path)) h.K.Sys.Close(h.Task, fd);
            }
        }

        private static KTask Newest(KKernel k) => k.Tasks[k.Tasks.Count - 1];

        private static int[] VmasOf(KTask t) => Enumerable.Range(0, t.Mm.Vmas.Count).Select(i => t.Mm.Vmas[i]).ToArray();

        /// <summary>What each scenario's hook breaks, and what the failure then says.</summary>
        private static (Action<SelfTestHarness> Break, string Says) ScenarioBreak(int check) => check switch
        {
            13 => (h => h.K.Mem.MmapPagesAllocated++, "MmapCopy grew by"),
            14 => (h => h.K.Mem.MmapPagesAllocated++, "after the hole"),
            15 => (h =>
            {
                int v = VmasOf(h.Task).First(x => h.K.Mem.VmaFile(x)?.Path == "/tmp/.selftest");
                h.K.Mem.Vmas.SetEnd(v, h.K.Mem.Vmas.Start(v) + Page);
            }, "did not stay whole"),
            16 => (h => h.K.Mem.MmapPagesAllocated++, "MmapCopy pages"),
            17 => (h => h.K.Mem.MmapPagesAllocated++, "MmapCopy pages"),
            18 => (h => h.K.Mem.MmapPagesAllocated++, "counted in MmapCopy"),
            19 => (h => h.K.Mem.MmapPagesAllocated++, "MmapCopy grew by 2"),
            20 => (h => h.Task.Fds.Get(0).Pos = 0, "position moved to 0"),
            21 => (h => h.K.Mem.MmapPagesAllocated++, "MmapCopy grew by 2"),
            22 => (h => h.K.Mem.MmapPagesAllocated++, "left pages counted"),
            23 => (h => CloseFd(h, p => p.StartsWith("/flash/")), "Bad file descriptor"),
            24 => (h => CloseFd(h, p => p == "/proc/version"), "Bad file descriptor"),
            25 => (h => CloseFd(h, p => p == "/tmp/.selftest"), "Bad file descriptor"),
            26 => (h =>
            {
                int r = Enumerable.Range(0, h.K.Mem.Regions.Count).Select(h.K.Mem.Regions.At)
                    .First(x => h.K.Mem.RegionFile(x)?.Path == "/flash/.selftest-hold" && (h.K.Mem.Regions.Flags(x) & Vm.VM_EXEC) != 0);
                h.K.Mem.Regions.SetUsage(r, 3);
            }, "usage is 3"),
            27 => (h => h.K.Phys.SetRom(new byte[1]), "not at its ROM address"),   // the ROM shrinks under the text
            28 => (h => Newest(h.K).Mm.ExeFile = h.Task.Mm.ExeFile, "still -> /bin/sh"),
            29 => (h => h.K.Shm[h.K.Shm.Count - 1].Nattch++, "counts 3 attaches"),
            30 => (h => h.K.Mem.MmapPagesAllocated++, "MmapCopy pages"),
            31 => (h => h.K.Tasks.ExitTask(Newest(h.K), 0), "is not pid"),
            32 => (h => h.K.Sys.Umount(h.K.Init, "/proc"), "readlink /proc/self"),
            33 => (h => h.K.Sys.Umount(h.K.Init, "/proc"), "readlink /proc/net"),
            34 => (h => h.K.Proc.Create("selftest", 0x124, null, new VersionOps(), null), "open after the entry went"),
            35 => (h => CloseFd(h, p => p.StartsWith("/proc/")), "Bad file descriptor"),
            36 => (h => CloseFd(h, p => p.EndsWith("/pagemap")), "Bad file descriptor"),
            37 => (h => CloseFd(h, p => p.EndsWith("/clear_refs")), "Bad file descriptor"),
            38 => (h => CloseFd(h, p => p == "/proc/sys/vm/nr_trim_pages"), "Bad file descriptor"),
            39 => (h => h.K.Mem.MmapPagesAllocated++, "MmapCopy:"),
            40 => (h => CloseFd(h, p => p == "/proc/maps"), "read /proc/maps"),
            _ => throw new ArgumentOutOfRangeException(nameof(check)),
        };

        public static TheoryData<int> Scenarios()
        {
            var d = new TheoryData<int>();
            for (int i = ProcNano.SelfTest.Scenarios; i < ProcNano.SelfTest.AsFound; i++) d.Add(i);
            return d;
        }

        [Theory]
        [MemberData(nameof(Scenarios))]
        public void Scenario_FailsWhenWhatItLooksAtIsBroken(int check)
        {
            var h = new SelfTestHarness();
            Assert.Null(h.New().RunOne(check));
            var (breakIt, says) = ScenarioBreak(check);
            var hook = new Sabotage(check, () => breakIt(h));
            string failure = h.New(hook).RunOne(check);
            Assert.True(hook.Ran, "the scenario never reached its hook");
            Assert.True(failure != null && !ProcNano.SelfTest.IsSkip(failure), "check " + (check + 1) + " passed with its subject broken");
            Assert.Contains(says, failure);
        }

        [Fact]
        public void AsFound_FailsWhenAScenarioLeavesSomethingBehind()
        {
            var h = new SelfTestHarness();
            // A scenario that "forgets" a map: the closing comparison must see it.
            var hook = new Sabotage(13, () => h.K.Sys.Mmap(h.Task, 0, Page, Vm.PROT_READ, Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS, -1, 0));
            Assert.Contains((ProcNano.SelfTest.AsFound + 1) + " " + ProcNano.SelfTest.Name(ProcNano.SelfTest.AsFound) + ": ", h.Failures(hook));
            Assert.Contains("free pages", h.Results[ProcNano.SelfTest.AsFound].Failure);
        }

        [Fact]
        public void ACheckThatThrows_Fails_AndTheRunGoesOn()
        {
            var h = new SelfTestHarness();
            var hook = new Sabotage(13, () => throw new InvalidOperationException("boom"));
            string all = h.Failures(hook);
            Assert.Contains("14 " + ProcNano.SelfTest.Name(13) + ": exception boom", all);
            Assert.Equal(ProcNano.SelfTest.Count, h.Results.Count);
        }
    }
}
