using System;
using System.Collections.Generic;
using System.Text;
using ProcNano;

namespace ProcNano.HostSim.Web
{
    /// <summary>
    /// The simulator's own kernel, read as a task reads it: the arena, regions and buddy lists from the same
    /// snapshot call memmap makes (<see cref="Syscalls.Memmap"/>), the tasks from ps's call, and /proc's files
    /// through open/read/readdir. It reads as the console shell's task, so /proc/self in the browser is the
    /// shell the user types into.
    /// </summary>
    public sealed class LocalSource : ISnapshotSource
    {
        private readonly Syscalls _sys;
        private readonly Task _reader;
        private readonly string _board;
        private readonly byte[] _buf = new byte[4096];

        public LocalSource(Syscalls sys, Task reader, string board)
        {
            _sys = sys;
            _reader = reader;
            _board = board;
        }

        public string Name => "simulator (" + _board + ")";
        public int RefreshMs => 250;

        public MemSnapshot Take()
        {
            var s = new MemSnapshot { Source = Name, Board = _board };
            lock (this)
            {
                _sys.Memmap(_reader, 0, new Sink(s));
                s.SumBuddy();
                var maps = ProcText.Maps(ReadText("/proc/maps", out _));
                foreach (RegionInfo r in s.Regions)
                {
                    if (r.N < maps.Count && maps[r.N].Start == r.Start && maps[r.N].End == r.End) r.MapsLine = maps[r.N].Text;
                    else r.MapsLine = r.Start.ToString("x8") + "-" + r.End.ToString("x8") + " " + r.Perms + (r.File != null ? " " + r.File : "");
                }
                var info = new TaskInfo();
                for (int next = _sys.TaskAt(_reader, 0, info); next > 0; next = _sys.TaskAt(_reader, next, info))
                {
                    s.Tasks.Add(new TaskRow
                    {
                        Pid = info.Pid,
                        Ppid = info.Ppid,
                        User = TaskCommands.UserName(info.Euid),
                        State = info.State.ToString(),
                        VszKb = (info.VszBytes + 1023) / 1024,
                        RssKb = (info.RssBytes + 1023) / 1024,
                        Command = string.IsNullOrEmpty(info.Cmdline) ? info.Comm : info.Cmdline.TrimEnd(Task.ArgEnd).Replace(Task.ArgEnd, ' '),
                    });
                }
                foreach (TaskRow t in s.Tasks) t.MemBytes = ProcText.StatusMem(ReadText("/proc/" + t.Pid + "/status", out _));
                s.Meminfo = ProcText.Meminfo(ReadText("/proc/meminfo", out _));
                s.Slabs = ProcText.Slabinfo(ReadText("/proc/slabinfo", out _));
            }
            return s;
        }

        public ProcView Read(string path)
        {
            var v = new ProcView { Path = path };
            lock (this)
            {
                int fd = _sys.Open(_reader, path, File.O_RDONLY, 0);
                if (fd < 0)
                {
                    v.Error = "cat: " + path + ": " + Errno.StrError(fd);
                    return v;
                }
                var st = new StatInfo();
                _sys.Fstat(_reader, fd, st);
                if ((st.Mode & Stat.S_IFMT) == Stat.S_IFDIR)
                {
                    v.Dir = true;
                    v.Entries = new List<ProcEntryView>();
                    for (int i = 2; ; i++)
                    {
                        int r = _sys.ReadDir(_reader, fd, i, out string name, out int type);
                        if (r <= 0) break;
                        int t = type & Stat.S_IFMT;
                        v.Entries.Add(new ProcEntryView { Name = name, Type = t == Stat.S_IFDIR ? "d" : t == Stat.S_IFLNK ? "l" : "-" });
                    }
                    _sys.Close(_reader, fd);
                    return v;
                }
                v.Text = ReadFd(fd, out int err);
                _sys.Close(_reader, fd);
                if (err < 0) v.Error = "cat: " + path + ": " + Errno.StrError(err);
            }
            return v;
        }

        private string ReadText(string path, out int err)
        {
            int fd = _sys.Open(_reader, path, File.O_RDONLY, 0);
            if (fd < 0)
            {
                err = fd;
                return "";
            }
            string text = ReadFd(fd, out err);
            _sys.Close(_reader, fd);
            return text;
        }

        // Up to 64 KiB of the file; binary files (pagemap) come out as hexdump -C lines.
        private string ReadFd(int fd, out int err)
        {
            var bytes = new List<byte>();
            err = 0;
            int n;
            while (bytes.Count < 65536 && (n = _sys.Read(_reader, fd, _buf, 0, _buf.Length)) != 0)
            {
                if (n < 0)
                {
                    err = n;
                    break;
                }
                for (int i = 0; i < n; i++) bytes.Add(_buf[i]);
            }
            return Text(bytes.ToArray());
        }

        /// <summary>The bytes as text, or as hexdump -C lines when they are not text.</summary>
        public static string Text(byte[] b)
        {
            bool binary = false;
            foreach (byte c in b) if (c == 0 || c > 0x7e || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) binary = true;
            if (!binary) return Encoding.Latin1.GetString(b);
            var sb = new StringBuilder();
            for (int at = 0; at < b.Length; at += 16)
            {
                sb.Append(at.ToString("x8")).Append("  ");
                for (int i = 0; i < 16; i++)
                {
                    sb.Append(at + i < b.Length ? b[at + i].ToString("x2") + " " : "   ");
                    if (i == 7) sb.Append(' ');
                }
                sb.Append(" |");
                for (int i = 0; i < 16 && at + i < b.Length; i++) sb.Append(b[at + i] >= 0x20 && b[at + i] < 0x7f ? (char)b[at + i] : '.');
                sb.Append("|\n");
            }
            sb.Append(b.Length.ToString("x8")).Append('\n');
            return sb.ToString();
        }

        /// <summary>The kernel's snapshot, kept as it comes (this runs under the kernel lock: no syscalls here).</summary>
        private sealed class Sink : IMemmapSink
        {
            private readonly MemSnapshot _s;
            private readonly List<int> _buddy = new List<int>();

            public Sink(MemSnapshot s) { _s = s; }

            public void Arena(uint start, int pages, int pageSize)
            {
                _s.ArenaBase = start;
                _s.Pages = pages;
                _s.PageSize = pageSize;
                _s.Owners = new int[pages];
            }

            public void Pages(int pfn, int count, int owner)
            {
                for (int i = 0; i < count; i++) _s.Owners[pfn + i] = owner;
            }

            public void Region(int n, uint start, uint end, uint top, int flags, string path)
            {
                uint last = Math.Max(top, end);
                bool inArena = start >= _s.ArenaBase && start - _s.ArenaBase < (uint)(_s.Pages * _s.PageSize);
                _s.Regions.Add(new RegionInfo
                {
                    N = n,
                    Letter = ProcText.Letter(n),
                    Start = start,
                    End = end,
                    Top = top,
                    Perms = Perms(flags),
                    Kind = (flags & Vm.VM_MAPPED_COPY) != 0 ? "copy" : inArena ? "direct" : "rom",
                    Pages = (int)((last - start + (uint)_s.PageSize - 1) / (uint)_s.PageSize),
                    File = path,
                    Shm = (flags & Vm.VM_SHM) != 0,
                });
            }

            public void User(int n, int pid) { _s.Regions[_s.Regions.Count - 1].Users.Add(pid); }

            public void Free(int order, int blocks)
            {
                _buddy.Add(blocks);
                _s.Buddy = _buddy.ToArray();
            }

            private static string Perms(int f)
            {
                return ((f & Vm.VM_READ) != 0 ? "r" : "-") + ((f & Vm.VM_WRITE) != 0 ? "w" : "-") + ((f & Vm.VM_EXEC) != 0 ? "x" : "-")
                    + ((f & Vm.VM_SHARED) != 0 ? "S" : (f & Vm.VM_MAYSHARE) != 0 ? "s" : "p");
            }
        }
    }
}
