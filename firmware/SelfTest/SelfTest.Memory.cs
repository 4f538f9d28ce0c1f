namespace ProcNano
{
    // Scenarios of anonymous memory (checks 13-17): mmap's private copies, munmap's shrink and hole, what
    // mmap refuses. Each maps as the calling task and unmaps what it mapped.
    public sealed partial class SelfTest
    {
        private const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        private const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        /// <summary>The caller's VMA slot covering <paramref name="addr"/>, or -1.</summary>
        private int VmaAt(uint addr)
        {
            lock (_lock)
            {
                int i = _t.Mm.Find(_mem.Vmas, addr);
                return i < 0 ? -1 : _t.Mm.Vmas[i];
            }
        }

        private int RegionPages(int r)
        {
            return (int)((_mem.Regions.Top(r) - _mem.Regions.Start(r)) >> _mem.PageShift);
        }

        private string AnonTrimmed(int check)
        {
            int page = _mem.PageSize;
            long len = 2L * page + 1;   // three pages: an order-2 block with one page of excess
            int expect = _mem.NrTrimPages != 0 && 1 >= _mem.NrTrimPages ? 3 : 4;
            int before = _mem.MmapPagesAllocated;
            long a = _sys.Mmap(_t, 0, len, RW, Anon, -1, 0);
            if (a < 0) return Got("mmap", a);
            string fail = null;
            try
            {
                Tamper(check);
                lock (_lock)
                {
                    int v = VmaAt((uint)a);
                    int r = v < 0 ? -1 : _mem.Vmas.Region(v);
                    if (v < 0) fail = "no VMA at the address mmap returned";
                    else if (!IsCopy(_mem.Regions.Flags(r))) fail = "the region is not a copy";
                    else if (_mem.Vmas.End(v) - _mem.Vmas.Start(v) != len) fail = "the VMA is not the length asked for";
                    else if (_mem.Regions.End(r) - _mem.Regions.Start(r) != 3 * page) fail = "the region is not the length page-rounded";
                    else if (_mem.MmapPagesAllocated - before != expect || RegionPages(r) != expect)
                        fail = "MmapCopy grew by " + (_mem.MmapPagesAllocated - before).ToString() + " pages, expected " + expect.ToString();
                }
            }
            finally
            {
                int e = _sys.Munmap(_t, (uint)a, len);
                if (fail == null && e < 0) fail = Got("munmap", e);
            }
            if (fail == null && _mem.MmapPagesAllocated != before) fail = "munmap left " + (_mem.MmapPagesAllocated - before).ToString() + " pages counted";
            return fail;
        }

        private string HolePunch(int check)
        {
            int page = _mem.PageSize;
            int before = _mem.MmapPagesAllocated;
            long a = _sys.Mmap(_t, 0, 3L * page, RW, Anon, -1, 0);
            if (a < 0) return Got("mmap", a);
            uint start = (uint)a, p = (uint)page;
            int mapped = _mem.MmapPagesAllocated - before;
            string fail = null;
            bool punched = false;
            try
            {
                int e = _sys.Munmap(_t, start + p, page);
                if (e < 0) return fail = Got("munmap of the middle page", e);
                punched = true;
                Tamper(check);
                int head = VmaAt(start), tail = VmaAt(start + 2 * p);
                lock (_lock)
                {
                    if (VmaAt(start + p) >= 0) fail = "the middle page is still mapped";
                    else if (head < 0 || _mem.Vmas.End(head) != start + p) fail = "the head VMA is not [a, a+page)";
                    else if (tail < 0 || tail == head || _mem.Vmas.Start(tail) != start + 2 * p || _mem.Vmas.End(tail) != start + 3 * p)
                        fail = "the tail VMA is not [a+2 pages, a+3 pages)";
                    else if (_mem.MmapPagesAllocated - before != mapped - 1)
                        fail = "MmapCopy " + (_mem.MmapPagesAllocated - before).ToString() + " pages after the hole, expected " + (mapped - 1).ToString();
                }
            }
            finally
            {
                if (punched)
                {
                    _sys.Munmap(_t, start, page);
                    _sys.Munmap(_t, start + 2 * p, page);
                }
                else _sys.Munmap(_t, start, 3L * page);
            }
            if (fail == null && _mem.MmapPagesAllocated != before) fail = "unmapping both halves left " + (_mem.MmapPagesAllocated - before).ToString() + " pages counted";
            return fail;
        }

        private string FileVmaWhole(int check)
        {
            int page = _mem.PageSize;
            int fd = -1;
            long a = -1;
            string fail = null;
            try
            {
                int e = MakeFile(TmpFile, 2 * page);
                if (e < 0) return fail = Got("create " + TmpFile, e);
                fd = _sys.Open(_t, TmpFile, File.O_RDONLY, 0);
                a = fd < 0 ? fd : _sys.Mmap(_t, 0, 2L * page, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
                if (a < 0) return fail = Got("mmap of " + TmpFile, a);
                e = _sys.Munmap(_t, (uint)a + (uint)page, page);
                Tamper(check);
                int v = VmaAt((uint)a);
                if (e != -Errno.EINVAL) fail = Got("munmap of half a file VMA", e);
                else if (v < 0 || _mem.Vmas.End(v) != (uint)a + 2 * (uint)page) fail = "the file VMA did not stay whole";
            }
            finally
            {
                if (a >= 0 && VmaAt((uint)a) >= 0) _sys.Munmap(_t, (uint)a, 2L * page);
                if (fd >= 0) _sys.Close(_t, fd);
                _sys.Unlink(_t, TmpFile);
            }
            return fail;
        }

        private string BadRequests(int check)
        {
            int[] before = Snapshot();
            int page = _mem.PageSize;
            long zero = _sys.Mmap(_t, 0, 0, RW, Anon, -1, 0);
            long both = _sys.Mmap(_t, 0, page, RW, Anon | Vm.MAP_SHARED, -1, 0);
            long unknown = _sys.Mmap(_t, 0, page, RW, Anon | 0x4000000, -1, 0);
            long offset = _sys.Mmap(_t, 0, page, Vm.PROT_READ, Vm.MAP_PRIVATE, -1, 1);
            Tamper(check);
            string fail = null;
            if (zero != -Errno.EINVAL) fail = Got("mmap of length 0", zero);
            else if (both != -Errno.EINVAL) fail = Got("mmap both MAP_SHARED and MAP_PRIVATE", both);
            else if (unknown != -Errno.EINVAL) fail = Got("mmap with an unknown flag", unknown);
            else if (offset != -Errno.EINVAL) fail = Got("mmap at an offset off a page", offset);
            if (zero >= 0) _sys.Munmap(_t, (uint)zero, 1);
            if (both >= 0) _sys.Munmap(_t, (uint)both, page);
            if (unknown >= 0) _sys.Munmap(_t, (uint)unknown, page);
            if (offset >= 0) _sys.Munmap(_t, (uint)offset, page);
            return fail != null ? fail : Differs(before, Snapshot());
        }

        private string OutOfArena(int check)
        {
            int[] before = Snapshot();
            long len = (long)(_pages.Pages + 1) * _mem.PageSize;
            long a = _sys.Mmap(_t, 0, len, RW, Anon, -1, 0);
            Tamper(check);
            if (a >= 0)
            {
                _sys.Munmap(_t, (uint)a, len);
                return "a map larger than the arena succeeded";
            }
            if (a != -Errno.ENOMEM) return Got("mmap larger than the arena", a);
            return Differs(before, Snapshot());
        }
    }
}
