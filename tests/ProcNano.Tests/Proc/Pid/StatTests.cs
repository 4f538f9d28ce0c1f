using System;
using System.Linq;
using ProcNano;
using ProcNano.Tests.Proc;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    public class StatTests
    {
        /// <summary>stat's fields after the comm, split as tools do: after the last ')'.</summary>
        private static string[] Fields(string stat, out string pid, out string comm)
        {
            Assert.EndsWith("\n", stat);
            Assert.Single(stat.Split('\n'), l => l.Length > 0);
            int open = stat.IndexOf(" ("), close = stat.LastIndexOf(") ");
            pid = stat.Substring(0, open);
            comm = stat.Substring(open + 2, close - open - 2);
            return stat.Substring(close + 2).TrimEnd('\n').Split(' ');
        }

        [Fact]
        public void Stat_OneLineOf44Fields_ValuesFromTheTask()
        {
            var platform = new FakePlatform { Ms = 12345 };
            var k = Boot.Board(new BoardConfig(), platform);
            Task t = Exec(k, k.Init, "hold", "2");
            long extra = k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0);
            platform.Ms = 99999;

            string stat = Cat(k, k.Init, Path(t, "stat"));
            string[] rest = Fields(stat, out string pid, out string comm);
            Assert.Equal(44, rest.Length + 2);
            Assert.All(rest.Skip(1), f => Assert.Matches("^-?[0-9]+$", f));   // all numbers after the state
            string F(int n) => rest[n - 3];   // field n (1-based, Linux's numbering)

            // vsize and rss from the maps file: bytes of every VMA, and the pages they cover.
            var ranges = Cat(k, k.Init, Path(t, "maps")).TrimEnd('\n').Split('\n')
                .Select(l => (s: Convert.ToInt64(l.Substring(0, 8), 16), e: Convert.ToInt64(l.Substring(9, 8), 16))).ToArray();
            long vsize = ranges.Sum(r => r.e - r.s);
            long rss = ranges.Sum(r => (r.e - r.s + 4095) / 4096);
            Assert.Contains(ranges, r => r.s == extra && r.e == extra + 10000);

            Assert.Equal(t.Tgid.ToString(), pid);
            Assert.Equal("hold", comm);
            Assert.Equal("S", F(3));
            Assert.Equal("1", F(4));                    // ppid: init
            Assert.Equal(t.Tgid.ToString(), F(5));      // a child of init leads its own group (Task.GroupLeader)
            Assert.Equal(t.Tgid.ToString(), F(6));      // and session
            Assert.Equal("-1", F(8));                   // no controlling tty
            Assert.Equal("20", F(18));                  // priority of nice 0
            Assert.Equal("0", F(19));
            Assert.Equal("1", F(20));                   // threads
            Assert.Equal("1234", F(22));                // started at 12345 ms: clock ticks of 10 ms
            Assert.Equal(vsize.ToString(), F(23));
            Assert.Equal(rss.ToString(), F(24));
            Assert.Equal("4294967295", F(25));          // rsslim: RLIM_INFINITY
            Assert.Equal(t.Mm.StartCode.ToString(), F(26));
            Assert.Equal(t.Mm.EndCode.ToString(), F(27));
            Assert.Equal(t.Mm.StartStack.ToString(), F(28));
            Assert.Contains(ranges, r => r.e == t.Mm.StartStack);     // the top of a mapped stack
            Assert.Contains(ranges, r => r.s == t.Mm.StartCode && r.e == t.Mm.EndCode);
            Assert.Equal("17", F(38));                  // exit signal SIGCHLD
            foreach (int n in new[] { 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 21, 29, 30, 31, 32, 33, 34, 35, 36, 37, 39, 40, 41, 42, 43, 44 })
                Assert.True(F(n) == "0", "field " + n + " = " + F(n));
        }

        [Fact]
        public void Stat_CommWithSpacesAndParenthesis_PrintedRaw_FieldCountStill44()
        {
            var k = Host();
            int pid = k.Sys.Exec(k.Init, "/bin/hold", new[] { "a) b", "1" }, 0);
            Assert.True(pid > 0);
            string stat = Cat(k, k.Init, "/proc/" + pid + "/stat");
            Assert.StartsWith(pid + " (a) b) S 1 " + pid + " " + pid + " 0 ", stat);
            Assert.Equal(44, Fields(stat, out _, out string comm).Length + 2);
            Assert.Equal("a) b", comm);
        }

        [Fact]
        public void Statm_SevenFieldsInPages_SharedLibDtZero_ResidentEqualsSize()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "3");
            Mm mm = t.Mm;
            // NOMMU task_statm: the kernel objects and region bytes of every VMA, in pages, plus text and data.
            long bytes = Footprint.MmBytes;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int r = k.Mem.Vmas.Region(mm.Vmas[i]);
                bytes += Footprint.VmaBytes + Footprint.RegionBytes + (k.Mem.Regions.End(r) - k.Mem.Regions.Start(r));
            }
            long text = ((mm.EndCode + 4095) / 4096) - mm.StartCode / 4096;
            long data = ((mm.StartBrk + 4095) / 4096) - mm.StartData / 4096;
            Assert.True(text > 0 && data > 0);
            long size = bytes / 4096 + text + data;
            Assert.Equal($"{size} {size} 0 {text} 0 {data} 0\n", Cat(k, k.Init, Path(t, "statm")));

            Assert.True(k.Sys.Mmap(t, 0, 8 * 4096, RW, Anon, -1, 0) > 0);
            Assert.Equal($"{size + 8} {size + 8} 0 {text} 0 {data} 0\n", Cat(k, k.Init, Path(t, "statm")));
        }

        [Fact]
        public void Statm_TaskWithoutMappings_OnlyItsMmObject()
        {
            var k = Host();
            Task t = NewTask(k, "empty");
            long size = Footprint.MmBytes / 4096;
            Assert.Equal($"{size} {size} 0 0 0 0 0\n", Cat(k, k.Init, Path(t, "statm")));
        }
    }
}
