namespace ProcNano
{
    /// <summary>
    /// All vm_regions, as parallel int columns indexed by slot (4 bytes a field on the device, where an object
    /// would cost 12 a field plus 12), plus the global tree: the slots ordered by start address (then slot, so
    /// two direct views of one file at one address still have an order). Lookups are binary searches.
    /// </summary>
    public sealed class RegionTable : RowChunks
    {
        private readonly IntList _order = new IntList(RowChunks.ChunkRows);
        private int _freeHead = -1;
        private int _used;

        public RegionTable() : base(7, 1) { FreeNewRows(0); }

        // The fields of slot s (a setter returns what it stored, so assignments chain).
        public uint Start(int s) { return (uint)Get(s, 0); }
        public uint SetStart(int s, uint v) { Set(s, 0, (int)v); return v; }
        public uint End(int s) { return (uint)Get(s, 1); }
        public uint SetEnd(int s, uint v) { Set(s, 1, (int)v); return v; }
        public uint Top(int s) { return (uint)Get(s, 2); }
        public uint SetTop(int s, uint v) { Set(s, 2, (int)v); return v; }
        public int Flags(int s) { return Get(s, 3); }
        public int SetFlags(int s, int v) { Set(s, 3, v); return v; }
        public int Pgoff(int s) { return Get(s, 4); }
        public int SetPgoff(int s, int v) { Set(s, 4, v); return v; }
        public int File(int s) { return Get(s, 5); }
        public int SetFile(int s, int v) { Set(s, 5, v); return v; }
        public int Usage(int s) { return Get(s, 6); }
        public int SetUsage(int s, int v) { Set(s, 6, v); return v; }

        /// <summary>Regions in the tree.</summary>
        public int Count => _order.Count;
        /// <summary>Slot of the i-th region in address order.</summary>
        public int At(int i) { return _order[i]; }
        /// <summary>Slots in use (in the tree or being built).</summary>
        public int Used => _used;

        /// <summary>A fresh slot, not yet in the tree; its fields are zeroed, File = -1, Usage = 1. -1 when
        /// the managed heap cannot hold another chunk of slots (the caller answers ENOMEM).</summary>
        public int Alloc()
        {
            if (!Reserve(1)) return -1;
            int s = _freeHead;
            _freeHead = Pgoff(s);
            SetStart(s, SetEnd(s, SetTop(s, 0)));
            SetFlags(s, SetPgoff(s, 0));
            SetFile(s, -1);
            SetUsage(s, 1);
            _used++;
            return s;
        }

        /// <summary>Returns a slot (already out of the tree) to the free list.</summary>
        public void Free(int s)
        {
            SetUsage(s, -1);
            SetPgoff(s, _freeHead);
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
                if (Start(_order[mid]) <= addr) lo = mid + 1; else hi = mid;
            }
            for (int i = lo - 1; i >= 0; i--)
            {
                int s = _order[i];
                if (addr < Top(s) || addr < End(s)) return s;
                if ((Flags(s) & Vm.VM_MAPPED_COPY) != 0) break;
            }
            return -1;
        }

        private bool Before(int a, int b)
        {
            return Start(a) < Start(b) || (Start(a) == Start(b) && a < b);
        }

        /// <summary>Makes room for <paramref name="n"/> more regions in the tree (slots and their place in the
        /// order) without growing later; false if the heap cannot hold it.</summary>
        public bool Reserve(int n)
        {
            while (Capacity - _used < n)
            {
                int old = Capacity;
                if (!TryGrow()) return false;
                FreeNewRows(old);
            }
            return _order.Reserve(_used + n);
        }

        // Threads the slots from first up to the capacity onto the free list (through Pgoff), lowest first.
        private void FreeNewRows(int first)
        {
            for (int s = Capacity - 1; s >= first; s--)
            {
                SetUsage(s, -1);
                SetPgoff(s, _freeHead);
                _freeHead = s;
            }
        }
    }
}
