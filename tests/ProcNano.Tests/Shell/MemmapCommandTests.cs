using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>memmap: the arena grid, its legend and the buddy summary, on 4096- and 256-byte pages, checked
    /// against what /proc prints (maps, buddyinfo, meminfo) and the kernel's own tables.</summary>
    public class MemmapCommandTests
    {
        internal static ShellHarness Host() => new ShellHarness(new BoardConfig { PageSize = 4096, ArenaPages = 256, ArenaBase = 0x20000000 });
        internal static ShellHarness Esp32() => new ShellHarness(new BoardConfig { PageSize = 256, ArenaPages = 64, ArenaBase = 0x3FFB0000 });

        /// <summary>memmap's output, taken apart.</summary>
        internal sealed class Map
        {
            public int Pages, PageSize, Scale, Cols;
            public string Cells = "";
            public List<string> Rows = new List<string>();
            public Dictionary<char, Match> Legend = new Dictionary<char, Match>();
            public int[] Buddy;
            public int FreePages, Largest, Frag;

            public int Count(char c) => Cells.Count(x => x == c);

            public static Map Parse(string text)
            {
                var m = new Map();
                string[] lines = text.Split('\n');
                var head = Regex.Match(lines[0], @"^(\d+) pages of (\d+) bytes at 0x([0-9a-f]{8}), (\d+) pages? a character$");
                Assert.True(head.Success, "header: " + lines[0]);
                m.Pages = int.Parse(head.Groups[1].Value);
                m.PageSize = int.Parse(head.Groups[2].Value);
                m.Scale = int.Parse(head.Groups[4].Value);
                uint at = Convert.ToUInt32(head.Groups[3].Value, 16);
                int i = 1;
                for (; i < lines.Length && Regex.IsMatch(lines[i], "^[0-9a-f]{8} "); i++)
                {
                    Assert.Equal(at.ToString("x8"), lines[i].Substring(0, 8));
                    string row = lines[i].Substring(9);
                    if (m.Rows.Count == 0) m.Cols = row.Length;
                    m.Rows.Add(row);
                    m.Cells += row;
                    at += (uint)(row.Length * m.Scale * m.PageSize);
                }
                if (i < lines.Length && lines[i].StartsWith("  region")) i++;
                for (; i < lines.Length && !lines[i].StartsWith("buddy:"); i++)
                {
                    var l = Regex.Match(lines[i], @"^(\S) ([0-9a-f]{8})-([0-9a-f]{8}) ([r-][w-][x-][psS]) (copy|direct|rom) +(\d+) (\S+) *(.*)$");
                    Assert.True(l.Success, "legend line: " + lines[i]);
                    m.Legend[l.Groups[1].Value[0]] = l;
                }
                var b = Regex.Match(lines[i], @"^buddy:((?: \d+)+) \(free blocks of 2\^order pages\)$");
                Assert.True(b.Success, "buddy line: " + lines[i]);
                m.Buddy = b.Groups[1].Value.Trim().Split(' ').Select(int.Parse).ToArray();
                var f = Regex.Match(lines[i + 1], @"^free (\d+) pages \((\d+) kB\), largest block (\d+) pages \((\d+) kB\), fragmentation (\d+)%$");
                Assert.True(f.Success, "summary: " + lines[i + 1]);
                m.FreePages = int.Parse(f.Groups[1].Value);
                m.Largest = int.Parse(f.Groups[3].Value);
                m.Frag = int.Parse(f.Groups[5].Value);
                Assert.Equal("", lines[i + 2]);
                Assert.Equal(i + 3, lines.Length);
                return m;
            }
        }

        internal static Map Memmap(ShellHarness h, string args = "")
        {
            Assert.Equal(0, h.Run("memmap" + args, out string o));
            return Map.Parse(o);
        }

        private static string Letters(int n) =>
            new string(Enumerable.Range(0, n).Select(i => i < 26 ? (char)('A' + i) : i < 52 ? (char)('a' + i - 26) : (char)('0' + i - 52)).ToArray());

        /// <summary>Every region of /proc/maps has its letter (its position there), its range and page count; the
        /// grid holds each arena region's pages at their place; '.' are the free pages, as meminfo and buddyinfo say.</summary>
        private static void AgreesWithProc(ShellHarness h, Map m)
        {
            Assert.Equal(h.K.Pages.Pages, m.Pages);
            Assert.Equal(m.Pages, m.Cells.Length);
            string[] maps = h.Out("cat /proc/maps").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(maps.Length, m.Legend.Count);
            string letters = Letters(maps.Length);
            uint arena = h.K.Mem.Phys.ArenaBase;
            for (int n = 0; n < maps.Length; n++)
            {
                Match l = m.Legend[letters[n]];
                Assert.StartsWith(l.Groups[2].Value + "-" + l.Groups[3].Value + " " + l.Groups[4].Value, maps[n]);
                uint start = Convert.ToUInt32(l.Groups[2].Value, 16), end = Convert.ToUInt32(l.Groups[3].Value, 16);
                int pages = int.Parse(l.Groups[6].Value);
                Assert.True(pages >= (end - start + m.PageSize - 1) / m.PageSize);
                if (start >= arena && start < arena + m.Pages * m.PageSize)
                {
                    int first = (int)((start - arena) / m.PageSize);
                    Assert.Equal(new string(letters[n], pages), m.Cells.Substring(first, pages));
                }
                else Assert.Equal("rom", l.Groups[5].Value);
                string path = maps[n].Length > 49 ? maps[n].Substring(49) : "", file = l.Groups[7].Value;
                if (file == "[anon]") Assert.Equal("", path);
                else if (file == "[shm]") Assert.StartsWith("/SYSV", path);
                else Assert.Equal(path, file);
            }
            Assert.Equal(h.K.Pages.FreePages, m.Count('.'));
            Assert.Equal(m.Count('.'), m.FreePages);
            string buddy = h.Out("cat /proc/buddyinfo");
            Assert.Equal(buddy.Substring("Node 0, zone   Normal ".Length).Trim().Split(" ", StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray(), m.Buddy);
            Assert.Equal(h.K.Pages.LargestFreeBlock, m.Largest);
            Assert.Equal(m.FreePages == 0 ? 0 : (m.FreePages - m.Largest) * 100 / m.FreePages, m.Frag);
        }

        private static void Demo(ShellHarness h)
        {
            foreach (string c in new[] { "exec /bin/hold 1", "exec /bin/hold 2", "cp /bin/hold /flash/hold", "exec /flash/hold 1",
                "exec /flash/hold 1", "exec /bin/shmdemo", "echo text > /flash/demo.txt", "exec /bin/mapfile /flash/demo.txt" })
                Assert.Equal(0, h.Run(c, out _));
        }

        [Fact]
        public void HostBoard_GridLegendAndBuddy_AgreeWithProc()
        {
            var h = Host();
            Demo(h);
            Map m = Memmap(h);
            Assert.Equal(1, m.Scale);
            Assert.Equal(64, m.Cols);
            Assert.Equal(4, m.Rows.Count);
            AgreesWithProc(h, m);
            // The flash text copy is used by both /flash/hold tasks, the shm segment is a direct view.
            Assert.Contains(m.Legend.Values, l => l.Groups[7].Value == "/flash/hold" && l.Groups[5].Value == "copy" && Regex.IsMatch(l.Groups[8].Value, @"^\d+ \d+$"));
            Assert.Contains(m.Legend.Values, l => l.Groups[7].Value == "[shm]" && l.Groups[5].Value == "direct" && l.Groups[4].Value == "rw-S");
            Assert.Contains(m.Legend.Values, l => l.Groups[7].Value == "/bin/hold" && l.Groups[5].Value == "rom");
        }

        [Fact]
        public void SmallPages_GridLegendAndBuddy_AgreeWithProc()
        {
            var h = Esp32();
            Demo(h);
            Map m = Memmap(h);
            Assert.Equal(256, m.PageSize);
            Assert.Single(m.Rows);
            AgreesWithProc(h, m);
        }

        /// <summary>Every board in boards/ (4096-, 1024- and 256-byte pages), after its boot script.</summary>
        [Theory]
        [MemberData(nameof(ProcNano.Tests.HostSim.SimOptionsProcessTests.Boards), MemberType = typeof(ProcNano.Tests.HostSim.SimOptionsProcessTests))]
        public void EveryBoard_AfterTheBootScript_AgreesWithProc(string name)
        {
            string root = ProcNano.Tests.Build.RepoPaths.Root;
            BoardConfig board = ProcNano.HostSim.BoardLoader.Load(root, name, out string error);
            Assert.True(board != null, error);
            var h = new ShellHarness(board);
            h.Sh.RunBootScript(ProcNano.HostSim.BoardLoader.ReadBootScript(root, board));
            Map m = Memmap(h);
            Assert.Equal(board.PageSize, m.PageSize);
            Assert.Equal(1, m.Scale);
            AgreesWithProc(h, m);
            Assert.Contains(m.Legend.Values, l => l.Groups[7].Value == "[shm]");
        }

        [Fact]
        public void Mmap_AddsARegionOfItsPages_MunmapTakesItAway()
        {
            foreach (ShellHarness h in new[] { Host(), Esp32() })
            {
                Map before = Memmap(h);
                Assert.Equal(0, h.Run("mmap " + 3 * h.K.Board.PageSize + " rw- private", out string addrText));
                uint addr = Convert.ToUInt32(addrText.Trim().Substring(2), 16);
                Map after = Memmap(h);
                AgreesWithProc(h, after);
                Assert.Equal(before.Legend.Count + 1, after.Legend.Count);
                Match l = after.Legend.Values.Single(x => Convert.ToUInt32(x.Groups[2].Value, 16) == addr);
                Assert.Equal("3", l.Groups[6].Value);
                Assert.Equal("copy", l.Groups[5].Value);
                Assert.Equal("[anon]", l.Groups[7].Value);
                Assert.Equal(h.K.Sys.Getpid(h.Task).ToString(), l.Groups[8].Value);
                Assert.Equal(3, after.Count(l.Groups[1].Value[0]));
                Assert.Equal(before.FreePages - 3, after.FreePages);
                Assert.Equal(0, h.Run("munmap " + addrText.Trim() + " " + 3 * h.K.Board.PageSize, out _));
                Assert.Equal(before.Cells, Memmap(h).Cells);
            }
        }

        [Fact]
        public void FilePagesNoRegionMaps_AreHashes()
        {
            var h = Host();
            Map before = Memmap(h);
            Assert.Equal(0, h.Run("echo hello > /tmp/x", out _));
            Map after = Memmap(h);
            Assert.Equal(before.Count('#') + 1, after.Count('#'));
            Assert.Equal(before.FreePages - 1, after.FreePages);
        }

        [Fact]
        public void DashP_LettersOnlyThatTasksRegions_OthersAreStars()
        {
            var h = Host();
            Demo(h);
            Map all = Memmap(h);
            int pid = h.K.Sys.Getpid(h.Task);
            Map mine = Memmap(h, " -p " + pid);
            Assert.All(mine.Legend.Values, l => Assert.Equal(pid.ToString(), l.Groups[8].Value));
            // Letters are /proc/maps positions, so a region keeps its letter under -p.
            foreach (var kv in mine.Legend) Assert.Equal(all.Legend[kv.Key].Value, kv.Value.Value);
            for (int i = 0; i < all.Cells.Length; i++)
            {
                char c = all.Cells[i];
                if (c == '.' || c == '#') Assert.Equal(c, mine.Cells[i]);
                else Assert.Equal(mine.Legend.ContainsKey(c) ? c : '*', mine.Cells[i]);
            }
            Assert.Contains('*', mine.Cells);
        }

        [Fact]
        public void DashP_NoSuchTask_OrNotTraceable_IsAnError()
        {
            var h = Host();
            Assert.Equal(1, h.Run("memmap -p 999", out string o));
            Assert.Equal("memmap: No such process\n", o);
            Assert.Equal(1, h.Run("memmap -p 0", out o));
            Assert.Equal("memmap: No such process\n", o);
            Assert.Equal(0, h.Run("su 1000", out _));
            Assert.Equal(1, h.Run("memmap -p 1", out o));
            Assert.Equal("memmap: Permission denied\n", o);
            // Not root: the legend lists every region, but only the pids the shell may trace.
            Map m = Memmap(h);
            Assert.All(m.Legend.Values, l => Assert.True(l.Groups[8].Value == "" || l.Groups[8].Value == h.K.Sys.Getpid(h.Task).ToString(), l.Value));
        }

        [Fact]
        public void DashW_SetsTheRowWidth_AndBigArenasGetAScale()
        {
            var h = Host();
            Map m = Memmap(h, " -w 16");
            Assert.Equal(16, m.Cols);
            Assert.Equal(16, m.Rows.Count);
            Assert.All(m.Rows, r => Assert.Equal(16, r.Length));

            var big = new ShellHarness(new BoardConfig { PageSize = 4096, ArenaPages = 2000, ArenaBase = 0x20000000 });
            Assert.Equal(0, big.Run("mmap 0x100000 rw- private", out string addr));
            Map s = Memmap(big, " -w 8");
            Assert.Equal(8, s.Scale);
            Assert.Equal(250, s.Cells.Length);   // 2000 pages, 8 a cell
            Assert.True(s.Rows.Count <= 32);
            Assert.StartsWith("2000 pages of 4096 bytes at 0x20000000, 8 pages a character\n", big.Out("memmap -w 8"));
            // The 256-page map fills 32 whole cells from its first page on.
            Match l = s.Legend.Values.Single(x => x.Groups[6].Value == "256");
            int cell = (int)((Convert.ToUInt32(addr.Trim().Substring(2), 16) - 0x20000000) / 4096 / 8);
            Assert.Equal(new string(l.Groups[1].Value[0], 32), s.Cells.Substring(cell, 32));
        }

        [Theory]
        [InlineData("memmap -x")]
        [InlineData("memmap -w")]
        [InlineData("memmap extra")]
        public void BadArguments_PrintTheUsage(string line)
        {
            var h = Host();
            Assert.Equal(1, h.Run(line, out string o));
            Assert.Equal("Usage: memmap [-w COLS] [-p PID] [-c]\n", o);
        }

        [Fact]
        public void BadNumbers_Complain()
        {
            var h = Host();
            Assert.Equal(1, h.Run("memmap -w 4", out string o));
            Assert.Equal("memmap: COLS must be 8 to 1024\n", o);
            Assert.Equal(1, h.Run("memmap -w 2000", out o));
            Assert.Equal("memmap: COLS must be 8 to 1024\n", o);
            Assert.Equal(1, h.Run("memmap -p x", out o));
            Assert.Equal("memmap: invalid number 'x'\n", o);
        }

        [Fact]
        public void DashC_ColoursOnlyATerminal()
        {
            var h = Host();
            Demo(h);
            string plain = h.Out("memmap");
            Assert.Equal(plain, h.Out("memmap -c"));   // the harness's line does not echo: a pipe
            h.Ld.Echo = true;
            string coloured = h.Out("memmap -c");
            Assert.Contains("\x1b[31mA", coloured);
            Assert.Equal(plain, Regex.Replace(coloured, "\x1b\\[[0-9]+m", ""));
            // Every coloured row ends with a reset.
            Assert.All(coloured.Split('\n').Where(l => l.Contains('\x1b')), l => Assert.Contains("\x1b[0m", l));
            Assert.Equal(0, h.Run("memmap -c > /tmp/m; cat /tmp/m", out string file));
            Assert.DoesNotContain("\x1b", file);
            h.Ld.Echo = false;
        }

        [Fact]
        public void Help_ListsIt()
        {
            Assert.Contains("memmap ", Host().Out("help"));
            Assert.StartsWith("Usage: memmap [-w COLS] [-p PID] [-c]\n", Host().Out("memmap -h"));
        }
    }
}
