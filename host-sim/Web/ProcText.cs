using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProcNano.HostSim.Web
{
    /// <summary>
    /// Reads the texts the kernel prints (the /proc files, ps, ls -l, memmap) back into numbers: what attach
    /// mode gets from a board's shell, and what the simulator's web view reads of /proc beside the snapshot
    /// call. Lines that do not parse are skipped (an error message the shell printed in between, say).
    /// </summary>
    public static class ProcText
    {
        public static string[] Lines(string text)
        {
            return text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        private static readonly Regex MapsRe = new Regex(@"^([0-9a-f]{8})-([0-9a-f]{8}) ([r-][w-][x-][psS]) ([0-9a-f]+) ([0-9a-f]{2}):([0-9a-f]{2}) (\d+) ?(.*)$");

        /// <summary>One line of /proc/maps or /proc/&lt;pid&gt;/maps.</summary>
        public sealed class MapsLine
        {
            public uint Start, End;
            public string Perms, Path, Text;
        }

        public static List<MapsLine> Maps(string text)
        {
            var list = new List<MapsLine>();
            foreach (string l in Lines(text))
            {
                Match m = MapsRe.Match(l);
                if (!m.Success) continue;
                string path = m.Groups[8].Value.Trim();
                list.Add(new MapsLine
                {
                    Start = Hex(m.Groups[1].Value),
                    End = Hex(m.Groups[2].Value),
                    Perms = m.Groups[3].Value,
                    Path = path.Length == 0 ? null : path,
                    Text = l.TrimEnd(),
                });
            }
            return list;
        }

        private static readonly Regex KbRe = new Regex(@"^([A-Za-z0-9_()]+):\s+(\d+) kB$");

        public static List<MeminfoRow> Meminfo(string text)
        {
            var rows = new List<MeminfoRow>();
            foreach (string l in Lines(text))
            {
                Match m = KbRe.Match(l.Trim());
                if (m.Success) rows.Add(new MeminfoRow { Name = m.Groups[1].Value, Kb = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) });
            }
            return rows;
        }

        private static readonly Regex SlabRe = new Regex(@"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$");

        public static List<SlabRow> Slabinfo(string text)
        {
            var rows = new List<SlabRow>();
            foreach (string l in Lines(text))
            {
                Match m = SlabRe.Match(l.Trim());
                if (!m.Success || l.StartsWith("#")) continue;
                rows.Add(new SlabRow
                {
                    Name = m.Groups[1].Value,
                    Active = long.Parse(m.Groups[2].Value),
                    Objects = long.Parse(m.Groups[3].Value),
                    Size = long.Parse(m.Groups[4].Value),
                    Bytes = long.Parse(m.Groups[5].Value),
                });
            }
            return rows;
        }

        /// <summary>/proc/buddyinfo's counts per order (null if no zone line).</summary>
        public static int[] Buddyinfo(string text)
        {
            foreach (string l in Lines(text))
            {
                Match m = Regex.Match(l, @"^Node \d+, zone\s+\S+((?:\s+\d+)+)\s*$");
                if (!m.Success) continue;
                string[] n = m.Groups[1].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return Array.ConvertAll(n, int.Parse);
            }
            return null;
        }

        // PID PPID USER STAT VSZ RSS [HEAP] COMMAND (a board before the HEAP column has none).
        private static readonly Regex PsRe = new Regex(@"^\s*(\d+)\s+(\d+)\s+(\S+)\s+(\S)\s+(\d+)\s+(\d+)(?:\s+(\d+))? (.*)$");

        public static List<TaskRow> Ps(string text)
        {
            var rows = new List<TaskRow>();
            foreach (string l in Lines(text))
            {
                Match m = PsRe.Match(l);
                if (!m.Success) continue;
                rows.Add(new TaskRow
                {
                    Pid = int.Parse(m.Groups[1].Value),
                    Ppid = int.Parse(m.Groups[2].Value),
                    User = m.Groups[3].Value,
                    State = m.Groups[4].Value,
                    VszKb = long.Parse(m.Groups[5].Value),
                    RssKb = long.Parse(m.Groups[6].Value),
                    Command = m.Groups[8].Value,
                });
            }
            return rows;
        }

        /// <summary>The Mem: line of /proc/&lt;pid&gt;/status in bytes, or -1.</summary>
        public static long StatusMem(string text)
        {
            Match m = Regex.Match(text, @"(?m)^Mem:\s+(\d+) bytes");
            return m.Success ? long.Parse(m.Groups[1].Value) : -1;
        }

        /// <summary>One entry of ls -l: its name, and whether it is a directory ('d') or a link ('l').</summary>
        public sealed class LsEntry
        {
            public string Name;
            public char Type;
            public string Target;
        }

        private static readonly Regex LsRe = new Regex(@"^([-dlcbps])[-rwxsStT]{9}\s+\d+\s+\S+\s+\S+\s+\d+ (.+)$");

        public static List<LsEntry> LsLong(string text)
        {
            var list = new List<LsEntry>();
            foreach (string l in Lines(text))
            {
                Match m = LsRe.Match(l);
                if (!m.Success) continue;
                string name = m.Groups[2].Value, target = null;
                char type = m.Groups[1].Value[0];
                int arrow = type == 'l' ? name.IndexOf(" -> ", StringComparison.Ordinal) : -1;
                if (arrow >= 0)
                {
                    target = name.Substring(arrow + 4);
                    name = name.Substring(0, arrow);
                }
                list.Add(new LsEntry { Name = name, Type = type, Target = target });
            }
            return list;
        }

        /// <summary>memmap's output taken apart: the header, one character per cell, and the legend.</summary>
        public sealed class Memmap
        {
            public int Pages, PageSize, Scale;
            public uint Base;
            public string Cells = "";
            public readonly Dictionary<char, Legend> Regions = new Dictionary<char, Legend>();
        }

        public sealed class Legend
        {
            public uint Start, End;
            public string Perms, Kind, File;
            public int Pages;
            public List<int> Users = new List<int>();
        }

        private static readonly Regex HeadRe = new Regex(@"^(\d+) pages of (\d+) bytes at 0x([0-9a-f]{8}), (\d+) pages? a character$");
        private static readonly Regex LegendRe = new Regex(@"^(\S) ([0-9a-f]{8})-([0-9a-f]{8}) ([r-][w-][x-][psS]) (copy|direct|rom) +(\d+) (\S+) *(.*)$");

        /// <summary>memmap's output (null if there is no header: an older board without the command).</summary>
        public static Memmap ParseMemmap(string text)
        {
            Memmap mm = null;
            foreach (string raw in Lines(text))
            {
                string l = Regex.Replace(raw, "\x1b\\[[0-9;]*m", "");
                Match h = HeadRe.Match(l);
                if (h.Success)
                {
                    mm = new Memmap
                    {
                        Pages = int.Parse(h.Groups[1].Value),
                        PageSize = int.Parse(h.Groups[2].Value),
                        Base = Hex(h.Groups[3].Value),
                        Scale = int.Parse(h.Groups[4].Value),
                    };
                    continue;
                }
                if (mm == null) continue;
                if (Regex.IsMatch(l, "^[0-9a-f]{8} [^ ]+$"))
                {
                    mm.Cells += l.Substring(9);
                    continue;
                }
                Match g = LegendRe.Match(l);
                if (!g.Success) continue;
                var leg = new Legend
                {
                    Start = Hex(g.Groups[2].Value),
                    End = Hex(g.Groups[3].Value),
                    Perms = g.Groups[4].Value,
                    Kind = g.Groups[5].Value,
                    Pages = int.Parse(g.Groups[6].Value),
                    File = g.Groups[7].Value,
                };
                foreach (string p in g.Groups[8].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) leg.Users.Add(int.Parse(p));
                mm.Regions[g.Groups[1].Value[0]] = leg;
            }
            return mm;
        }

        /// <summary>memmap's letter for the region at /proc/maps position <paramref name="n"/> (the kernel's rule).</summary>
        public static string Letter(int n) { return MemmapCommand.Letter(n).ToString(); }

        /// <summary>The position a memmap letter stands for, or -1 ('*', '.', '#').</summary>
        public static int Position(char c)
        {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= 'a' && c <= 'z') return c - 'a' + 26;
            if (c >= '0' && c <= '9') return c - '0' + 52;
            return -1;
        }

        public static uint Hex(string s) { return uint.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture); }
    }
}
