namespace ProcNano
{
    /// <summary>
    /// All VMAs of all mms, as parallel int columns indexed by slot. Each <see cref="Mm"/> keeps its own
    /// ordered list of slots; the slot number is the VMA's unique id (the tie-break Linux takes from the
    /// VMA's address, because one mm may hold identical VMAs, e.g. two shmat()s of one segment).
    /// A VMA's file is its region's file, and its page offset follows from its region's (see
    /// <see cref="MemoryManager.VmaPgoff"/>): a VMA is a page-aligned window on its region.
    /// </summary>
    public sealed class VmaTable
    {
        public readonly UIntColumn Start, End;
        public readonly IntColumn Flags, Region;
        private readonly RowChunks _rows = new RowChunks(4, 1);
        private int _freeHead = -1;
        private int _used;

        public VmaTable()
        {
            Start = new UIntColumn(_rows, 0); End = new UIntColumn(_rows, 1);
            Flags = new IntColumn(_rows, 2); Region = new IntColumn(_rows, 3);
            FreeNewRows(0);
        }

        public int Used => _used;
        public int Capacity => _rows.Capacity;

        /// <summary>A fresh slot (zeroed, Region = -1), or -1 when the heap cannot hold another chunk.</summary>
        public int Alloc()
        {
            if (!Reserve(1)) return -1;
            int s = _freeHead;
            _freeHead = Region[s];
            Start[s] = End[s] = 0;
            Flags[s] = 0;
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

        /// <summary>Makes room for <paramref name="n"/> more VMAs; false if the heap cannot hold it.</summary>
        public bool Reserve(int n)
        {
            while (Capacity - _used < n)
            {
                int old = Capacity;
                if (!_rows.TryGrow()) return false;
                FreeNewRows(old);
            }
            return true;
        }

        // Threads the slots from first up to the capacity onto the free list (through Region), lowest first.
        private void FreeNewRows(int first)
        {
            for (int s = Capacity - 1; s >= first; s--)
            {
                Region[s] = _freeHead;
                _freeHead = s;
            }
        }
    }
}
