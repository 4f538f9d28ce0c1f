using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    /// <summary>Lookups by address in the region tree and an mm's VMA list, with the overlapping views a
    /// DIRECT store allows (a later, bigger view of a file gets its own region over an earlier one).</summary>
    public class LookupTests
    {
        private const int P = 4096;

        // A 4-page ramfs file: view B = page 1 first, then view A = pages 0-3, which cannot share B (not a
        // subset) and so gets its own direct region starting below B's and reaching past it.
        private static (Kernel k, Task t, long a, long b) TwoViews()
        {
            var k = Host();
            var t = NewTask(k, "a");
            Files.Write(k, t, "/tmp/f", Files.Pattern(4 * P));
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDONLY, 0);
            long b = k.Sys.Mmap(t, 0, P, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, P);
            long a = k.Sys.Mmap(t, 0, 4 * P, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            Assert.True(a > 0 && b > 0);
            Assert.Equal(a + P, b);
            Assert.Equal(2, k.Mem.Regions.Count);
            return (k, t, a, b);
        }

        [Fact]
        public void RegionFind_AddressPastAnInnerView_FindsTheOuterView()
        {
            var (k, _, a, _) = TwoViews();
            int r = k.Mem.Regions.Find((uint)a + 3 * P);
            Assert.True(r >= 0);
            Assert.Equal((uint)a, k.Mem.Regions.Start(r));
            Assert.Equal(-1, k.Mem.Regions.Find((uint)a + 4 * P));
        }

        [Fact]
        public void VmaFind_AddressPastAnInnerView_FindsTheOuterView()
        {
            var (k, t, a, b) = TwoViews();
            int i = t.Mm.Find(k.Mem.Vmas, (uint)a + 3 * P);
            Assert.True(i >= 0);
            Assert.Equal((uint)a, k.Mem.Vmas.Start(t.Mm.Vmas[i]));
            var buf = new byte[8];
            Assert.Equal(8, k.Sys.ReadMem(t, t, (uint)a + 3 * P + 100, buf, 0, 8));
            Assert.Equal(-1, t.Mm.Find(k.Mem.Vmas, (uint)a + 4 * P));
            Assert.Equal(0, t.Mm.Find(k.Mem.Vmas, (uint)b));   // the first in order that holds it: the outer
        }

        [Fact]
        public void Munmap_WholeInnerFileView_RemovesIt_OuterStays()
        {
            // A file VMA goes whole: [b, b+P) is all of the inner view, though the outer one (first in
            // order) also holds b. 2.6.29 looked only from the outer one and said EINVAL.
            var (k, t, a, b) = TwoViews();
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(t, (uint)b, 2 * P));  // neither view ends there
            Assert.Equal(0, k.Sys.Munmap(t, (uint)b, P));
            Assert.Equal(1, t.Mm.MapCount);
            Assert.Equal((uint)a, k.Mem.Vmas.Start(t.Mm.Vmas[0]));
            Assert.Equal(1, k.Mem.Regions.Count);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 4 * P));
            Assert.Equal(0, k.Mem.Regions.Count);
        }

        [Fact]
        public void Poke_WhereAReadOnlyAndAWritableViewOverlap_WritesThroughTheWritableOne()
        {
            // One address, two VMAs of one ramfs file: read-only private (mapped first) and shared
            // writable. Access is by any VMA that allows it, not only the first in order.
            var k = Host();
            var t = NewTask(k, "a");
            Files.Write(k, t, "/tmp/f", Files.Pattern(2 * P));
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDWR, 0);
            long ro = k.Sys.Mmap(t, 0, 2 * P, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            long rw = k.Sys.Mmap(t, 0, 2 * P, RW, Vm.MAP_SHARED, fd, 0);
            Assert.Equal(ro, rw);
            var b = new byte[] { 0x5A, 0x5B };
            Assert.Equal(2, k.Sys.WriteMem(t, t, (uint)rw + P - 1, b, 0, 2));
            Assert.Equal(0x5B, Files.Read(k, t, "/tmp/f")[P]);
            // With only the read-only view left, the same write is refused and changes nothing.
            Assert.Equal(0, k.Sys.Munmap(t, (uint)rw, 2 * P));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)rw, 2 * P));
            ro = k.Sys.Mmap(t, 0, 2 * P, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            Assert.Equal(-Errno.EACCES, k.Sys.WriteMem(t, t, (uint)ro + P - 1, new byte[] { 1, 2 }, 0, 2));
            Assert.Equal(2, k.Sys.ReadMem(t, t, (uint)ro + P - 1, b, 0, 2));
            Assert.Equal(new byte[] { 0x5A, 0x5B }, b);
        }

        [Fact]
        public void VmaFind_MissBetweenAnonymousMaps_Minus1_HitsFound()
        {
            var k = Host();
            var t = NewTask(k, "a");
            var addrs = new long[8];
            for (int i = 0; i < addrs.Length; i++) addrs[i] = k.Sys.Mmap(t, 0, P, RW, Anon, -1, 0);
            for (int i = 0; i < addrs.Length; i += 2) Assert.Equal(0, k.Sys.Munmap(t, (uint)addrs[i], P));
            for (int i = 0; i < addrs.Length; i++)
            {
                int at = t.Mm.Find(k.Mem.Vmas, (uint)addrs[i] + 10);
                if (i % 2 == 0) Assert.Equal(-1, at);
                else Assert.Equal((uint)addrs[i], k.Mem.Vmas.Start(t.Mm.Vmas[at]));
            }
        }

        [Fact]
        public void Shmdt_AmongManyMaps_RemovesTheAttachmentAtThatAddress()
        {
            var k = Host();
            var t = NewTask(k, "a");
            for (int i = 0; i < 6; i++) k.Sys.Mmap(t, 0, P, RW, Anon, -1, 0);
            int id = k.Sys.Shmget(t, 5, P, Shm.IPC_CREAT | 0x1B6);
            long x = k.Sys.Shmat(t, id, 0, 0);
            k.Sys.Shmat(t, id, 0, 0);
            for (int i = 0; i < 6; i++) k.Sys.Mmap(t, 0, P, RW, Anon, -1, 0);
            Assert.Equal(0, k.Sys.Shmdt(t, (uint)x));
            Assert.Equal(0, k.Sys.Shmdt(t, (uint)x));
            Assert.Equal(-Errno.EINVAL, k.Sys.Shmdt(t, (uint)x));
            Assert.Equal(12, t.Mm.MapCount);
        }
    }
}
