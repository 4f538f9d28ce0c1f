namespace ProcNano
{
    /// <summary>
    /// All VMAs of all mms, as parallel int columns indexed by slot. Each <see cref="Mm"/> keeps its own
    /// ordered list of slots; the slot number is the VMA's unique id (the tie-break Linux takes from the
    /// VMA's address, because one mm may hold identical VMAs, e.g. two shmat()s of one segment).
    /// A VMA's file is its region's file.
    /// </summary>
    public sealed class VmaTable
    {
        public uint[] Start, End;
        public int[] Flags, Pgoff, Region;
        private int _freeHead = -1;
        private int _used;

        public VmaTable(int capacity) { Grow(capacity); }

        public int Used => _used;
        public int Capacity => Start.Length;

        public int Alloc()
        {
            if (_freeHead < 0) Grow(Start.Length * 2);
            int s = _freeHead;
            _freeHead = Region[s];
            Start[s] = End[s] = 0;
            Flags[s] = Pgoff[s] = 0;
            Region[s] = -1;
            _used++;
            return s;
        }

        public void Free(int s)
        {
            Flags[s] = 0;
            Region[s] = _freeHead;
            _freeHead = s;
            _used--;
        }

        /// <summary>Sort key order: start, then end, then id.</summary>
        public bool Before(int a, int b)
        {
            if (Start[a] != Start[b]) return Start[a] < Start[b];
            if (End[a] != End[b]) return End[a] < End[b];
            return a < b;
        }

        private void Grow(int n)
        {
            int old = Start == null ? 0 : Start.Length;
            Start = RegionTable.GrowU(Start, n); End = RegionTable.GrowU(End, n);
            Flags = RegionTable.GrowI(Flags, n); Pgoff = RegionTable.GrowI(Pgoff, n); Region = RegionTable.GrowI(Region, n);
            for (int s = n - 1; s >= old; s--)
            {
                Region[s] = _freeHead;
                _freeHead = s;
            }
        }
    }
}
