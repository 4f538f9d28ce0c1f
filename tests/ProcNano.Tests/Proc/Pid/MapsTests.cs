using System;
using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    public class MapsTests
    {
        private const int RO = Vm.PROT_READ;

        private static StatInfo StatOf(Kernel k, string path)
        {
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, path, st));
            return st;
        }

        [Fact]
        public void FileMaps_PathStartsAfter49Characters_PermsSharedMayshareprivate_OffsetsInBytes()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            Files.Write(k, k.Init, "/tmp/data", Files.Pattern(3 * 4096));
            int fd = k.Sys.Open(t, "/tmp/data", File.O_RDWR, 0);
            long shared = k.Sys.Mmap(t, 0, 4096, RW, Vm.MAP_SHARED, fd, 4096);
            long mayshare = k.Sys.Mmap(t, 0, 4096, RO, Vm.MAP_PRIVATE, fd, 2 * 4096);
            long priv = k.Sys.Mmap(t, 0, 8192, RW, Vm.MAP_PRIVATE, fd, 0);
            Assert.True(shared > 0 && mayshare > 0 && priv > 0);
            StatInfo st = StatOf(k, "/tmp/data");

            string[] lines = Cat(k, k.Init, Path(t, "maps")).Split('\n');
            Assert.Contains(MapsLine(shared, shared + 4096, "rw-S", 0x1000, st.Major, st.Minor, st.Ino, "/tmp/data").TrimEnd('\n'), lines);
            Assert.Contains(MapsLine(mayshare, mayshare + 4096, "r--s", 0x2000, st.Major, st.Minor, st.Ino, "/tmp/data").TrimEnd('\n'), lines);
            Assert.Contains(MapsLine(priv, priv + 8192, "rw-p", 0, st.Major, st.Minor, st.Ino, "/tmp/data").TrimEnd('\n'), lines);
            foreach (string l in lines.Where(l => l.Contains('/')))
            {
                Assert.Equal(49, l.IndexOf('/'));
                Assert.Equal(' ', l[48]);
            }
        }

        [Fact]
        public void ProgramText_ReadOnlyExecMayshare_ShowsItsFileInBin()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            StatInfo st = StatOf(k, "/bin/hold");
            string maps = Cat(k, k.Init, Path(t, "maps"));
            string expected = MapsLine(t.Mm.StartCode, t.Mm.EndCode, "r-xs", 0, st.Major, st.Minor, st.Ino, "/bin/hold");
            Assert.Contains(expected, maps);
        }

        [Fact]
        public void AnonymousMap_LineEndsWithInodeZeroAndATrailingSpace_EndIsTheCallersLength()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            long a = k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0);
            string line = Cat(k, k.Init, Path(t, "maps")).Split('\n').Single(l => l.StartsWith(a.ToString("x8")));
            Assert.Equal(string.Format("{0:x8}-{1:x8} rw-p 00000000 00:00 0 ", a, a + 10000), line);
        }

        [Fact]
        public void Maps_OneLinePerVma_InAddressOrder_SameBytesWhateverTheReadSize()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "2");
            for (int i = 0; i < 6; i++) Assert.True(k.Sys.Mmap(t, 0, (i + 1) * 1000, RW, Anon, -1, 0) > 0);
            string whole = Cat(k, k.Init, Path(t, "maps"));
            string[] lines = whole.TrimEnd('\n').Split('\n');
            Assert.Equal(t.Mm.Vmas.Count, lines.Length);
            long[] starts = lines.Select(l => Convert.ToInt64(l.Substring(0, 8), 16)).ToArray();
            Assert.Equal(starts.OrderBy(x => x).ToArray(), starts);
            Assert.Equal(whole, Cat(k, k.Init, Path(t, "maps"), 1));
            Assert.Equal(whole, Cat(k, k.Init, Path(t, "maps"), 7));
        }

        [Fact]
        public void TwoShmAttachesAtOneAddress_ListedTwice()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            int id = k.Sys.Shmget(t, 77, 4096, Shm.IPC_CREAT | 0x1B6);
            long a = k.Sys.Shmat(t, id, 0, 0), b = k.Sys.Shmat(t, id, 0, 0);
            Assert.Equal(a, b);
            string maps = Cat(k, k.Init, Path(t, "maps"));
            Assert.Equal(2, maps.Split('\n').Count(l => l.StartsWith(a.ToString("x8") + "-")));
        }

        [Fact]
        public void MapsAfterMunmap_LineGone()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            long a = k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0);
            Assert.Contains(a.ToString("x8") + "-", Cat(k, k.Init, Path(t, "maps")));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 3 * 4096));
            Assert.DoesNotContain(a.ToString("x8") + "-", Cat(k, k.Init, Path(t, "maps")));
        }
    }
}
