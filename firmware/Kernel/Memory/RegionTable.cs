namespace ProcNano
{
    /// <summary>
    /// All vm_regions, as parallel int columns indexed by slot (4 bytes a field on the device, where an object
    /// would cost 12 a field plus 12), plus the global tree: the slots ordered by start address (then slot, so
    /// two direct views of one file at one address still have an order). Lookups are binary searches.
    /// </summary>
    public sealed class RegionTable
    {
        public readonly UIntColumn Start, End, Top;
        public readonly IntColumn Flags, Pgoff, File, Usage;
        private readonly RowChunks _rows = new RowChunks(7, 1);
        private readonly IntList _order = new IntList(RowChunks.ChunkRows);
        private int _freeHead = -1;
        private int _used;

        public RegionTable()
        {
            Start = new UIntColumn(_rows, 0); End = new UIntColumn(_rows, 1); Top = new UIntColumn(_rows, 2);
            Flags = new IntColumn(_rows, 3); Pgoff = new IntColumn(_rows, 4); File = new IntColumn(_rows, 5);
            Usage = new IntColumn(_rows, 6);
            FreeNewRows(0);
        }

        /// <summary>Regions in the tree.</summary>
        public int Count => _order.Count;
        /// <summary>Slot of the i-th region in address order.</summary>
        public int At(int i) { return _order[i]; }
        /// <summary>Slots in use (in the tree or being built).</summary>
        public int Used => _used;
        public int Capacity => _rows.Capacity;

        /// <summary>A fresh slot, not yet in the tree; its fields are zeroed, File = -1, Usage = 1. -1 when
        /// the managed heap cannot hold another chunk of slots (the caller answers ENOMEM).</summary>
        public int Alloc()
        {
            if (!Reserve(1)) return -1;
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

        /// <summary>Makes room for <paramref name="n"/> more regions in the tree (slots and their place in the
        /// order) without growing later; false if the heap cannot hold it.</summary>
        public bool Reserve(int n)
        {
            while (Capacity - _used < n)
            {
                int old = Capacity;
                if (!_rows.TryGrow()) return false;
                FreeNewRows(old);
            }
            return _order.Reserve(_used + n);
        }

        // Threads the slots from first up to the capacity onto the free list (through Pgoff), lowest first.
        private void FreeNewRows(int first)
        {
            for (int s = Capacity - 1; s >= first; s--)
            {
                Usage[s] = -1;
                Pgoff[s] = _freeHead;
                _freeHead = s;
            }
        }
    }
}
