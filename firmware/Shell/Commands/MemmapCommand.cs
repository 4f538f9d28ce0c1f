namespace ProcNano
{
    /// <summary>
    /// memmap [-w COLS] [-p PID] [-c]: the page arena as a grid, one character per page (per N pages when
    /// the grid would pass 32 rows), a letter per region (its position in /proc/maps: A-Z, a-z, 0-9, then
    /// '*'), '.' free, '#' in use by no region (ramfs file data, unattached shm); then a legend line per
    /// region, the buddy free blocks per order, the largest free block and 1 - largest / free. With -p only
    /// that task's regions are listed and lettered ('*' marks the others' pages); -c colours a terminal
    /// (an echoing line, not a redirection or a pipe).
    /// The kernel's snapshot (<see cref="Syscalls.Memmap"/>) calls this object as it walks; each call
    /// prints at once through the shell's fixed writer, so nothing grows with the arena.
    /// </summary>
    public sealed class MemmapCommand : IMemmapSink
    {
        private const int MaxRows = 32;
        private readonly ShellWriter _o;
        private readonly int _cols;
        private readonly bool _colour;
        private uint _base;
        private int _pages, _pageSize, _scale;
        // The cell being filled: its index, and the owner of its longest run so far.
        private int _cell, _best, _bestLen;
        private int _ink;            // the ANSI colour in force on this row (0: none)
        private bool _listed;        // the legend has begun (a line is open)
        private int _freePages, _largest;

        private MemmapCommand(ShellWriter o, int cols, bool colour)
        {
            _o = o;
            _cols = cols;
            _colour = colour;
        }

        public static int Run(Shell sh, string[] argv, int argc)
        {
            long cols = 64, pid = 0;
            bool colour = false;
            for (int i = 1; i < argc; i++)
            {
                string a = argv[i];
                if (a == "-c") colour = true;
                else if ((a == "-w" || a == "-p") && i + 1 < argc)
                {
                    long v;
                    if (!sh.Number("memmap", argv[++i], out v)) return Shell.StatusError;
                    if (a == "-p")
                    {
                        if (v <= 0 || v > int.MaxValue) return sh.Fail("memmap", -Errno.ESRCH);
                        pid = v;
                    }
                    else if (v < 8 || v > 1024) return sh.Complain("memmap", "COLS must be 8 to 1024");
                    else cols = v;
                }
                else return sh.Usage("memmap");
            }
            var m = new MemmapCommand(sh.Out, (int)cols, colour && !sh.Out.ToFile && sh.Tty.Echo);   // a terminal echoes; pipes and files get no escapes
            int e = sh.Sys.Memmap(sh.Task, (int)pid, m);
            if (e < 0) return sh.Fail("memmap", e);
            m.Summary();
            return Shell.StatusOk;
        }

        public void Arena(uint start, int pages, int pageSize)
        {
            _base = start;
            _pages = pages;
            _pageSize = pageSize;
            _scale = 1;
            while ((pages + _scale - 1) / _scale > _cols * MaxRows) _scale <<= 1;
            _o.Dec(pages);
            _o.Str(" pages of ");
            _o.Dec(pageSize);
            _o.Str(" bytes at ");
            _o.Addr(start);
            _o.Str(", ");
            _o.Dec(_scale);
            _o.Line(_scale == 1 ? " page a character" : " pages a character");
            _bestLen = 0;
        }

        public void Pages(int pfn, int count, int owner)
        {
            while (count > 0)
            {
                int next = (_cell + 1) * _scale, n = next - pfn < count ? next - pfn : count;
                if (n > _bestLen)
                {
                    _bestLen = n;
                    _best = owner;
                }
                pfn += n;
                count -= n;
                if (pfn == next || pfn == _pages) Cell();
            }
        }

        // Prints the finished cell (the row's address first), and ends the row when it is full or the last.
        private void Cell()
        {
            ShellWriter o = _o;
            int col = _cell % _cols;
            if (col == 0)
            {
                o.Hex(_base + (uint)(_cell * _scale * _pageSize), 8);
                o.Char(' ');
            }
            Ink(_best);
            o.Char(Letter(_best));
            _cell++;
            _bestLen = 0;
            if (col == _cols - 1 || _cell * _scale >= _pages)
            {
                Ink(Syscalls.MemFree);
                o.Char('\n');
            }
        }

        public void Region(int n, uint start, uint end, uint top, int flags, string path)
        {
            ShellWriter o = _o;
            if (_listed) o.Char('\n');
            else o.Line("  region            perm kind   pages file             users");
            _listed = true;
            Ink(n);
            o.Char(Letter(n));
            Ink(Syscalls.MemFree);
            o.Char(' ');
            o.Hex(start, 8);
            o.Char('-');
            o.Hex(end, 8);
            o.Char(' ');
            o.Char((flags & Vm.VM_READ) != 0 ? 'r' : '-');
            o.Char((flags & Vm.VM_WRITE) != 0 ? 'w' : '-');
            o.Char((flags & Vm.VM_EXEC) != 0 ? 'x' : '-');
            o.Char((flags & Vm.VM_SHARED) != 0 ? 'S' : (flags & Vm.VM_MAYSHARE) != 0 ? 's' : 'p');
            o.Char(' ');
            bool inArena = start >= _base && start - _base < (uint)(_pages * _pageSize);
            o.StrLeft((flags & Vm.VM_MAPPED_COPY) != 0 ? "copy" : inArena ? "direct" : "rom", 7);
            uint last = top > end ? top : end;
            o.Dec((last - start + (uint)_pageSize - 1) / (uint)_pageSize, 5);
            o.Char(' ');
            o.StrLeft((flags & Vm.VM_SHM) != 0 ? "[shm]" : path == null ? "[anon]" : path, 16);
        }

        public void User(int n, int pid)
        {
            _o.Char(' ');
            _o.Dec(pid);
        }

        public void Free(int order, int blocks)
        {
            if (order == 0)
            {
                if (_listed) _o.Char('\n');
                _o.Str("buddy:");
            }
            _o.Char(' ');
            _o.Dec(blocks);
            _freePages += blocks << order;
            if (blocks > 0) _largest = 1 << order;
        }

        // After the walk (outside the kernel lock): what the buddy counts add up to.
        private void Summary()
        {
            ShellWriter o = _o;
            o.Line(" (free blocks of 2^order pages)");
            o.Str("free ");
            PagesKb(_freePages);
            o.Str(", largest block ");
            PagesKb(_largest);
            o.Str(", fragmentation ");
            o.Dec(_freePages == 0 ? 0 : (_freePages - _largest) * 100 / _freePages);
            o.Line("%");
        }

        private void PagesKb(int n)
        {
            _o.Dec(n);
            _o.Str(" pages (");
            _o.Dec((long)n * _pageSize / 1024);
            _o.Str(" kB)");
        }

        /// <summary>The grid's character for an owner: the region's letter by its /proc/maps position.</summary>
        public static char Letter(int owner)
        {
            if (owner == Syscalls.MemFree) return '.';
            if (owner == Syscalls.MemHeld) return '#';
            if (owner < 0 || owner >= 62) return '*';
            return (char)(owner < 26 ? 'A' + owner : owner < 52 ? 'a' + owner - 26 : '0' + owner - 52);
        }

        // Switches the ANSI colour (with -c on a tty) to the owner's: six colours in turn for regions.
        private void Ink(int owner)
        {
            if (!_colour) return;
            int c = owner >= 0 ? 31 + owner % 6 : owner == Syscalls.MemHeld ? 90 : owner == Syscalls.MemOther ? 37 : 0;
            if (c == _ink) return;
            _ink = c;
            _o.Str("\x1b[");
            _o.Dec(c);
            _o.Char('m');
        }

    }
}
