namespace ProcNano
{
    /// <summary>One kind of kernel object: its name, its cost on the managed heap (<see cref="Footprint"/>),
    /// how many are in use and how many are allocated (slots of a column table count even when free).</summary>
    public sealed class SlabRow
    {
        public readonly string Name;
        public readonly int ObjSize;
        private readonly ISlabSource _source;
        private readonly int _kind;

        public SlabRow(string name, int objSize, ISlabSource source, int kind)
        {
            Name = name;
            ObjSize = objSize;
            _source = source;
            _kind = kind;
        }

        public int Active() { return _source.SlabObjects(_kind, false); }
        public int Num() { return _source.SlabObjects(_kind, true); }
    }

    /// <summary>
    /// What the kernel's own objects cost, kind by kind: the rows of /proc/slabinfo, and (summed) meminfo's
    /// Slab and the boot log's total. ProcNano has no slab allocator; a "slab" here is the set of objects of
    /// one kind on the managed heap. Column tables (regions, VMAs) allocate slots by doubling, so their
    /// allocated count is the table's capacity; objects made one at a time have num = active.
    /// Each subsystem registers its kinds at boot with counts of its own; counts walk live structures, so call
    /// with the kernel lock held. Nothing here allocates after boot.
    /// </summary>
    public sealed class SlabTable
    {
        private const int MaxRows = 12;
        private readonly SlabRow[] _rows = new SlabRow[MaxRows];
        private int _count;

        /// <summary>Adds a kind (boot only); false when the table is full.</summary>
        public bool Register(string name, int objSize, ISlabSource source, int kind)
        {
            if (_count == MaxRows) return false;
            _rows[_count++] = new SlabRow(name, objSize, source, kind);
            return true;
        }

        public int Count => _count;
        public SlabRow this[int i] => _rows[i];

        /// <summary>Bytes allocated for row <paramref name="i"/> (num_objs × objsize).</summary>
        public long RowBytes(int i)
        {
            SlabRow r = _rows[i];
            return (long)r.Num() * r.ObjSize;
        }

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
            for (int i = 0; i < _count; i++) n += _rows[i].Active();
            return n;
        }

        /// <summary>The page allocator's per-page arrays (ref, flags, order bytes; next, prev shorts): Linux's
        /// mem_map, fixed at boot and not a slab, reported beside it.</summary>
        public static int PageMapBytes(int pages)
        {
            return 3 * Footprint.Array(pages, 1) + 2 * Footprint.Array(pages, 2);
        }
    }
}
