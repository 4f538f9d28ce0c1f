using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    /// <summary>The device boards use 256- and 1024-byte pages and tiny arenas (ESP32 DevKitC: 64 × 256 B,
    /// C3: 48 × 256 B, S3: 256 × 1 KiB, WROVER: 512 × 1 KiB): the same scenarios must hold there.</summary>
    public class SmallPageBoardTests
    {
        public static TheoryData<int, int> Boards => new TheoryData<int, int>
        {
            { 256, 64 }, { 256, 48 }, { 1024, 256 }, { 1024, 512 },
        };

        private static int Exec(Kernel k, string path, params string[] argv)
        {
            int pid = k.Sys.Exec(k.Init, path, argv, 0);
            Assert.True(pid > 0, path + ": " + Errno.StrError(pid));
            return pid;
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void ExecMmapMunmapShm_ThenEveryExit_ArenaBackToBoot(int pageSize, int pages)
        {
            var k = Host(pages: pages, pageSize: pageSize);
            int P = pageSize;
            int free = k.Pages.FreePages;
            Assert.Equal(pages, free);
            Files.Copy(k, k.Init, "/bin/hold", "/flash/hold");

            // exec: romfs text in place, flash text one shared copy.
            int a = Exec(k, "/bin/hold", "hold", "2");
            int b = Exec(k, "/flash/hold", "hold", "1");
            int c = Exec(k, "/flash/hold", "hold", "1");
            var tb = k.Sys.FindTask(k.Init, b);
            var tc = k.Sys.FindTask(k.Init, c);
            Assert.True(k.Phys.InRom(k.Sys.FindTask(k.Init, a).Mm.StartCode));
            Assert.Equal(tb.Mm.StartCode, tc.Mm.StartCode);
            Assert.Equal(2, k.Mem.Regions.Usage(k.Mem.Regions.Find(tb.Mm.StartCode)));
            var greeting = new byte[6];
            Assert.Equal(6, k.Sys.ReadMem(k.Init, tb, tb.Mm.StartData, greeting, 0, 6));
            Assert.Equal("hold: ", System.Text.Encoding.ASCII.GetString(greeting));
            Invariants.Check(k);

            // shm: two demos share one segment at one address.
            int d = Exec(k, "/bin/shmdemo", "shmdemo");
            int e = Exec(k, "/bin/shmdemo", "shmdemo");
            Assert.Equal(1, k.Shm.Count);
            Assert.Equal(2, k.Shm[0].Nattch);
            Assert.Equal(2L * P, k.Shm[0].Size);

            // mmap / munmap: a 5-page anonymous map (trimmed from 8), a hole, a head cut, a tail cut.
            var t = NewTask(k, "t");
            long copyBefore = k.Mem.MmapPagesAllocated;
            long x = k.Sys.Mmap(t, 0, 5 * P, RW, Anon, -1, 0);
            Assert.True(x > 0, Errno.StrError((int)x));
            Assert.Equal(5, k.Mem.MmapPagesAllocated - copyBefore);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)x + 2 * (uint)P, (uint)P));
            Assert.Equal(2, t.Mm.MapCount);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)x, (uint)P));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)x + 4 * (uint)P, (uint)P));
            Assert.Equal(2, k.Mem.MmapPagesAllocated - copyBefore);
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(t, (uint)x + 3 * (uint)P + 1, (uint)P - 1));
            Invariants.Check(k);

            // A shared writable ramfs map and a private copy of the same file.
            Files.Write(k, t, "/tmp/f", Files.Pattern(3 * P));
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDWR, 0);
            long s = k.Sys.Mmap(t, 0, 3 * P, RW, Vm.MAP_SHARED, fd, 0);
            long p = k.Sys.Mmap(t, 0, 2 * P, RW, Vm.MAP_PRIVATE, fd, P);
            Assert.True(s > 0 && p > 0);
            k.Sys.WriteMem(t, t, (uint)s + (uint)P, new byte[] { 0xAB }, 0, 1);
            Assert.Equal(0xAB, Files.Read(k, t, "/tmp/f")[P]);
            var one = new byte[1];
            k.Sys.ReadMem(t, t, (uint)p, one, 0, 1);
            Assert.Equal(Files.Pattern(3 * P)[P], one[0]);   // the copy was taken before the write
            k.Sys.Close(t, fd);
            Assert.Equal(0, k.Sys.Unlink(t, "/tmp/f"));
            Invariants.Check(k);

            // Everything exits: the arena is as at boot.
            foreach (int pid in new[] { a, b, c, d, e }) Assert.Equal(0, k.Sys.Kill(k.Init, pid, Syscalls.SIGKILL));
            k.Sys.Shmctl(k.Init, k.Shm[0].Id, Shm.IPC_RMID);
            k.Tasks.ExitTask(t, 0);
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
            Assert.Equal(0, k.Mem.Regions.Count);
            Assert.Equal(0, k.Fs.RamfsPages);
            Assert.Equal(0, k.Vfs.Files.Count);
            Invariants.Check(k);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void ArenaExhausted_Enomem_NothingHalfBuilt(int pageSize, int pages)
        {
            var k = Host(pages: pages, pageSize: pageSize);
            var t = NewTask(k, "t");
            long one = k.Sys.Mmap(t, 0, pageSize, RW, Anon, -1, 0);   // so no block spans the whole arena
            int free = k.Pages.FreePages;
            Assert.Equal(-Errno.ENOMEM, k.Sys.Mmap(t, 0, (long)pages * pageSize, RW, Anon, -1, 0));
            Assert.Equal(-Errno.ENOMEM, k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", pages.ToString() }, 0));
            Assert.Equal(-Errno.ENOMEM, k.Sys.Shmget(t, 1, (long)pages * pageSize, Shm.IPC_CREAT | 0x1B6));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(1, t.Mm.MapCount);
            Assert.Equal(2, k.Tasks.Count);
            Assert.Equal(0, k.Shm.Count);
            Invariants.Check(k);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)one, pageSize));
            Assert.Equal(pages, k.Pages.FreePages);
        }

        [Theory]
        [InlineData(0, 8)]   // 0 never trims: 5 pages cost 8
        [InlineData(1, 5)]   // any excess goes
        [InlineData(3, 5)]   // excess 3 ≥ 3: trimmed (as 2 + 1)
        [InlineData(4, 8)]   // excess 3 < 4: kept
        [InlineData(int.MaxValue, 8)]
        public void NrTrimPages_Boundaries_On256BytePages(int nrTrim, int cost)
        {
            var k = Host(pages: 64, pageSize: 256, nrTrim: nrTrim);
            var t = NewTask(k, "t");
            long x = k.Sys.Mmap(t, 0, 5 * 256, RW, Anon, -1, 0);
            Assert.True(x > 0);
            Assert.Equal(cost, k.Mem.MmapPagesAllocated);
            Assert.Equal(64 - cost, k.Pages.FreePages);
            int r = k.Mem.Regions.Find((uint)x);
            Assert.Equal((uint)x + 5 * 256, k.Mem.Regions.End(r));
            Assert.Equal((uint)x + (uint)cost * 256, k.Mem.Regions.Top(r));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)x, 5 * 256));
            Assert.Equal(64, k.Pages.FreePages);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
        }
    }
}
