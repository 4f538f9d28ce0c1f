using System;
using System.Collections.Generic;
using System.Linq;

namespace ProcNano.HostSim.Web
{
    /// <summary>
    /// A board's memory, read through its shell (<see cref="ShellLink"/>): no kernel on this side. One picture
    /// is `uname -m`, `memmap -w 1024` (the page grid: who holds each page), `cat` of /proc/maps, /proc/buddyinfo,
    /// /proc/meminfo, /proc/slabinfo, `ps`, then /proc/PID/maps and /proc/PID/status of every task (the users of
    /// each region, and Mem). The commands run one after another, so unlike the simulator's snapshot the
    /// picture is not taken under one lock: a region that comes or goes in between shows on the next one.
    /// A board without memmap still gets its regions, users and counts; its other pages show as unknown.
    /// </summary>
    public sealed class AttachSource : ISnapshotSource
    {
        private readonly ShellLink _link;
        private readonly string _device;

        public AttachSource(ShellLink link, string device)
        {
            _link = link;
            _device = device;
        }

        public string Name => "attach " + _device;
        public int RefreshMs => 2000;

        public MemSnapshot Take()
        {
            lock (_link)
            {
                string[] r = _link.Run("uname -m", "memmap -w 1024", "cat /proc/maps", "cat /proc/buddyinfo", "cat /proc/meminfo",
                    "cat /proc/slabinfo", "ps");
                var tasks = ProcText.Ps(r[6]);
                var perTask = new List<string>();
                foreach (TaskRow t in tasks)
                {
                    perTask.Add("cat /proc/" + t.Pid + "/maps");
                    perTask.Add("cat /proc/" + t.Pid + "/status");
                }
                string[] p = _link.Run(perTask.ToArray());
                return Build(Name, r[0].Trim(), r[1], r[2], r[3], r[4], r[5], tasks, p);
            }
        }

        /// <summary>A picture from the texts the board printed (<paramref name="perTask"/>: each task's maps, then
        /// its status, in <paramref name="tasks"/>' order).</summary>
        public static MemSnapshot Build(string source, string board, string memmap, string maps, string buddy, string meminfo,
            string slabinfo, List<TaskRow> tasks, string[] perTask)
        {
            var s = new MemSnapshot { Source = source, Board = board, Tasks = tasks };
            ProcText.Memmap mm = ProcText.ParseMemmap(memmap);
            var lines = ProcText.Maps(maps);
            s.Meminfo = ProcText.Meminfo(meminfo);
            s.Slabs = ProcText.Slabinfo(slabinfo);
            s.Buddy = ProcText.Buddyinfo(buddy) ?? new int[0];
            s.SumBuddy();
            if (mm != null)
            {
                s.ArenaBase = mm.Base;
                s.PageSize = mm.PageSize;
                s.Pages = mm.Pages;
            }
            else
            {
                // No memmap: the page size from MemFree over the buddy lists' free pages (to a power of two), the
                // arena's size from MemTotal, its base from the lowest writable region.
                long total = s.MeminfoKb("MemTotal"), free = s.MeminfoKb("MemFree");
                s.PageSize = 4096;
                if (s.FreePages > 0 && free > 0)
                {
                    double guess = free * 1024.0 / s.FreePages;
                    s.PageSize = 1 << (int)Math.Round(Math.Log2(guess));
                }
                uint low = lines.Where(l => l.Perms[1] == 'w').Select(l => l.Start).DefaultIfEmpty(0u).Min();
                s.ArenaBase = low & ~(uint)(s.PageSize - 1);
                s.Pages = total > 0 ? (int)(total * 1024 / s.PageSize) : 0;
            }
            for (int n = 0; n < lines.Count; n++)
            {
                ProcText.MapsLine l = lines[n];
                var reg = new RegionInfo
                {
                    N = n,
                    Letter = ProcText.Letter(n),
                    Start = l.Start,
                    End = l.End,
                    Top = l.End,
                    Perms = l.Perms,
                    // The page names the file; maps' d_path adds " (deleted)" (SysV shm always), which the line keeps.
                    File = l.Path != null && l.Path.EndsWith(" (deleted)", StringComparison.Ordinal) ? l.Path.Substring(0, l.Path.Length - 10) : l.Path,
                    MapsLine = l.Text,
                    Shm = l.Perms[3] == 'S' && l.Path != null && l.Path.StartsWith("/SYSV", StringComparison.Ordinal),
                    Pages = (int)((l.End - l.Start + (uint)Math.Max(s.PageSize, 1) - 1) / (uint)Math.Max(s.PageSize, 1)),
                };
                bool inArena = l.Start >= s.ArenaBase && l.Start - s.ArenaBase < (uint)(s.Pages * s.PageSize);
                reg.Kind = inArena ? "?" : "rom";
                if (mm != null && n < 62 && mm.Regions.TryGetValue(ProcText.Letter(n)[0], out ProcText.Legend leg) && leg.Start == l.Start && leg.End == l.End)
                {
                    reg.Kind = leg.Kind;
                    reg.Pages = leg.Pages;
                    reg.Top = l.Start + (uint)(leg.Pages * s.PageSize);
                }
                s.Regions.Add(reg);
            }
            // Users: a task uses the region its VMA lies in (a VMA is a window on one region).
            for (int i = 0; i < tasks.Count; i++)
            {
                string tmaps = perTask != null && 2 * i < perTask.Length ? perTask[2 * i] : "";
                string status = perTask != null && 2 * i + 1 < perTask.Length ? perTask[2 * i + 1] : "";
                tasks[i].MemBytes = ProcText.StatusMem(status);
                foreach (ProcText.MapsLine v in ProcText.Maps(tmaps))
                {
                    RegionInfo owner = s.Regions.Where(x => x.Start <= v.Start && v.Start < Math.Max(x.Top, x.End)).OrderByDescending(x => x.Start).FirstOrDefault();
                    if (owner != null && !owner.Users.Contains(tasks[i].Pid)) owner.Users.Add(tasks[i].Pid);
                }
            }
            s.Owners = new int[Math.Max(0, s.Pages)];
            if (mm != null && mm.Scale >= 1)
            {
                for (int pfn = 0; pfn < s.Pages; pfn++)
                {
                    int cell = pfn / mm.Scale;
                    char c = cell < mm.Cells.Length ? mm.Cells[cell] : '?';
                    s.Owners[pfn] = c == '.' ? MemSnapshot.Free : c == '#' ? MemSnapshot.Held : c == '*' ? ByAddress(s, pfn) : ProcText.Position(c) >= 0 ? ProcText.Position(c) : MemSnapshot.Unknown;
                }
            }
            else
            {
                for (int pfn = 0; pfn < s.Pages; pfn++) s.Owners[pfn] = ByAddress(s, pfn);
            }
            return s;
        }

        // The region whose span holds the page (memmap's '*' past the 62 letters, or no memmap), else unknown.
        private static int ByAddress(MemSnapshot s, int pfn)
        {
            uint a = s.ArenaBase + (uint)(pfn * s.PageSize);
            RegionInfo r = s.Regions.Where(x => x.Start <= a && a < Math.Max(x.Top, x.End)).OrderByDescending(x => x.Start).FirstOrDefault();
            return r == null ? MemSnapshot.Unknown : r.N;
        }

        public ProcView Read(string path)
        {
            var v = new ProcView { Path = path };
            if (path.IndexOfAny(new[] { ';', '\'', '"', '\\', '>', '#', ' ' }) >= 0 || !path.StartsWith("/", StringComparison.Ordinal))
            {
                v.Error = "not a plain absolute path";
                return v;
            }
            if (path.EndsWith("/pagemap", StringComparison.Ordinal))
            {
                v.Error = path + ": binary; read it in the simulator";   // raw bytes would not survive the serial shell
                return v;
            }
            lock (_link)
            {
                string text = _link.Run("cat " + path)[0];
                if (text.StartsWith("cat: " + path + ": Is a directory", StringComparison.Ordinal))
                {
                    v.Dir = true;
                    // The trailing slash lists the directory a link names (/proc/self): ls -l shows a link operand itself.
                    v.Entries = ProcText.LsLong(_link.Run("ls -l " + (path.EndsWith("/", StringComparison.Ordinal) ? path : path + "/"))[0])
                        .Select(e => new ProcEntryView { Name = e.Name, Type = e.Type == 'd' ? "d" : e.Type == 'l' ? "l" : "-" }).ToList();
                }
                else if (text.StartsWith("cat: ", StringComparison.Ordinal) && text.IndexOf('\n') == text.Length - 1) v.Error = text.TrimEnd('\n');
                else v.Text = text;
            }
            return v;
        }
    }
}
