using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    /// <summary>maps, smaps, pagemap and exe need ptrace-style access, checked at open and at every read.</summary>
    public class AccessTests
    {
        [Theory]
        [InlineData("maps")]
        [InlineData("smaps")]
        [InlineData("pagemap")]
        public void UnprivilegedReader_RootsPrivateFile_EaccesAtOpen(string file)
        {
            var k = Host();
            Task root = Exec(k, k.Init, "hold", "1");
            Task user = NewTask(k, "user", 1000, 1000);
            Assert.Equal(-Errno.EACCES, OpenRead(k, user, Path(root, file)));
            Assert.True(OpenRead(k, k.Init, Path(root, file)) >= 0);
        }

        [Fact]
        public void UnprivilegedReader_RootsExe_Eacces_StatusStatStatmReadable()
        {
            var k = Host();
            Task root = Exec(k, k.Init, "hold", "1");
            Task user = NewTask(k, "user", 1000, 1000);
            Assert.Null(k.Sys.ReadLink(user, Path(root, "exe"), out int err));
            Assert.Equal(-Errno.EACCES, err);
            Assert.StartsWith("Name:\thold\n", Cat(k, user, Path(root, "status")));
            Assert.StartsWith(root.Tgid + " (hold) ", Cat(k, user, Path(root, "stat")));
            Assert.EndsWith(" 0\n", Cat(k, user, Path(root, "statm")));
        }

        [Theory]
        [InlineData("maps", "dumpable")]
        [InlineData("maps", "euid")]
        [InlineData("smaps", "dumpable")]
        [InlineData("pagemap", "euid")]
        public void SameUidReader_TargetBecomesPrivilegedAfterOpen_NextReadEacces(string file, string how)
        {
            var k = Host();
            Task owner = NewTask(k, "owner", 1000, 1000);
            Task target = Exec(k, owner, "hold", "1");
            Task reader = NewTask(k, "reader", 1000, 1000);
            int fd = OpenRead(k, reader, Path(target, file));
            Assert.True(fd >= 0, Errno.StrError(fd));
            Assert.Equal(8, ReadOnce(k, reader, fd, 8));

            if (how == "dumpable") target.Dumpable = false;   // as prctl(PR_SET_DUMPABLE, 0) would
            else target.Euid = 0;                              // as running a set-uid-root program would

            Assert.Equal(-Errno.EACCES, ReadOnce(k, reader, fd, 8));
            Assert.Equal(-Errno.EACCES, OpenRead(k, reader, Path(target, file)));
            Assert.True(ReadOnce(k, k.Init, OpenRead(k, k.Init, Path(target, file)), 8) == 8);   // root still may
        }

        [Fact]
        public void SameUidReader_TargetSetuidSyscallLosesDumpable_Eacces()
        {
            var k = Host();
            Task target = Exec(k, k.Init, "hold", "1");
            Assert.Equal(0, k.Sys.Setuid(target, 1000));   // root drops to 1000: euid changed, no longer dumpable
            Task reader = NewTask(k, "reader", 1000, 0);
            Assert.Equal(-Errno.EACCES, OpenRead(k, reader, Path(target, "maps")));
        }

        [Fact]
        public void ProcSelfMaps_IsTheReadersOwn()
        {
            var k = Host();
            Task owner = NewTask(k, "owner", 1000, 1000);
            Task t = Exec(k, owner, "hold", "2");
            Assert.Equal(Cat(k, k.Init, Path(t, "maps")), Cat(k, t, "/proc/self/maps"));
            Assert.Equal("/bin/hold", k.Sys.ReadLink(t, "/proc/self/exe", out _));
        }

        [Fact]
        public void TaskReadsItsOwnMaps_EvenWhenNotDumpable()
        {
            var k = Host();
            Task owner = NewTask(k, "owner", 1000, 1000);
            Task t = Exec(k, owner, "hold", "1");
            int fd = OpenRead(k, t, Path(t, "maps"));
            Assert.True(fd >= 0);
            t.Dumpable = false;
            Assert.True(ReadOnce(k, t, fd) > 0);
        }

        [Theory]
        [InlineData("status")]
        [InlineData("stat")]
        [InlineData("cmdline")]
        [InlineData("mounts")]
        public void Write_PidFileWithNoWriteMethod_Einval_GenericEntryEio(string file)
        {
            // Root may open a 0444 file for writing; the write then fails as vfs_write fails a file with no
            // write method (EINVAL), while generic entries go through proc_reg_write (EIO).
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            Assert.Equal(-Errno.EINVAL, WriteText(k, k.Init, Path(t, file), "x"));
            Assert.Equal(-Errno.EIO, WriteText(k, k.Init, "/proc/meminfo", "x"));
        }
    }
}
