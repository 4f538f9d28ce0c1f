namespace ProcNano
{
    /// <summary>
    /// What the kernel's own objects cost, kind by kind: the rows of /proc/slabinfo, and (summed) meminfo's
    /// Slab and the boot log's total. ProcNano has no slab allocator; a "slab" here is the set of objects of
    /// one kind on the managed heap. Column tables (regions, VMAs) allocate slots a chunk at a time, so
    /// their allocated count is the table's capacity; objects made one at a time have num = active.
    /// Each subsystem registers its kinds at boot with counts of its own; counts walk live structures, so call
    /// with the kernel lock held. Nothing here allocates after boot. A row is a name, a source and one packed
    /// int (kind, size) in three arrays, not an object per row.
    /// </summary>
    public sealed class SlabTable
    {
        public const int MaxRows = 12;
        private readonly string[] _names = new string[MaxRows];
        private readonly ISlabSource[] _sources = new ISlabSource[MaxRows];
        private readonly int[] _kindSize = new int[MaxRows];   // source's kind << 16 | object size
        private int _count;

        /// <summary>Adds a kind (boot only); false when the table is full or the figures do not fit.</summary>
        public bool Register(string name, int objSize, ISlabSource source, int kind)
        {
            if (_count == MaxRows || objSize < 0 || objSize > 0xFFFF || kind < 0 || kind > 0x7FFF) return false;
            _names[_count] = name;
            _sources[_count] = source;
            _kindSize[_count++] = kind << 16 | objSize;
            return true;
        }

        public int Count => _count;
        public string Name(int i) { return _names[i]; }
        public int ObjSize(int i) { return _kindSize[i] & 0xFFFF; }
        /// <summary>Objects of row <paramref name="i"/> in use.</summary>
        public int Active(int i) { return _sources[i].SlabObjects(_kindSize[i] >> 16, false); }
        /// <summary>Objects of row <paramref name="i"/> allocated (slots of a column table count even when free).</summary>
        public int Num(int i) { return _sources[i].SlabObjects(_kindSize[i] >> 16, true); }

        /// <summary>Bytes allocated for row <paramref name="i"/> (num_objs × objsize).</summary>
        public long RowBytes(int i) { return (long)Num(i) * ObjSize(i); }

        /// <summary>Bytes allocated for every kind together (meminfo's Slab, in bytes).</summary>
        public long TotalBytes()
        {
            long n = 0;
            for (int i = 0; i < _count; i++) n += RowBytes(i);
            return n;
        }

        /// <summary>Objects in use over every kind.</summary>
        public int TotalObjects()
        {
            int n = 0;
            for (int i = 0; i < _count; i++) n += Active(i);
            return n;
        }

        /// <summary>The page allocator's per-page arrays (ref and flags bytes; free blocks keep their links in
        /// their own pages): Linux's mem_map, fixed at boot and not a slab, reported beside it.</summary>
        public static int PageMapBytes(int pages)
        {
            return 2 * Footprint.Array(pages, 1);
        }
    }
}
