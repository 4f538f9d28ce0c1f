using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    public class MunmapTests
    {
        [Fact]
        public void Munmap_PunchMiddlePage_TwoVmas_MmapCopyDrops4kB()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long a = k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0);
            long before = MmapCopyKb(k);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a + 4096, 4096));
            Assert.Equal(4, before - MmapCopyKb(k));
            Assert.Equal(2, t.Mm.MapCount);
            Assert.Equal(2, k.Mem.Regions.Count);
            int v0 = t.Mm.Vmas[0], v1 = t.Mm.Vmas[1];
            Assert.Equal((uint)a, k.Mem.Vmas.Start(v0));
            Assert.Equal((uint)a + 4096, k.Mem.Vmas.End(v0));
            Assert.Equal((uint)a + 8192, k.Mem.Vmas.Start(v1));
            Assert.Equal((uint)a + 12288, k.Mem.Vmas.End(v1));
            Assert.Equal(2, k.Mem.VmaPgoff(v1));
            Assert.True(k.Pages.IsFree(k.Phys.ArenaPfn((uint)a + 4096)));
        }

        [Fact]
        public void Munmap_ShrinkHeadAndTail_FreesPagesAtOnce()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long a = k.Sys.Mmap(t, 0, 4 * 4096, RW, Anon, -1, 0);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 4096));                 // head
            Assert.Equal(12, MmapCopyKb(k));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a + 3 * 4096, 4096));      // tail
            Assert.Equal(8, MmapCopyKb(k));
            int v = t.Mm.Vmas[0];
            Assert.Equal((uint)a + 4096, k.Mem.Vmas.Start(v));
            Assert.Equal((uint)a + 3 * 4096, k.Mem.Vmas.End(v));
            int r = k.Mem.Vmas.Region(v);
            Assert.Equal(k.Mem.Vmas.Start(v), k.Mem.Regions.Start(r));
            Assert.Equal(k.Mem.Regions.End(r), k.Mem.Regions.Top(r));
        }

        [Fact]
        public void Munmap_TailOfUntrimmedBlock_FreesSlackToo()
        {
            var k = Host(nrTrim: 0);
            var t = NewTask(k, "a");
            long a = k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0);
            Assert.Equal(16, MmapCopyKb(k));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a + 2 * 4096, 4096));
            Assert.Equal(8, MmapCopyKb(k)); // the cut page and the slack page
        }

        [Fact]
        public void Munmap_Whole_RestoresArena()
        {
            var k = Host();
            var t = NewTask(k, "a");
            int free = k.Pages.FreePages;
            long a = k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 10000));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
            Assert.Equal(0, k.Mem.Regions.Count);
        }

        [Fact]
        public void Munmap_PageRoundedLengthOfUnalignedVma_RemovesWhole()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long a = k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 12288));
            Assert.Equal(0, t.Mm.MapCount);
        }

        // do_munmap walks the VMAs starting at ADDR for the one whose vm_end is ADDR + LEN; only when none is
        // does the page-rounded length (this kernel's choice for a VMA of an unaligned length) match.
        [Fact]
        public void Munmap_SeveralVmasAtOneAddress_ExactLengthGoesFirst()
        {
            var k = Host();
            var t = NewTask(k, "a");
            Files.Write(k, t, "/flash/data", Files.Pattern(2 * 4096));
            int fd = k.Sys.Open(t, "/flash/data", File.O_RDONLY, 0);
            long shortMap = k.Sys.Mmap(t, 0, 5000, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            long fullMap = k.Sys.Mmap(t, 0, 8192, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            Assert.Equal(shortMap, fullMap);   // one shared copy, two VMAs at one address
            Assert.Equal(0, k.Sys.Munmap(t, (uint)fullMap, 8192));
            Assert.Equal(1, t.Mm.MapCount);
            Assert.Equal((uint)shortMap + 5000, k.Mem.Vmas.End(t.Mm.Vmas[0]));
            // Now only the 5000-byte VMA is left: the rounded length removes it.
            Assert.Equal(0, k.Sys.Munmap(t, (uint)shortMap, 8192));
            Assert.Equal(0, t.Mm.MapCount);
        }

        [Fact]
        public void Munmap_NothingMapped_EinvalAndLogLine()
        {
            var k = Host();
            var t = NewTask(k, "lost");
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(t, 0x20000000, 4096));
            Assert.True(k.Log.Contains("munmap of memory not mmapped by process " + t.Tgid + " (lost): 0x20000000-0x20001000"));
        }

        [Fact]
        public void Munmap_WarningIsRateLimitedToFive()
        {
            var k = Host();
            var t = NewTask(k, "lost");
            for (int i = 0; i < 7; i++) k.Sys.Munmap(t, 0x20000000 + (uint)i * 4096, 4096);
            Assert.True(k.Log.Contains("0x20004000-0x20005000"));
            Assert.False(k.Log.Contains("0x20005000-0x20006000"));
        }

        [Theory]
        [InlineData(0L, 0L)]              // len 0
        [InlineData(100L, 4096L)]         // unaligned start inside
        [InlineData(4096L, 100L)]         // unaligned end inside
        [InlineData(8192L, 8192L)]        // runs past the VMA
        public void Munmap_BadAnonymousRange_Einval(long offset, long len)
        {
            var k = Host();
            var t = NewTask(k, "a");
            long a = k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0);
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(t, (uint)a + (uint)offset, len));
            Assert.Equal(1, t.Mm.MapCount);
            Assert.Equal(12, MmapCopyKb(k));
        }

        [Fact]
        public void Munmap_OtherTasksMemory_Einval()
        {
            var k = Host();
            var a = NewTask(k, "a");
            var b = NewTask(k, "b");
            long addr = k.Sys.Mmap(a, 0, 4096, RW, Anon, -1, 0);
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(b, (uint)addr, 4096));
            Assert.Equal(1, a.Mm.MapCount);
        }
    }
}
