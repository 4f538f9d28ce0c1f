namespace ProcNano
{
    /// <summary>
    /// All vm_regions, as parallel int columns indexed by slot (4 bytes a field on the device, where an object
    /// would cost 12 a field plus 12), plus the global tree: the slots ordered by start address (then slot, so
    /// two direct views of one file at one address still have an order). Lookups are binary searches.
    /// </summary>
    public sealed class RegionTable
    {
        public uint[] Start, End, Top;
        public int[] Flags, Pgoff, File, Usage;
        private readonly IntList _order = new IntList(16);
        private int _freeHead = -1;
        private int _used;

        public RegionTable(int capacity)
        {
            Grow(capacity);
        }

        /// <summary>Regions in the tree.</summary>
        public int Count => _order.Count;
        /// <summary>Slot of the i-th region in address order.</summary>
        public int At(int i) { return _order[i]; }
        /// <summary>Slots in use (in the tree or being built).</summary>
        public int Used => _used;
        public int Capacity => Start.Length;

        /// <summary>A fresh slot, not yet in the tree; its fields are zeroed, File = -1, Usage = 1.</summary>
        public int Alloc()
        {
            if (_freeHead < 0) Grow(Start.Length * 2);
            int s = _freeHead;
            _freeHead = Pgoff[s];
            Start[s] = End[s] = Top[s] = 0;
            Flags[s] = Pgoff[s] = 0;
            File[s] = -1;
            Usage[s] = 1;
            _used++;
            return s;
        }

        /// <summary>Returns a slot (already out of the tree) to the free list.</summary>
        public void Free(int s)
        {
            Usage[s] = -1;
            Pgoff[s] = _freeHead;
            _freeHead = s;
            _used--;
        }

        public void Insert(int s)
        {
            int lo = 0, hi = _order.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (Before(_order[mid], s)) lo = mid + 1; else hi = mid;
            }
            _order.Insert(lo, s);
        }

        public void Remove(int s)
        {
            int i = IndexOf(s);
            if (i >= 0) _order.RemoveAt(i);
        }

        /// <summary>Position of slot s in the ordered tree, or -1.</summary>
        public int IndexOf(int s)
        {
            int lo = 0, hi = _order.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (Before(_order[mid], s)) lo = mid + 1; else hi = mid;
            }
            return lo < _order.Count && _order[lo] == s ? lo : -1;
        }

        /// <summary>A region whose [Start, Top) holds <paramref name="addr"/> (the one starting nearest below
        /// it), or -1. A binary search, then a walk back that only direct views prolong: a copy overlaps
        /// nothing, but two direct views of one file may nest, the outer one starting first.</summary>
        public int Find(uint addr)
        {
            int lo = 0, hi = _order.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (Start[_order[mid]] <= addr) lo = mid + 1; else hi = mid;
            }
            for (int i = lo - 1; i >= 0; i--)
            {
                int s = _order[i];
                if (addr < Top[s] || addr < End[s]) return s;
                if ((Flags[s] & Vm.VM_MAPPED_COPY) != 0) break;
            }
            return -1;
        }

        private bool Before(int a, int b)
        {
            return Start[a] < Start[b] || (Start[a] == Start[b] && a < b);
        }

        private void Grow(int n)
        {
            int old = Start == null ? 0 : Start.Length;
            Start = GrowU(Start, n); End = GrowU(End, n); Top = GrowU(Top, n);
            Flags = GrowI(Flags, n); Pgoff = GrowI(Pgoff, n); File = GrowI(File, n); Usage = GrowI(Usage, n);
            for (int s = n - 1; s >= old; s--)
            {
                Usage[s] = -1;
                Pgoff[s] = _freeHead;
                _freeHead = s;
            }
        }

        internal static uint[] GrowU(uint[] a, int n)
        {
            uint[] r = new uint[n];
            if (a != null) for (int i = 0; i < a.Length; i++) r[i] = a[i];
            return r;
        }

        internal static int[] GrowI(int[] a, int n)
        {
            int[] r = new int[n];
            if (a != null) for (int i = 0; i < a.Length; i++) r[i] = a[i];
            return r;
        }
    }
}
