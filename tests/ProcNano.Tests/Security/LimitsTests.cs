using System.Text;
using ProcNano;
using ProcNano.Tests.Shell;
using Xunit;

namespace ProcNano.Tests.Security
{
    /// <summary>
    /// Issue 11, finding 9: nothing bounded what a user could make (200 000 VMAs on one shared region, 5 000
    /// empty files eating six ESP32 heaps). Every user-creatable kernel object has a limit from the board, shown
    /// and set (by root) under /proc/sys, answered with Linux's errno.
    /// </summary>
    public class LimitsTests
    {
        private static BoardConfig Small() => new BoardConfig
        {
            MaxMapCount = 8, ThreadsMax = 6, FileMax = 40, NrOpen = 5, Shmmni = 3, InodeMax = 30,
        };

        [Fact]
        public void MaxMapCount_SharedRegionMapsStopAtTheLimit_ENOMEM()
        {
            var k = Boot.Board(Small());
            Task t = Boot.NewTask(k, "t");
            Files.Write(k, t, "/tmp/f", new byte[100]);
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDONLY, 0);
            int n = 0;
            long a;
            // Read-only private maps of one file range share one region: only VMAs are made.
            while ((a = k.Sys.Mmap(t, 0, 100, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0)) > 0 && n < 1000) n++;
            Assert.Equal(-Errno.ENOMEM, a);
            Assert.Equal(8, n);
            Assert.Equal(8, t.Mm.MapCount);
            // Splitting needs a VMA too.
            Task u = Boot.NewTask(k, "u");
            long big = k.Sys.Mmap(u, 0, 3 * 4096, Boot.RW, Boot.Anon, -1, 0);
            for (int i = 1; i < 8; i++) Assert.True(k.Sys.Mmap(u, 0, 4096, Boot.RW, Boot.Anon, -1, 0) > 0);
            Assert.Equal(-Errno.ENOMEM, k.Sys.Munmap(u, (uint)big + 4096, 4096));
            Assert.Equal(-Errno.ENOMEM, k.Sys.Shmat(u, k.Sys.Shmget(u, 0, 4096, Shm.IPC_CREAT | 0x1B6), 0, 0));
            Invariants.Check(k);
        }

        [Fact]
        public void Files_NrOpenIsEMFILE_FileMaxIsENFILE()
        {
            var k = Boot.Board(Small());
            Task t = Boot.NewTask(k, "t");
            int opened = 0, e;
            while ((e = k.Sys.Open(t, "/proc/version", File.O_RDONLY, 0)) >= 0) opened++;
            Assert.Equal(-Errno.EMFILE, e);
            Assert.Equal(5, opened);
            int total = k.Vfs.OpenFileCount();
            for (int i = 0; e != -Errno.ENFILE && i < 100; i++)
            {
                Task o = Boot.NewTask(k, "o" + i);
                if (o == null) break;
                for (int j = 0; j < 5 && (e = k.Sys.Open(o, "/proc/version", File.O_RDONLY, 0)) >= 0; j++) { }
            }
            Assert.Equal(-Errno.ENFILE, e);
            Assert.Equal(40, k.Vfs.OpenFileCount());
        }

        [Fact]
        public void Tasks_ThreadsMaxIsEAGAIN()
        {
            var k = Boot.Board(Small());
            int pid, started = 0;
            while ((pid = k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0)) > 0) started++;
            Assert.Equal(-Errno.EAGAIN, pid);
            Assert.Equal(6, k.Tasks.Count);
            Assert.Equal(-Errno.EAGAIN, k.Sys.SpawnEmpty(k.Init, "sh"));
        }

        [Fact]
        public void Shm_ShmmniIsENOSPC()
        {
            var k = Boot.Board(Small());
            for (int i = 0; i < 3; i++) Assert.True(k.Sys.Shmget(k.Init, 0, 4096, Shm.IPC_CREAT | 0x1B6) >= 0);
            Assert.Equal(-Errno.ENOSPC, k.Sys.Shmget(k.Init, 0, 4096, Shm.IPC_CREAT | 0x1B6));
        }

        [Fact]
        public void Inodes_InodeMaxIsENOSPC_ForNewNamesOnly()
        {
            var k = Boot.Board(Small());
            Task t = Boot.NewTask(k, "t");
            int made = 0, e = 0;
            for (int i = 0; i < 100; i++)
            {
                e = k.Sys.Open(t, "/tmp/f" + i, File.O_WRONLY | File.O_CREAT, 0x1A4);
                if (e < 0) break;
                k.Sys.Close(t, e);
                made++;
            }
            Assert.Equal(-Errno.ENOSPC, e);
            Assert.True(made > 10 && made < 30, made + " files");
            Assert.Equal(-Errno.ENOSPC, k.Sys.Mkdir(t, "/tmp/d", 0x1ED));
            Assert.Equal(-Errno.ENOSPC, k.Sys.Symlink(t, "/", "/tmp/l"));
            // An existing name needs no new inode.
            int fd = k.Sys.Open(t, "/tmp/f0", File.O_WRONLY | File.O_CREAT | File.O_TRUNC, 0x1A4);
            Assert.True(fd >= 0);
            k.Sys.Close(t, fd);
            Assert.Equal(-Errno.EEXIST, k.Sys.Mkdir(t, "/tmp/f0", 0x1ED));
            // Removing one makes room for one.
            Assert.Equal(0, k.Sys.Unlink(t, "/tmp/f1"));
            Assert.Equal(0, k.Sys.Mkdir(t, "/tmp/d", 0x1ED));
        }

        [Fact]
        public void ProcSys_ShowsTheBoardsLimits_RootChangesThem_OthersMayNot()
        {
            var h = new ShellHarness(Small());
            Assert.Equal("8\n", h.Out("cat /proc/sys/vm/max_map_count"));
            Assert.Equal("6\n", h.Out("cat /proc/sys/kernel/threads-max"));
            Assert.Equal("3\n", h.Out("cat /proc/sys/kernel/shmmni"));
            Assert.Equal("40\n", h.Out("cat /proc/sys/fs/file-max"));
            Assert.Equal("5\n", h.Out("cat /proc/sys/fs/nr_open"));
            Assert.Equal("30\n", h.Out("cat /proc/sys/fs/inode-max"));
            Assert.Equal(0, h.Run("sysctl -w vm.max_map_count=9", out _));
            Assert.Equal(9, h.K.Mem.MaxMapCount);
            Assert.Equal(0, h.Run("echo 7 > /proc/sys/kernel/threads-max", out _));
            Assert.Equal(7, h.K.Board.ThreadsMax);
            Assert.Equal(1, h.Run("echo 0 > /proc/sys/fs/nr_open", out string o));
            Assert.Equal("sh: /proc/sys/fs/nr_open: Invalid argument\n", o);
            Assert.Equal(0, h.Run("su 1000", out _));
            Assert.Equal(1, h.Run("echo 100 > /proc/sys/fs/file-max", out o));
            Assert.Equal("sh: /proc/sys/fs/file-max: Permission denied\n", o);
            Assert.Equal(40, h.K.Board.FileMax);
        }

        [Fact]
        public void DeviceBoards_HaveSmallLimits()
        {
            var h = new ShellHarness(ProcNano.HostSim.BoardLoader.Load(ProcNano.Tests.Build.RepoPaths.Root, "esp32-devkitc", out _));
            Assert.Equal("128\n", h.Out("cat /proc/sys/vm/max_map_count"));
            Assert.Equal("16\n", h.Out("cat /proc/sys/fs/nr_open"));
        }
    }
}
