using System;
using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    /// <summary>/proc/maps on NOMMU: the global region tree, one line per region.</summary>
    public class NommuMapsTests
    {
        private const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        private const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        [Fact]
        public void FreshKernel_ListsNothing()
        {
            var k = Boot();
            Assert.Equal("", Cat(k, k.Init, "/proc/maps"));
        }

        [Fact]
        public void OneAnonMap_Golden_TrailingSpace()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            Assert.Equal(0x20000000, k.Sys.Mmap(t, 0, 12288, RW, Anon, -1, 0));
            Assert.Equal("20000000-20003000 rw-p 00000000 00:00 0 \n", Cat(k, t, "/proc/maps"));
        }

        [Fact]
        public void Mode0444_AnyoneReads()
        {
            var k = Boot();
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, "/proc/maps", st));
            Assert.Equal(Stat.S_IFREG | 0x124, st.Mode);
            var user = Tests.Boot.NewTask(k, "user", 1000, 1000);
            var owner = Tests.Boot.NewTask(k, "a");
            Assert.True(k.Sys.Mmap(owner, 0, 4096, RW, Anon, -1, 0) > 0);
            Assert.Single(Lines(Cat(k, user, "/proc/maps")));
        }

        [Fact]
        public void TwoTasksSharingAFlashCopy_OneRegion_MayShare_PathAtColumn49()
        {
            var k = Boot();
            var a = Tests.Boot.NewTask(k, "a");
            var b = Tests.Boot.NewTask(k, "b");
            Files.Write(k, a, "/flash/data", Files.Pattern(3 * 4096));
            int fa = k.Sys.Open(a, "/flash/data", File.O_RDONLY, 0);
            int fb = k.Sys.Open(b, "/flash/data", File.O_RDONLY, 0);
            long x = k.Sys.Mmap(a, 0, 3 * 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, fa, 0);
            long y = k.Sys.Mmap(b, 0, 3 * 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, fb, 0);
            Assert.Equal(x, y);
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(a, "/flash/data", st));

            string head = $"{x:x8}-{x + 3 * 4096:x8} r--s 00000000 1f:01 {st.Ino} ";
            string expected = head + new string(' ', 49 - head.Length) + "/flash/data\n";
            Assert.Equal(expected, Cat(k, a, "/proc/maps"));
            Assert.Equal(49, Cat(k, b, "/proc/maps").IndexOf('/'));
        }

        [Fact]
        public void TwoRunsOfOneFlashProgram_ShareOneTextLine()
        {
            var k = Boot();
            Files.Copy(k, k.Init, "/bin/hold", "/flash/hold");
            int p1 = k.Sys.Exec(k.Init, "/flash/hold", new[] { "hold", "1" }, 0);
            int p2 = k.Sys.Exec(k.Init, "/flash/hold", new[] { "hold", "1" }, 0);
            Assert.True(p1 > 0 && p2 > 0, Errno.StrError(Math.Min(p1, p2)));
            string[] lines = Lines(Cat(k, k.Init, "/proc/maps"));
            string[] text = lines.Where(l => l.EndsWith("/flash/hold")).ToArray();
            Assert.Single(text);
            Assert.Equal("r-xs", text[0].Substring(18, 4));
            Assert.Equal(49, text[0].IndexOf('/'));
            // Each run's data/bss, stack and held pages are its own.
            Assert.Equal(1 + 2 * 3, lines.Length);
            Assert.All(lines.Where(l => !l.EndsWith("/flash/hold")), l => Assert.Equal("rw-p", l.Substring(18, 4)));
        }

        [Fact]
        public void RamfsSharedMap_CapitalS_DeviceAndInode()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            Files.Write(k, t, "/tmp/f", Files.Pattern(8192));
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDWR, 0);
            long x = k.Sys.Mmap(t, 0, 8192, RW, Vm.MAP_SHARED, fd, 0);
            Assert.True(x > 0);
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(t, "/tmp/f", st));
            string head = $"{x:x8}-{x + 8192:x8} rw-S 00000000 00:01 {st.Ino} ";
            Assert.Equal(head + new string(' ', 49 - head.Length) + "/tmp/f\n", Cat(k, t, "/proc/maps"));
        }

        [Fact]
        public void Regions_InAddressOrder_ComeAndGo()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            long a = k.Sys.Mmap(t, 0, 4 * 4096, RW, Anon, -1, 0);
            long b = k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 4 * 4096));
            long c = k.Sys.Mmap(t, 0, 4 * 4096, RW, Anon, -1, 0);   // a's block is free again: below b
            Assert.True(c < b);
            string[] lines = Lines(Cat(k, t, "/proc/maps"));
            Assert.Equal(new[] { $"{c:x8}-{c + 4 * 4096:x8} rw-p 00000000 00:00 0 ", $"{b:x8}-{b + 4096:x8} rw-p 00000000 00:00 0 " },
                lines);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)c, 4 * 4096));
            Assert.Single(Lines(Cat(k, t, "/proc/maps")));
        }

        [Fact]
        public void ManyRegions_SameBytesWithAnyReadSize()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            for (int i = 0; i < 40; i++) Assert.True(k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0) > 0);
            string whole = Cat(k, t, "/proc/maps");
            Assert.Equal(40, Lines(whole).Length);
            Assert.Equal(whole, CatChunked(k, t, "/proc/maps", 1));
            Assert.Equal(whole, CatChunked(k, t, "/proc/maps", 7));
        }
    }
}
