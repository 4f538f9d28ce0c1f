using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    /// <summary>A private copy of a file is cleared only where the file's bytes do not land, so the rest must be
    /// zero even on pages an earlier map left dirty.</summary>
    public class CopyClearTests
    {
        [Fact]
        public void PrivateFileCopy_OnDirtyPages_HasTheFileThenZeros()
        {
            var k = Host(pages: 16);
            var t = NewTask(k, "t");
            // Dirty the whole arena, then give it back.
            long a = k.Sys.Mmap(t, 0, 16 * 4096, RW, Anon, -1, 0);
            Assert.True(a > 0);
            var junk = Enumerable.Repeat((byte)0xAA, 16 * 4096).ToArray();
            k.Sys.WriteMem(t, t, (uint)a, junk, 0, junk.Length);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 16 * 4096));

            byte[] data = Files.Pattern(9000);   // two pages and a bit: the copy is three pages of a four-page block
            Files.Write(k, t, "/tmp/f", data);
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDONLY, 0);
            long m = k.Sys.Mmap(t, 0, 3 * 4096, RW, Vm.MAP_PRIVATE, fd, 0);   // writable: a copy, not the file's pages
            Assert.True(m > 0, Errno.StrError((int)m));
            var back = new byte[3 * 4096];
            Assert.Equal(back.Length, k.Sys.ReadMem(t, t, (uint)m, back, 0, back.Length));
            Assert.Equal(data, back.Take(data.Length).ToArray());
            Assert.All(back.Skip(data.Length), b => Assert.Equal(0, b));
        }

        [Fact]
        public void AnonymousMap_OnDirtyPages_IsAllZeros()
        {
            var k = Host(pages: 8);
            var t = NewTask(k, "t");
            long a = k.Sys.Mmap(t, 0, 8 * 4096, RW, Anon, -1, 0);
            k.Sys.WriteMem(t, t, (uint)a, Enumerable.Repeat((byte)0x55, 8 * 4096).ToArray(), 0, 8 * 4096);
            k.Sys.Munmap(t, (uint)a, 8 * 4096);
            long b = k.Sys.Mmap(t, 0, 5 * 4096, RW, Anon, -1, 0);
            var back = new byte[5 * 4096];
            k.Sys.ReadMem(t, t, (uint)b, back, 0, back.Length);
            Assert.All(back, x => Assert.Equal(0, x));
        }
    }
}
