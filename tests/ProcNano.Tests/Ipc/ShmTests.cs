using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

using ProcNano.Tests.Memory;

namespace ProcNano.Tests.Ipc
{
    public class ShmTests
    {
        private const int Create = Shm.IPC_CREAT | 0x1B6;

        [Fact]
        public void Shmat_Twice_SameAddress_NattchTwo_OneRegion()
        {
            var k = Host();
            var a = NewTask(k, "a");
            var b = NewTask(k, "b");
            int id = k.Sys.Shmget(a, 0x42, 8192, Create);
            Assert.True(id >= 0);
            long x = k.Sys.Shmat(a, id, 0, 0);
            long y = k.Sys.Shmat(a, id, 0, 0);
            long z = k.Sys.Shmat(b, id, 0, 0);
            Assert.True(x > 0);
            Assert.Equal(x, y);
            Assert.Equal(x, z);
            Assert.Equal(3, k.Shm.Find(id).Nattch);
            Assert.Equal(2, a.Mm.MapCount);
            Assert.Equal(1, k.Mem.Regions.Count);
            Assert.Equal(3, k.Mem.Regions.Usage(k.Mem.Regions.At(0)));
            Assert.Equal(0, k.Mem.MmapPagesAllocated); // a direct store: never MmapCopy
        }

        [Fact]
        public void Shmdt_RemovesExactlyOneAttachment_OtherStillUsable()
        {
            var k = Host();
            var a = NewTask(k, "a");
            int id = k.Sys.Shmget(a, 0x42, 4096, Create);
            long x = k.Sys.Shmat(a, id, 0, 0);
            k.Sys.Shmat(a, id, 0, 0);
            Assert.Equal(0, k.Sys.Shmdt(a, (uint)x));
            Assert.Equal(1, k.Shm.Find(id).Nattch);
            Assert.Equal(1, a.Mm.MapCount);
            var msg = new byte[] { 1, 2, 3 };
            Assert.Equal(3, k.Sys.WriteMem(a, a, (uint)x, msg, 0, 3));
        }

        [Fact]
        public void Shm_WritesSeenByEveryAttachment()
        {
            var k = Host();
            var a = NewTask(k, "a");
            var b = NewTask(k, "b");
            int id = k.Sys.Shmget(a, 7, 4096, Create);
            long x = k.Sys.Shmat(a, id, 0, 0);
            long y = k.Sys.Shmat(b, id, 0, 0);
            k.Sys.WriteMem(a, a, (uint)x + 100, new byte[] { 0x5A }, 0, 1);
            var back = new byte[1];
            k.Sys.ReadMem(b, b, (uint)y + 100, back, 0, 1);
            Assert.Equal(0x5A, back[0]);
        }

        [Fact]
        public void Shmdt_NotAnAttachment_Einval()
        {
            var k = Host();
            var a = NewTask(k, "a");
            long anon = k.Sys.Mmap(a, 0, 4096, RW, Anon, -1, 0);
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmdt(a, (uint)anon));        // mapped, but not shm
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmdt(a, (uint)anon + 1));    // unaligned
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmdt(a, 0x20000000 + 4096 * 100));
            Assert.Equal(1, a.Mm.MapCount);
        }

        [Fact]
        public void Shmctl_Rmid_FreesOnLastDetach()
        {
            var k = Host();
            var a = NewTask(k, "a");
            int free = k.Pages.FreePages;
            int id = k.Sys.Shmget(a, 0x99, 3 * 4096, Create);
            Assert.Equal(free - 3, k.Pages.FreePages); // one contiguous block, trimmed to 3 pages
            long x = k.Sys.Shmat(a, id, 0, 0);
            Assert.Equal(0, k.Sys.Shmctl(a, id, Shm.IPC_RMID));
            Assert.NotNull(k.Shm.Find(id));             // still attached
            Assert.Equal(-Errno.ENOENT, k.Sys.Shmget(a, 0x99, 4096, 0)); // the key is gone
            Assert.Equal(0, k.Sys.Shmdt(a, (uint)x));
            Assert.Null(k.Shm.Find(id));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, k.Mem.Regions.Count);
        }

        [Fact]
        public void Shmget_Errors()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Assert.Equal(-Errno.ENOENT, k.Sys.Shmget(a, 5, 4096, 0));
            int id = k.Sys.Shmget(a, 5, 4096, Create);
            Assert.Equal(id, k.Sys.Shmget(a, 5, 4096, 0));
            Assert.Equal(-Errno.EEXIST, k.Sys.Shmget(a, 5, 4096, Create | Shm.IPC_EXCL));
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmget(a, 5, 8192, 0));       // bigger than the segment
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmget(a, 6, 0, Create));     // size 0
            Assert.Equal(-Errno.ENOMEM, k.Sys.Shmget(a, 8, 200 * 4096, Create) == -Errno.ENOMEM ? -Errno.ENOMEM : 0);
            Assert.NotEqual(k.Sys.Shmget(a, Shm.IPC_PRIVATE, 4096, Create), k.Sys.Shmget(a, Shm.IPC_PRIVATE, 4096, Create));
        }

        [Fact]
        public void Shm_Permissions_Eacces_And_RmidByStranger_Eperm()
        {
            var k = Host();
            var owner = NewTask(k, "owner", uid: 1000, gid: 1000);
            var other = NewTask(k, "other", uid: 2000, gid: 2000);
            int id = k.Sys.Shmget(owner, 0x77, 4096, Shm.IPC_CREAT | 0x180); // 0600
            Assert.Equal(-Errno.EACCES, k.Sys.Shmget(other, 0x77, 4096, 0x1B6));
            Assert.Equal(-Errno.EACCES, k.Sys.Shmat(other, id, 0, 0));
            Assert.Equal(-Errno.EPERM, k.Sys.Shmctl(other, id, Shm.IPC_RMID));
            Assert.True(k.Sys.Shmat(owner, id, 0, 0) > 0);
        }

        [Fact]
        public void Shmat_BadIdOrFixedAddress_Einval()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmat(a, 12345, 0, 0));
            int id = k.Sys.Shmget(a, 1, 4096, Create);
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmat(a, id, 0x20010000, 0));
        }

        [Fact]
        public void Shm_ReadOnlyAttach_PokeRefused()
        {
            var k = Host();
            var a = NewTask(k, "a");
            int id = k.Sys.Shmget(a, 1, 4096, Create);
            long x = k.Sys.Shmat(a, id, 0, Shm.SHM_RDONLY);
            Assert.True(x > 0);
            Assert.Equal(-Errno.EACCES, k.Sys.WriteMem(a, a, (uint)x, new byte[1], 0, 1));
        }

        [Fact]
        public void Munmap_OfAnAttachment_DetachesLikeShmdt_NattchAndLastPid()
        {
            // shm_close runs however the VMA goes (shmdt, munmap, exit): nattch drops, lpid names the task.
            var k = Host();
            var a = NewTask(k, "a");
            var b = NewTask(k, "b");
            int id = k.Sys.Shmget(a, 0x31, 8192, Create);
            long y = k.Sys.Shmat(b, id, 0, 0);
            long x = k.Sys.Shmat(a, id, 0, 0);
            Assert.Equal(2, k.Shm.Find(id).Nattch);
            Assert.Equal(a.Tgid, k.Shm.Find(id).LastPid);
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(b, (uint)y, 4096));   // a file VMA goes whole
            Assert.Equal(0, k.Sys.Munmap(b, (uint)y, 8192));
            Assert.Equal(1, k.Shm.Find(id).Nattch);
            Assert.Equal(b.Tgid, k.Shm.Find(id).LastPid);
            var c = NewTask(k, "c");
            k.Sys.Shmat(c, id, 0, 0);
            k.Tasks.ExitTask(a, 0);
            Assert.Equal(1, k.Shm.Find(id).Nattch);
            Assert.Equal(a.Tgid, k.Shm.Find(id).LastPid);
            k.Tasks.ExitTask(c, 0);
            Assert.Equal(0, k.Mem.Regions.Count);
            Assert.Equal(0, k.Sys.Shmctl(b, id, Shm.IPC_RMID));
            Assert.Null(k.Shm.Find(id));
            Invariants.Check(k);
        }

        [Fact]
        public void Exit_DetachesEverything_SegmentFreedIfRemoved()
        {
            var k = Host();
            var a = NewTask(k, "a");
            int free = k.Pages.FreePages;
            int id = k.Sys.Shmget(a, 3, 4096, Create);
            k.Sys.Shmat(a, id, 0, 0);
            k.Sys.Shmat(a, id, 0, 0);
            k.Sys.Shmctl(a, id, Shm.IPC_RMID);
            k.Tasks.ExitTask(a, 0);
            Assert.Null(k.Shm.Find(id));
            Assert.Equal(free, k.Pages.FreePages);
        }
    }
}
