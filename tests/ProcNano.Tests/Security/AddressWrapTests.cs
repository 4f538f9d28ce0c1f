using System.Globalization;
using ProcNano;
using ProcNano.Tests.Shell;
using Xunit;

namespace ProcNano.Tests.Security
{
    /// <summary>
    /// Issue 11, finding 2: a user-memory range whose end wraps past 2^32 read as ending at 0, so the VMA check
    /// was skipped. Every accessor treats addr + len past the address space as EFAULT, and the banks are found
    /// by offset, so an arena that ends at 2^32 works.
    /// </summary>
    public class AddressWrapTests
    {
        [Theory]
        [InlineData("hexdump 0xffffffff 1", "hexdump: Bad address\n")]
        [InlineData("hexdump 0xfffffff0 16", "hexdump: Bad address\n")]
        [InlineData("poke 0xffffffff a", "poke: Bad address\n")]
        [InlineData("poke 0xfffffff0 0123456789abcdef", "poke: Bad address\n")]
        [InlineData("hexdump -p 1 0xffffffff 1", "hexdump: Bad address\n")]
        public void NearTheTop_BadAddress(string line, string expected)
        {
            var h = new ShellHarness();
            Assert.Equal(1, h.Run(line, out string o));
            Assert.Equal(expected, o);
        }

        [Fact]
        public void ArenaEndingAt2To32_MappedPagesWork_ARangeThatWrapsIsRefused()
        {
            // 256 pages of 256 bytes at 0xffff0000: the arena's end is 2^32.
            var h = new ShellHarness(new BoardConfig { ArenaBase = 0xFFFF0000, PageSize = 256, ArenaPages = 256 });
            var k = h.K;
            Assert.Equal(0, h.Run("mmap 256 rw- private", out string o));
            uint a = uint.Parse(o.Substring(2, 8), NumberStyles.HexNumber);
            Assert.Equal(0, h.Run("poke 0x" + a.ToString("x8") + " hi", out o));
            Assert.Equal("", o);
            Assert.Equal(0, h.Run("hexdump 0x" + a.ToString("x8") + " 2", out o));
            Assert.StartsWith(a.ToString("x8") + "  68 69", o);

            // The last page is free (the allocator hands out low pages first) and mapped by no one: a write that
            // runs to the end of the address space must not reach it.
            int lastPfn = k.Board.ArenaPages - 1;
            Assert.Equal(0, k.Pages.Ref[lastPfn]);
            byte[] junk = new byte[256];
            for (int i = 0; i < junk.Length; i++) junk[i] = 0xAA;
            Assert.Equal(-Errno.EFAULT, k.Sys.WriteMem(h.Task, h.Task, 0xFFFFFF00, junk, 0, 256));
            Assert.Equal(-Errno.EFAULT, k.Sys.ReadMem(h.Task, h.Task, 0xFFFFFF00, junk, 0, 256));
            for (int i = k.Phys.Arena.Length - 256; i < k.Phys.Arena.Length; i++) Assert.NotEqual(0xAA, k.Phys.Arena[i]);
        }

        [Fact]
        public void BadBuffer_EFAULT_NotAnException()
        {
            var k = Boot.Host();
            Task t = Boot.NewTask(k, "t");
            long a = k.Sys.Mmap(t, 0, 4096, Boot.RW, Boot.Anon, -1, 0);
            Assert.True(a > 0);
            var buf = new byte[8];
            Assert.Equal(-Errno.EFAULT, k.Sys.ReadMem(t, t, (uint)a, buf, 4, 8));
            Assert.Equal(-Errno.EFAULT, k.Sys.WriteMem(t, t, (uint)a, buf, -1, 2));
            Assert.Equal(-Errno.EFAULT, k.Sys.WriteMem(t, t, (uint)a, null, 0, 2));
            Assert.Equal(-Errno.EFAULT, k.Sys.ReadMem(t, t, (uint)a, buf, 0, -1));
        }
    }
}
