using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    public class SysvShmTests
    {
        private const string Header =
            "       key      shmid perms       size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime\n";

        [Fact]
        public void NoSegments_HeaderOnly()
        {
            var k = Boot();
            Assert.Equal(Header, Cat(k, k.Init, "/proc/sysvipc/shm"));
        }

        [Fact]
        public void Segments_Golden_32BitLayout()
        {
            var k = Boot();
            var a = Tests.Boot.NewTask(k, "a", 1000, 100);
            var b = Tests.Boot.NewTask(k, "b", 1000, 100);
            int id0 = k.Sys.Shmget(a, 42, 5000, Shm.IPC_CREAT | 0x1B6);
            int id1 = k.Sys.Shmget(a, -1, 4096, Shm.IPC_CREAT | 0x180);
            Assert.True(k.Sys.Shmat(a, id0, 0, 0) > 0);
            Assert.True(k.Sys.Shmat(b, id0, 0, 0) > 0);
            int pa = a.Tgid, pb = b.Tgid;   // lpid stays 0 until a first attach
            string expected = Header +
                $"        42 {id0,10}   666       5000 {pa,5} {pb,5}      2  1000   100  1000   100 1700000000          0 1700000000\n" +
                $"        -1 {id1,10}   600       4096 {pa,5}     0      0  1000   100  1000   100          0          0 1700000000\n";
            Assert.Equal(expected, Cat(k, k.Init, "/proc/sysvipc/shm"));
        }

        [Fact]
        public void RemovedWhileAttached_KeyZero_ShmDestInPerms_GoneAfterLastDetach()
        {
            var k = Boot();
            var a = Tests.Boot.NewTask(k, "a");
            int id = k.Sys.Shmget(a, 42, 4096, Shm.IPC_CREAT | 0x1B6);
            long addr = k.Sys.Shmat(a, id, 0, 0);
            Assert.Equal(0, k.Sys.Shmctl(a, id, Shm.IPC_RMID));
            string row = Cat(k, a, "/proc/sysvipc/shm").Substring(Header.Length);
            Assert.StartsWith($"         0 {id,10}  1666       4096 ", row);
            Assert.Equal(0, k.Sys.Shmdt(a, (uint)addr));
            Assert.Equal(Header, Cat(k, a, "/proc/sysvipc/shm"));
        }

        [Fact]
        public void Nattch_FollowsAttachAndDetach()
        {
            var k = Boot();
            var a = Tests.Boot.NewTask(k, "a");
            int id = k.Sys.Shmget(a, 1, 4096, Shm.IPC_CREAT | 0x1B6);
            long x = k.Sys.Shmat(a, id, 0, 0);
            long y = k.Sys.Shmat(a, id, 0, 0);
            Assert.Equal(x, y);
            Assert.Equal("    2", Cat(k, a, "/proc/sysvipc/shm").Substring(Header.Length + 52, 5));
            Assert.Equal(0, k.Sys.Shmdt(a, (uint)x));
            Assert.Equal("    1", Cat(k, a, "/proc/sysvipc/shm").Substring(Header.Length + 52, 5));
        }
    }
}
