using System;
using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    public class SmapsTests
    {
        /// <summary>The smaps block (maps line and 8 size lines) of the VMA starting at <paramref name="addr"/>.</summary>
        public static string Block(Kernel k, Task t, long addr)
        {
            string[] lines = Cat(k, k.Init, Path(t, "smaps")).Split('\n');
            int i = Array.FindIndex(lines, l => l.StartsWith(addr.ToString("x8") + "-"));
            Assert.True(i >= 0, "no VMA at " + addr.ToString("x8"));
            return string.Join("\n", lines.Skip(i).Take(9)) + "\n";
        }

        private static string Sizes(long size, long rss, long pss, long sc, long sd, long pc, long pd, long re)
        {
            return $"Size:           {size,8} kB\nRss:            {rss,8} kB\nPss:            {pss,8} kB\n" +
                   $"Shared_Clean:   {sc,8} kB\nShared_Dirty:   {sd,8} kB\nPrivate_Clean:  {pc,8} kB\n" +
                   $"Private_Dirty:  {pd,8} kB\nReferenced:     {re,8} kB\n";
        }

        private static void Poke(Kernel k, Task t, long addr) => Assert.Equal(1, k.Sys.WriteMem(k.Init, t, (uint)addr, new byte[] { 0x5A }, 0, 1));
        private static void Peek(Kernel k, Task t, long addr) => Assert.Equal(1, k.Sys.ReadMem(k.Init, t, (uint)addr, new byte[1], 0, 1));

        [Fact]
        public void Smaps_AfterPokeAndHexdump_ShowsDirtyAndReferencedPages_2625Layout()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            long a = k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0);
            Assert.Equal(MapsLine(a, a + 3 * 4096, "rw-p", 0, 0, 0, 0, null) + Sizes(12, 12, 12, 0, 0, 12, 0, 0), Block(k, t, a));
            Poke(k, t, a + 5);
            Peek(k, t, a + 2 * 4096 + 100);
            Assert.Equal(MapsLine(a, a + 3 * 4096, "rw-p", 0, 0, 0, 0, null) + Sizes(12, 12, 12, 0, 0, 8, 4, 8), Block(k, t, a));
        }

        [Fact]
        public void Smaps_RegionSharedByTwoTasks_SharedColumns_PssHalved()
        {
            var k = Host();
            Task a = Exec(k, k.Init, "hold", "1"), b = Exec(k, k.Init, "hold", "1");
            Files.Write(k, k.Init, "/tmp/f", Files.Pattern(2 * 4096));
            long x = k.Sys.Mmap(a, 0, 8192, RW, Vm.MAP_SHARED, k.Sys.Open(a, "/tmp/f", File.O_RDWR, 0), 0);
            long y = k.Sys.Mmap(b, 0, 8192, RW, Vm.MAP_SHARED, k.Sys.Open(b, "/tmp/f", File.O_RDWR, 0), 0);
            Assert.Equal(x, y);
            Poke(k, a, x);
            string block = Block(k, b, y);
            Assert.EndsWith(Sizes(8, 8, 4, 4, 4, 0, 0, 4), block);
            Assert.Equal(Block(k, a, x), block);
        }

        [Fact]
        public void Smaps_RecordLongerThanTheSeqBuffer_SameBytesWithOneByteReads()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "2");
            Files.Write(k, k.Init, "/tmp/" + new string('n', 120), Files.Pattern(4096));
            Assert.True(k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, k.Sys.Open(t, "/tmp/" + new string('n', 120), File.O_RDONLY, 0), 0) > 0);
            string whole = Cat(k, k.Init, Path(t, "smaps"));
            Assert.Equal(t.Mm.Vmas.Count * 9, whole.TrimEnd('\n').Split('\n').Length);
            Assert.Equal(whole, Cat(k, k.Init, Path(t, "smaps"), 1));
        }

        [Fact]
        public void Smaps_PagesUnder1KiB_PageCountsRoundUpToWholeKb_NotZero()
        {
            // The ESP32 boards' 256-byte pages: a one-page VMA is 0.25 kB, which must not read as 0 kB.
            var k = Host(64, 256);
            Task t = Exec(k, k.Init, "hold", "1");
            long a = k.Sys.Mmap(t, 0, 256, RW, Anon, -1, 0);
            Assert.True(a > 0);
            Poke(k, t, a);
            // Pss, a fraction by nature, is truncated as Linux does (256 bytes = 0 kB).
            Assert.Equal(MapsLine(a, a + 256, "rw-p", 0, 0, 0, 0, null) + Sizes(1, 1, 0, 0, 0, 0, 1, 1), Block(k, t, a));
        }

        // ---- clear_refs ----

        [Fact]
        public void ClearRefs1_ForgetsEveryReferencedBit_DirtyStays_ReturnsCount()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            long a = k.Sys.Mmap(t, 0, 2 * 4096, RW, Anon, -1, 0);
            Poke(k, t, a);
            Peek(k, t, a + 4096);
            Assert.EndsWith(Sizes(8, 8, 8, 0, 0, 4, 4, 8), Block(k, t, a));
            Assert.Equal(2, WriteText(k, k.Init, Path(t, "clear_refs"), "1\n"));
            Assert.EndsWith(Sizes(8, 8, 8, 0, 0, 4, 4, 0), Block(k, t, a));
            string smaps = Cat(k, k.Init, Path(t, "smaps"));
            Assert.All(smaps.Split('\n').Where(l => l.StartsWith("Referenced:")), l => Assert.Equal("Referenced:            0 kB", l));
            Peek(k, t, a + 4096);
            Assert.EndsWith(Sizes(8, 8, 8, 0, 0, 4, 4, 4), Block(k, t, a));
        }

        [Fact]
        public void ClearRefs2_AnonymousOnly_3_FileBackedOnly()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            Files.Write(k, k.Init, "/tmp/f", Files.Pattern(4096));
            long file = k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, k.Sys.Open(t, "/tmp/f", File.O_RDONLY, 0), 0);
            long anon = k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0);
            Assert.True(file > 0 && anon > 0);
            Peek(k, t, file);
            Peek(k, t, anon);
            string Referenced(long at) => Line(Block(k, t, at), "Referenced:");
            const string On = "Referenced:            4 kB", Off = "Referenced:            0 kB";
            Assert.Equal(On, Referenced(file));
            Assert.Equal(On, Referenced(anon));

            Assert.Equal(1, WriteText(k, k.Init, Path(t, "clear_refs"), "2"));
            Assert.Equal(On, Referenced(file));
            Assert.Equal(Off, Referenced(anon));

            Peek(k, t, anon);
            Assert.Equal(1, WriteText(k, k.Init, Path(t, "clear_refs"), "3"));
            Assert.Equal(Off, Referenced(file));
            Assert.Equal(On, Referenced(anon));
        }

        [Theory]
        [InlineData("4")]
        [InlineData("0")]
        [InlineData("x")]
        [InlineData("1x")]
        [InlineData("1 2")]
        [InlineData("-1")]
        [InlineData("\n")]
        public void ClearRefs_AnythingBut1To3_Einval(string text)
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            Assert.Equal(-Errno.EINVAL, WriteText(k, k.Init, Path(t, "clear_refs"), text));
        }

        [Theory]
        [InlineData(" 3\n")]
        [InlineData("01")]
        public void ClearRefs_NumberWithWhiteSpaceAround_Accepted(string text)
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            Assert.Equal(text.Length, WriteText(k, k.Init, Path(t, "clear_refs"), text));
        }

        [Fact]
        public void ClearRefs_WriteOnly0200_ReadEinval_OtherUserEacces_OwnerMay()
        {
            var k = Host();
            Task owner = NewTask(k, "owner", 1000, 1000);
            Task t = Exec(k, owner, "hold", "1");
            Task other = NewTask(k, "other", 1001, 1001);
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, Path(t, "clear_refs"), st));
            Assert.Equal(Stat.S_IFREG | 0x80, st.Mode);
            Assert.Equal(-Errno.EACCES, k.Sys.Open(owner, Path(t, "clear_refs"), File.O_RDONLY, 0));
            int fd = k.Sys.Open(k.Init, Path(t, "clear_refs"), File.O_RDWR, 0);
            Assert.Equal(-Errno.EINVAL, ReadOnce(k, k.Init, fd));
            k.Sys.Close(k.Init, fd);
            Assert.Equal(-Errno.EACCES, WriteText(k, other, Path(t, "clear_refs"), "1"));
            Assert.Equal(1, WriteText(k, owner, Path(t, "clear_refs"), "1"));
        }

        [Fact]
        public void ClearRefs_TaskGone_Esrch()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            int fd = k.Sys.Open(k.Init, Path(t, "clear_refs"), File.O_WRONLY, 0);
            Assert.True(fd >= 0);
            Assert.Equal(0, k.Sys.Kill(k.Init, t.Tgid, Syscalls.SIGKILL));
            Assert.Equal(-Errno.ESRCH, k.Sys.Write(k.Init, fd, new byte[] { (byte)'1' }, 0, 1));
        }
    }
}
