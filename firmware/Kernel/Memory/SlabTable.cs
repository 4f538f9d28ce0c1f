namespace ProcNano
{
    /// <summary>
    /// What the kernel's own objects cost, kind by kind: the rows of /proc/slabinfo, and (summed) meminfo's
    /// Slab and the boot log's total. ProcNano has no slab allocator; a "slab" here is the set of objects of
    /// one kind on the managed heap. Column tables (regions, VMAs) allocate slots a chunk at a time, so
    /// their allocated count is the table's capacity; objects made one at a time have num = active.
    /// The rows are code (<see cref="ISlabRows"/>, the kernel root's switch over its subsystems' counts), not
    /// arrays of names and sources: twelve rows were ~250 B of the device's heap. Counts walk live structures,
    /// so call with the kernel lock held. Nothing here allocates.
    /// </summary>
    public sealed class SlabTable
    {
        private readonly ISlabRows _rows;

        public SlabTable(ISlabRows rows) { _rows = rows; }

        public int Count => _rows.SlabRowCount;
        public string Name(int i) { return _rows.SlabRowName(i); }
        public int ObjSize(int i) { return _rows.SlabRowSize(i); }
        /// <summary>Objects of row <paramref name="i"/> in use.</summary>
        public int Active(int i) { return _rows.SlabRowObjects(i, false); }
        /// <summary>Objects of row <paramref name="i"/> allocated (slots of a column table count even when free).</summary>
        public int Num(int i) { return _rows.SlabRowObjects(i, true); }

        /// <summary>Bytes allocated for row <paramref name="i"/> (num_objs × objsize).</summary>
        public long RowBytes(int i) { return (long)Num(i) * ObjSize(i); }

        /// <summary>Bytes allocated for every kind together (meminfo's Slab, in bytes).</summary>
        public long TotalBytes()
        {
            long n = 0;
            for (int i = 0; i < Count; i++) n += RowBytes(i);
            return n;
        }

        /// <summary>Objects in use over every kind.</summary>
        public int TotalObjects()
        {
            int n = 0;
            for (int i = 0; i < Count; i++) n += Active(i);
            return n;
        }

        /// <summary>The page allocator's per-page arrays (ref and flags bytes; free blocks keep their links in
        /// their own pages): Linux's mem_map, fixed at boot and not a slab, reported beside it.</summary>
        public static int PageMapBytes(int pages)
        {
            return 2 * Footprint.Array(pages, 1);
        }
    }

    /// <summary>/proc/slabinfo's rows, in order: name, object size (bytes by Footprint's rules), objects.</summary>
    public interface ISlabRows
    {
        int SlabRowCount { get; }
        string SlabRowName(int i);
        int SlabRowSize(int i);
        int SlabRowObjects(int i, bool allocated);
    }
}
