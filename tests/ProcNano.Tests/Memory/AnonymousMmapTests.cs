using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    public class AnonymousMmapTests
    {
        [Fact]
        public void Mmap_ProtSem_Accepted_AndLeavesNoFlag()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long a = k.Sys.Mmap(t, 0, 4096, RW | Vm.PROT_SEM, Anon, -1, 0);
            Assert.True(a > 0, Errno.StrError((int)a));
            Assert.Equal(Vm.VM_READ | Vm.VM_WRITE, k.Mem.Vmas.Flags(t.Mm.Vmas[0]) & (Vm.VM_READ | Vm.VM_WRITE | Vm.VM_EXEC | Vm.VM_SHARED));
        }

        [Fact]
        public void Mmap_12288Anon_Trim1_MmapCopyRises12kB()
        {
            var k = Host(nrTrim: 1);
            var t = NewTask(k, "a");
            long before = MmapCopyKb(k);
            long addr = k.Sys.Mmap(t, 0, 12288, RW, Anon, -1, 0);
            Assert.True(addr > 0);
            Assert.Equal(12, MmapCopyKb(k) - before);
            int r = k.Mem.Regions.Find((uint)addr);
            Assert.Equal(k.Mem.Regions.End(r), k.Mem.Regions.Top(r));
        }

        [Fact]
        public void Mmap_12288Anon_Trim0_MmapCopyRises16kB_SlackInTop()
        {
            var k = Host(nrTrim: 0);
            var t = NewTask(k, "a");
            long addr = k.Sys.Mmap(t, 0, 12288, RW, Anon, -1, 0);
            Assert.Equal(16, MmapCopyKb(k));
            int r = k.Mem.Regions.Find((uint)addr);
            Assert.Equal((uint)addr + 12288, k.Mem.Regions.End(r));
            Assert.Equal((uint)addr + 16384, k.Mem.Regions.Top(r));
        }

        [Fact]
        public void Mmap_TrimThresholdTwo_KeepsSinglePageExcess()
        {
            var k = Host(nrTrim: 2);
            var t = NewTask(k, "a");
            k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0);   // excess 1 < 2: kept
            Assert.Equal(16, MmapCopyKb(k));
            k.Sys.Mmap(t, 0, 5 * 4096, RW, Anon, -1, 0);   // excess 3 >= 2: trimmed to 5
            Assert.Equal(16 + 20, MmapCopyKb(k));
        }

        [Fact]
        public void Mmap_10000Bytes_VmaEndsUnaligned_Slack2288()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long addr = k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0);
            int v = t.Mm.Vmas[0];
            int r = k.Mem.Vmas.Region(v);
            Assert.Equal((uint)addr + 10000, k.Mem.Vmas.End(v));
            Assert.Equal(2288u, k.Mem.Regions.End(r) - k.Mem.Vmas.End(v));
        }

        [Fact]
        public void Mmap_Anonymous_IsZeroFilled()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long a1 = k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0);
            var junk = new byte[4096];
            for (int i = 0; i < junk.Length; i++) junk[i] = 0xAA;
            Assert.Equal(4096, k.Sys.WriteMem(t, t, (uint)a1, junk, 0, 4096));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a1, 4096));
            long a2 = k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0);
            Assert.Equal(a1, a2); // the same page comes back from the buddy allocator...
            var back = new byte[4096];
            k.Sys.ReadMem(t, t, (uint)a2, back, 0, 4096);
            Assert.All(back, b => Assert.Equal(0, b)); // ...but zeroed
        }

        [Fact]
        public void Mmap_AnonymousShared_BehavesPrivate()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long addr = k.Sys.Mmap(t, 0, 4096, RW, Vm.MAP_SHARED | Vm.MAP_ANONYMOUS, -1, 0);
            Assert.True(addr > 0);
            int v = t.Mm.Vmas[0];
            Assert.Equal(0, k.Mem.Vmas.Flags(v) & (Vm.VM_SHARED | Vm.VM_MAYSHARE));
            Assert.NotEqual(0, k.Mem.Vmas.Flags(v) & Vm.VM_MAPPED_COPY);
        }

        [Theory]
        [InlineData(0, RW, Anon, Errno.EINVAL)]                                        // len 0
        [InlineData(4096, RW, Vm.MAP_ANONYMOUS, Errno.EINVAL)]                         // neither shared nor private
        [InlineData(4096, RW, Vm.MAP_SHARED | Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS, Errno.EINVAL)] // both
        [InlineData(4096, RW, Anon | Vm.MAP_FIXED, Errno.EINVAL)]                      // no MAP_FIXED on NOMMU
        [InlineData(4096, RW, Anon | 0x100000, Errno.EINVAL)]                          // unknown flag bit
        [InlineData(4096, 0x10, Anon, Errno.EINVAL)]                                   // unknown prot bit (PROT_SEM, 8, is known)
        [InlineData(-1L, RW, Anon, Errno.ENOMEM)]                                      // size_t overflow
        [InlineData(0xFFFFF001L, RW, Anon, Errno.ENOMEM)]                              // wraps when aligned
        [InlineData(1L << 22, RW, Anon, Errno.ENOMEM)]                                 // bigger than the arena
        public void Mmap_BadArguments_Errno(long len, int prot, int flags, int errno)
        {
            var k = Host();
            var t = NewTask(k, "a");
            int free = k.Pages.FreePages;
            Assert.Equal(-errno, k.Sys.Mmap(t, 0, len, prot, flags, -1, 0));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, t.Mm.MapCount);
            Assert.Equal(0, k.Mem.Regions.Count);
        }

        [Fact]
        public void Mmap_BadFd_Ebadf()
        {
            var k = Host();
            var t = NewTask(k, "a");
            Assert.Equal(-Errno.EBADF, k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, 7, 0));
        }

        [Fact]
        public void Mmap_OutOfArena_EnomemAndLogLine_NothingLeft()
        {
            var k = Host(pages: 16);
            var t = NewTask(k, "hog");
            Assert.True(k.Sys.Mmap(t, 0, 8 * 4096, RW, Anon, -1, 0) > 0);
            int free = k.Pages.FreePages;
            Assert.Equal(-Errno.ENOMEM, k.Sys.Mmap(t, 0, 9 * 4096, RW, Anon, -1, 0));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(1, t.Mm.MapCount);
            Assert.True(k.Log.Contains("Allocation of length 36864 from process"));
        }

        [Fact]
        public void Mmap_HintIgnored_AddressFromAllocator()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long addr = k.Sys.Mmap(t, 0x12345000, 4096, RW, Anon, -1, 0);
            Assert.True(k.Phys.InArena((uint)addr));
        }
    }
}
