namespace ProcNano
{
    /// <summary>
    /// All VMAs of all mms, as parallel int columns indexed by slot. Each <see cref="Mm"/> keeps its own
    /// ordered list of slots; the slot number is the VMA's unique id (the tie-break Linux takes from the
    /// VMA's address, because one mm may hold identical VMAs, e.g. two shmat()s of one segment).
    /// A VMA's file is its region's file, and its page offset follows from its region's (see
    /// <see cref="MemoryManager.VmaPgoff"/>): a VMA is a page-aligned window on its region.
    /// </summary>
    public sealed class VmaTable : RowChunks
    {
        private int _freeHead = -1;
        private int _used;

        public VmaTable() : base(4, 1) { FreeNewRows(0); }

        // The fields of slot s (a setter returns what it stored, so assignments chain).
        public uint Start(int s) { return (uint)Get(s, 0); }
        public uint SetStart(int s, uint v) { Set(s, 0, (int)v); return v; }
        public uint End(int s) { return (uint)Get(s, 1); }
        public uint SetEnd(int s, uint v) { Set(s, 1, (int)v); return v; }
        public int Flags(int s) { return Get(s, 2); }
        public int SetFlags(int s, int v) { Set(s, 2, v); return v; }
        public int Region(int s) { return Get(s, 3); }
        public int SetRegion(int s, int v) { Set(s, 3, v); return v; }

        public int Used => _used;

        /// <summary>A fresh slot (zeroed, Region = -1), or -1 when the heap cannot hold another chunk.</summary>
        public int Alloc()
        {
            if (!Reserve(1)) return -1;
            int s = _freeHead;
            _freeHead = Region(s);
            SetStart(s, SetEnd(s, 0));
            SetFlags(s, 0);
            SetRegion(s, -1);
            _used++;
            return s;
        }

        public void Free(int s)
        {
            SetFlags(s, 0);
            SetRegion(s, _freeHead);
            _freeHead = s;
            _used--;
        }

        /// <summary>Sort key order: start, then end, then id.</summary>
        public bool Before(int a, int b)
        {
            if (Start(a) != Start(b)) return Start(a) < Start(b);
            if (End(a) != End(b)) return End(a) < End(b);
            return a < b;
        }

        /// <summary>Makes room for <paramref name="n"/> more VMAs; false if the heap cannot hold it.</summary>
        public bool Reserve(int n)
        {
            while (Capacity - _used < n)
            {
                int old = Capacity;
                if (!TryGrow()) return false;
                FreeNewRows(old);
            }
            return true;
        }

        // Threads the slots from first up to the capacity onto the free list (through Region), lowest first.
        private void FreeNewRows(int first)
        {
            for (int s = Capacity - 1; s >= first; s--)
            {
                SetRegion(s, _freeHead);
                _freeHead = s;
            }
        }
    }
}
