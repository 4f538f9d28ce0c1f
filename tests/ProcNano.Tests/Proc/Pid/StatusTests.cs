using System;
using System.Runtime.CompilerServices;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    public class StatusTests
    {
        [Fact]
        public void Status_FieldsInLinuxOrder_TabSeparated_FourIdsEach_NommuMemoryLines()
        {
            var k = Host();
            Task t = NewTask(k, "worker");
            t.Uid = 1000; t.Euid = 1001; t.Suid = 1002; t.Fsuid = 1003;
            t.Gid = 2000; t.Egid = 2001; t.Sgid = 2002; t.Fsgid = 2003;
            Assert.True(k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0) > 0);
            // Linux's NOMMU task_mem: VMA + region + the region's bytes, mm, fd array, task; the slack is the
            // region's tail past the VMA (3 pages - 10000 bytes).
            long mem = Footprint.VmaBytes + Footprint.RegionBytes + 3 * 4096 + Footprint.MmBytes + Footprint.Array(t.Fds.Size, 12) + Footprint.TaskBytes;
            string expected =
                "Name:\tworker\n" +
                "State:\tS (sleeping)\n" +
                $"Tgid:\t{t.Tgid}\n" +
                $"Pid:\t{t.Tgid}\n" +
                "PPid:\t1\n" +
                "TracerPid:\t0\n" +
                "Uid:\t1000\t1001\t1002\t1003\n" +
                "Gid:\t2000\t2001\t2002\t2003\n" +
                $"FDSize:\t{t.Fds.Size}\n" +
                "Groups:\t\n" +
                $"Mem:\t{mem,8} bytes\n" +
                "Slack:\t    2288 bytes\n" +
                "Shared:\t       0 bytes\n" +
                "Threads:\t1\n";
            Assert.Equal(expected, Cat(k, k.Init, Path(t, "status")));
            Assert.Equal(expected, Cat(k, k.Init, Path(t, "status"), 1));
        }

        [Fact]
        public void Status_ExecdHoldWith10000ByteMap_Slack2288_TextCountsAsShared()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "3");
            long a = k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0);
            // The 10000-byte map is the task's highest private VMA, so its slack is the one shown (Linux keeps
            // the last private VMA's).
            for (int i = t.Mm.Find(k.Mem.Vmas, (uint)a) + 1; i < t.Mm.Vmas.Count; i++)
                Assert.NotEqual(0, k.Mem.Vmas.Flags(t.Mm.Vmas[i]) & Vm.VM_MAYSHARE);
            string status = Cat(k, k.Init, Path(t, "status"));
            Assert.Equal("Slack:\t    2288 bytes", Line(status, "Slack:"));
            Assert.Equal("Name:\thold", Line(status, "Name:"));
            int textRegion = k.Mem.Vmas.Region(t.Mm.Vmas[t.Mm.Find(k.Mem.Vmas, t.Mm.StartCode)]);
            long text = Footprint.RegionBytes + (k.Mem.Regions.End(textRegion) - k.Mem.Regions.Start(textRegion));
            Assert.Equal($"Shared:\t{text,8} bytes", Line(status, "Shared:"));
        }

        [Fact]
        public void Status_NameWithBackslashAndNewline_Escaped()
        {
            var k = Host();
            Task t = NewTask(k, "a\\b\nc");
            Assert.Equal("Name:\ta\\\\b\\nc", Line(Cat(k, k.Init, Path(t, "status")), "Name:"));
        }

        [Fact]
        public void Status_PidsNumberedByTheMountsNamespace_ParentOutsideIsZero()
        {
            var k = Host();
            int pid = k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, Syscalls.CLONE_NEWPID);
            Assert.True(pid > 1);
            Task t = k.Sys.FindTask(k.Init, pid);
            Assert.Equal(0, k.Sys.Mkdir(k.Init, "/tmp/p", 0x1ED));
            Assert.Equal(0, k.Sys.Mount(t, "proc", "/tmp/p", "proc"));

            string inside = Cat(k, t, "/tmp/p/1/status");
            Assert.Equal("Tgid:\t1", Line(inside, "Tgid:"));
            Assert.Equal("Pid:\t1", Line(inside, "Pid:"));
            Assert.Equal("PPid:\t0", Line(inside, "PPid:"));
            Assert.StartsWith("1 (hold) S 0 ", Cat(k, t, "/tmp/p/1/stat"));

            string outside = Cat(k, k.Init, "/proc/" + pid + "/status");
            Assert.Equal("Pid:\t" + pid, Line(outside, "Pid:"));
            Assert.Equal("PPid:\t1", Line(outside, "PPid:"));
        }

        [Fact]
        public void TaskExitsWhileStatusOpen_TaskIsFreed_OpenFileReadsEsrch()
        {
            var k = Host();
            WeakReference weak = StartAndOpen(k, out int pid, out int fd);
            Assert.Equal(0, k.Sys.Kill(k.Init, pid, Syscalls.SIGKILL));
            for (int i = 0; i < 3 && weak.IsAlive; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.False(weak.IsAlive);
            Assert.Equal(-Errno.ESRCH, ReadOnce(k, k.Init, fd));
            Assert.Equal(0, k.Sys.Close(k.Init, fd));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference StartAndOpen(Kernel k, out int pid, out int fd)
        {
            Task t = Exec(k, k.Init, "hold", "2");
            pid = t.Tgid;
            fd = OpenRead(k, k.Init, Path(t, "status"));
            Assert.True(fd >= 0);
            Assert.True(ReadOnce(k, k.Init, fd, 16) == 16);   // a read in progress: the file holds a position
            return new WeakReference(t);
        }
    }
}
