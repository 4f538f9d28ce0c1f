using System;
using System.Linq;
using ProcNano;
using Xunit;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Shell
{
    /// <summary>
    /// ps and free on a board whose pages are smaller than a kB (the ESP32 boards' 256 bytes): the kB
    /// columns must still add up and must not hide a task's memory as 0.
    /// </summary>
    public class SmallPageBoardTests
    {
        private static ShellHarness Esp32() => new ShellHarness(new BoardConfig { PageSize = 256, ArenaPages = 64, ArenaBase = 0x3FFB0000 });

        private static long[] MemRow(ShellHarness h) =>
            h.Out("free").Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();

        [Fact]
        public void Free_UsedPlusFreeIsTotal_AndFreeMatchesMeminfo_WithSubKbPages()
        {
            var h = Esp32();
            // An odd number of 256-byte pages in use, so used and free are not whole kB.
            int pfn = h.K.Pages.Alloc(0);
            Assert.True(pfn >= 0);
            Assert.NotEqual(0, (h.K.Pages.Pages - h.K.Pages.FreePages) % 4);
            long[] mem = MemRow(h);
            Assert.Equal(mem[0], mem[1] + mem[2]);
            string meminfo = h.Out("cat /proc/meminfo");
            long Kb(string label) => long.Parse(meminfo.Split('\n').First(l => l.StartsWith(label + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            Assert.Equal(Kb("MemTotal"), mem[0]);
            Assert.Equal(Kb("MemFree"), mem[2]);
            Assert.Equal(Kb("LargestFree"), mem[3]);
            h.K.Pages.Put(pfn, 1);
        }

        [Fact]
        public void Ps_VszAndRss_RoundUpToWholeKb_RssIsStatRssPages()
        {
            var h = Esp32();
            Assert.Equal(0, h.Run("exec /bin/hold 1", out string pidText));
            int pid = int.Parse(pidText.Trim());
            KTask t = h.K.Sys.FindTask(h.Task, pid);
            long vsize = h.K.Mem.VSize(t.Mm);
            Assert.True(vsize > 0 && vsize < 1024 * 64);
            string[] stat = h.Out("cat /proc/" + pid + "/stat").Split(' ');
            long rssPages = long.Parse(stat[23]);
            Assert.Equal(vsize.ToString(), stat[22]);

            string[] row = h.Out("ps").Split('\n').Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .First(r => r.Length > 0 && r[0] == pid.ToString());
            Assert.Equal((vsize + 1023) / 1024, long.Parse(row[4]));
            Assert.Equal((rssPages * 256 + 1023) / 1024, long.Parse(row[5]));
            Assert.True(long.Parse(row[4]) > 0 && long.Parse(row[5]) > 0);
        }
    }
}
