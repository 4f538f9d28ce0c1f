using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    public class MountsTests
    {
        private const string BootTable =
            "rootfs / ramfs rw 0 0\n" +
            "/dev/mtdblock0 /bin romfs ro 0 0\n" +
            "/dev/mtdblock1 /flash flashfs rw 0 0\n" +
            "proc /proc proc rw 0 0\n";

        [Fact]
        public void ProcMounts_IsSelfMounts_BootTable()
        {
            var k = Boot();
            Assert.Equal("self/mounts", k.Sys.ReadLink(k.Init, "/proc/mounts", out int err));
            Assert.Equal(BootTable, Cat(k, k.Init, "/proc/mounts"));
            Assert.Equal(BootTable, Cat(k, k.Init, "/proc/1/mounts"));
        }

        [Fact]
        public void PidMounts_Mode0444_SameTableForEveryTask()
        {
            var k = Boot();
            var user = Tests.Boot.NewTask(k, "user", 1000, 1000);
            int pid = user.Pid.NrIn(k.Tasks.RootNs);
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, "/proc/" + pid + "/mounts", st));
            Assert.Equal(Stat.S_IFREG | 0x124, st.Mode);
            Assert.Equal(BootTable, Cat(k, k.Init, "/proc/" + pid + "/mounts"));
            Assert.Equal(BootTable, Cat(k, user, "/proc/1/mounts"));
        }

        [Fact]
        public void MountAndUmount_ShowAtTheEnd_SeparatorsEscapedOctal()
        {
            var k = Boot();
            Assert.Equal(0, k.Sys.Mkdir(k.Init, "/tmp/a b", 0x1ED));
            Assert.Equal(0, k.Sys.Mount(k.Init, "my\tdev", "/tmp/a b", "ramfs"));
            Assert.Equal(BootTable + "my\\011dev /tmp/a\\040b ramfs rw 0 0\n", Cat(k, k.Init, "/proc/mounts"));
            Assert.Equal(0, k.Sys.Umount(k.Init, "/tmp/a b"));
            Assert.Equal(BootTable, Cat(k, k.Init, "/proc/mounts"));
        }

        [Fact]
        public void SecondProcfs_ListedWithItsMountPoint()
        {
            var k = Boot();
            Assert.Equal(0, k.Sys.Mkdir(k.Init, "/tmp/p", 0x1ED));
            Assert.Equal(0, k.Sys.Mount(k.Init, "proc", "/tmp/p", "proc"));
            Assert.Equal(BootTable + "proc /tmp/p proc rw 0 0\n", Cat(k, k.Init, "/tmp/p/mounts"));
        }

        [Fact]
        public void ExitedTask_OpenMountsFile_Esrch()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "t");
            int fd = k.Sys.Open(k.Init, "/proc/" + t.Tgid + "/mounts", File.O_RDONLY, 0);
            Assert.True(fd >= 0);
            k.Sys.Exit(t, 0);
            Assert.Equal(-Errno.ESRCH, k.Sys.Read(k.Init, fd, new byte[64], 0, 64));
        }
    }
}
