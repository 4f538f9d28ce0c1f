using System;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    public class PagemapTests
    {
        private const ulong Present = 1UL << 63;
        private const ulong Shift12 = 12UL << 55;

        private static ulong[] ReadEntries(Kernel k, int fd, long vpage, int n)
        {
            Assert.Equal(vpage * 8, k.Sys.Lseek(k.Init, fd, vpage * 8, 0));
            var buf = new byte[n * 8];
            Assert.Equal(n * 8, k.Sys.Read(k.Init, fd, buf, 0, n * 8));
            var e = new ulong[n];
            for (int i = 0; i < n; i++) e[i] = BitConverter.ToUInt64(buf, i * 8);   // little-endian host
            return e;
        }

        [Fact]
        public void Pagemap_MappedPagesArePfnShiftPresent_HolesZero()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            long a = k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0);
            int fd = OpenRead(k, k.Init, Path(t, "pagemap"));
            Assert.True(fd >= 0);
            long vp = a >> 12;
            ulong[] e = ReadEntries(k, fd, vp - 1, 5);
            bool before = k.Sys.ReadMem(k.Init, t, (uint)a - 1, new byte[1], 0, 1) == 1;
            Assert.Equal(before ? (ulong)(vp - 1) | Shift12 | Present : 0UL, e[0]);
            for (int i = 1; i <= 3; i++) Assert.Equal((ulong)(vp + i - 1) | Shift12 | Present, e[i]);   // 10000 bytes: 3 pages
            bool after = k.Sys.ReadMem(k.Init, t, (uint)a + 3 * 4096, new byte[1], 0, 1) == 1;
            Assert.Equal(after ? (ulong)(vp + 3) | Shift12 | Present : 0UL, e[4]);
            Assert.True(!before || !after, "the map should have a hole on one side");
            Assert.Equal(new ulong[] { 0, 0 }, ReadEntries(k, fd, 0, 2));    // address 0 is never mapped

            // The program's text runs in place from ROM: its frame number is its address >> 12 too.
            Assert.Equal((ulong)(t.Mm.StartCode >> 12) | Shift12 | Present, ReadEntries(k, fd, t.Mm.StartCode >> 12, 1)[0]);

            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 10000));
            Assert.Equal(new ulong[] { 0, 0, 0 }, ReadEntries(k, fd, vp, 3));
        }

        [Theory]
        [InlineData(4, 8)]
        [InlineData(8, 7)]
        [InlineData(8, 12)]
        [InlineData(1, 1)]
        public void Pagemap_OffsetOrCountNotMultipleOf8_Einval(long pos, int count)
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            int fd = OpenRead(k, k.Init, Path(t, "pagemap"));
            Assert.Equal(pos, k.Sys.Lseek(k.Init, fd, pos, 0));
            Assert.Equal(-Errno.EINVAL, k.Sys.Read(k.Init, fd, new byte[16], 0, count));
        }

        [Fact]
        public void Pagemap_SpansThe32BitAddressSpace_EndOfFileAfterLastPage()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            int fd = OpenRead(k, k.Init, Path(t, "pagemap"));
            long end = (1L << 20) * 8;   // 2^32 / 4096 pages
            Assert.Equal(end - 8, k.Sys.Lseek(k.Init, fd, end - 8, 0));
            Assert.Equal(8, k.Sys.Read(k.Init, fd, new byte[64], 0, 64));   // only the last entry is left
            Assert.Equal(0, k.Sys.Read(k.Init, fd, new byte[8], 0, 8));
        }

        [Fact]
        public void Pagemap_Mode0400()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, Path(t, "pagemap"), st));
            Assert.Equal(Stat.S_IFREG | 0x100, st.Mode);
        }

        [Fact]
        public void Pagemap_TaskGone_Esrch()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            int fd = OpenRead(k, k.Init, Path(t, "pagemap"));
            Assert.Equal(0, k.Sys.Kill(k.Init, t.Tgid, Syscalls.SIGKILL));
            Assert.Equal(-Errno.ESRCH, k.Sys.Read(k.Init, fd, new byte[8], 0, 8));
        }

        // mem_lseek: pagemap seeks from the start or the position only; its end is not a size.
        [Fact]
        public void Pagemap_SeekEnd_Einval_SeekSetAndCurWork()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            int fd = OpenRead(k, k.Init, Path(t, "pagemap"));
            Assert.Equal(-Errno.EINVAL, k.Sys.Lseek(k.Init, fd, 0, 2));
            Assert.Equal(64, k.Sys.Lseek(k.Init, fd, 64, 0));
            Assert.Equal(72, k.Sys.Lseek(k.Init, fd, 8, 1));
            // Other pid files keep the generic seek.
            int st = OpenRead(k, k.Init, Path(t, "status"));
            Assert.Equal(0, k.Sys.Lseek(k.Init, st, 0, 2));
        }
    }
}
