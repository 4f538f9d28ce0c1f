namespace ProcNano
{
    /// <summary>
    /// /proc/meminfo: the lines a 2.6.29 NOMMU kernel prints, in its order (no HIGHMEM block; Unevictable and
    /// Mlocked need the MMU-only unevictable LRU), with 2.6.32's Shmem after Mapped, then three lines of
    /// ProcNano's own: HeapTotal and HeapFree (the runtime's managed heap, where kernel objects live; 0 where
    /// the platform cannot tell) and LargestFree (the biggest free buddy block: the largest mmap that can
    /// succeed). Each line is the name padded to 16 columns, "%8lu kB". Values are pages × page size / 1024,
    /// so with pages under 1 KiB a single page may show as 0 kB.
    /// Records of eight lines, each read() under the kernel lock: a read() of the whole file (cat's) gives one
    /// moment; a reader taking it in small pieces may see later lines from a later moment, as any seq file.
    /// </summary>
    public sealed class MeminfoOps : SeqOps
    {
        public override bool KernelLocked => true;

        public const int LabelWidth = 16;
        // Eight 28-byte lines a record: a record fits the 256-byte seq buffer, so reading meminfo never makes
        // the buffer grow (a 2 KiB buffer for one record is what a small heap cannot give).
        private const int LinesPerRecord = 8, Lines = 34;

        public override int Start(SeqFile s, int index) { return index * LinesPerRecord < Lines ? index : End; }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            int end = (cursor + 1) * LinesPerRecord;
            for (int i = cursor * LinesPerRecord; i < end && i < Lines; i++) Line(s.K, i, o);
            return 0;
        }

        // Line i of the file, its figure read now (the kernel lock is held for the whole read).
        private static void Line(IKernelView k, int i, OutBuf o)
        {
            MemoryManager m = k.Mem;
            PageAllocator pa = k.Pages;
            int shift = m.PageShift;
            long copy = m.MmapPagesAllocated;
            long cached = k.Fs.RamfsPages;
            long anon, mapped;
            IPlatform p = k.Platform;
            switch (i)
            {
                case 0: Pages(o, "MemTotal:", pa.Pages, shift); return;
                case 1: Pages(o, "MemFree:", pa.FreePages, shift); return;
                case 2: Pages(o, "Buffers:", 0, shift); return;
                case 3: Pages(o, "Cached:", cached, shift); return;
                case 4: Pages(o, "SwapCached:", 0, shift); return;
                // No swap and no reclaim: nothing is ever deactivated, so every page in use is active.
                // Private copies are the anonymous list, ramfs (page cache) pages the file list.
                case 5: Pages(o, "Active:", copy + cached, shift); return;
                case 6: Pages(o, "Inactive:", 0, shift); return;
                case 7: Pages(o, "Active(anon):", copy, shift); return;
                case 8: Pages(o, "Inactive(anon):", 0, shift); return;
                case 9: Pages(o, "Active(file):", cached, shift); return;
                case 10: Pages(o, "Inactive(file):", 0, shift); return;
                case 11: Pages(o, "MmapCopy:", copy, shift); return;
                case 12: Pages(o, "SwapTotal:", 0, shift); return;
                case 13: Pages(o, "SwapFree:", 0, shift); return;
                // ramfs pages are never written back, so never counted dirty (as Linux's ramfs).
                case 14: Pages(o, "Dirty:", 0, shift); return;
                case 15: Pages(o, "Writeback:", 0, shift); return;
                case 16: CountRegions(m, out anon, out mapped); Pages(o, "AnonPages:", anon, shift); return;
                case 17: CountRegions(m, out anon, out mapped); Pages(o, "Mapped:", mapped, shift); return;
                case 18: Pages(o, "Shmem:", k.Shm.Pages, shift); return;
                case 19: Bytes(o, "Slab:", k.Slab == null ? 0 : k.Slab.TotalBytes()); return;
                case 20: Pages(o, "SReclaimable:", 0, shift); return;
                case 21: Bytes(o, "SUnreclaim:", k.Slab == null ? 0 : k.Slab.TotalBytes()); return;
                case 22: Pages(o, "PageTables:", 0, shift); return;
                case 23: Pages(o, "NFS_Unstable:", 0, shift); return;
                case 24: Pages(o, "Bounce:", 0, shift); return;
                case 25: Pages(o, "WritebackTmp:", 0, shift); return;
                // overcommit_ratio 50 and no swap; NOMMU allocates at mmap time, so what is committed is
                // what is allocated for mappings: copies and shm segments.
                case 26: Pages(o, "CommitLimit:", pa.Pages / 2, shift); return;
                case 27: Pages(o, "Committed_AS:", copy + k.Shm.Pages, shift); return;
                case 28: Pages(o, "VmallocTotal:", 0, shift); return;
                case 29: Pages(o, "VmallocUsed:", 0, shift); return;
                case 30: Pages(o, "VmallocChunk:", 0, shift); return;
                case 31: Bytes(o, "HeapTotal:", p == null ? 0 : p.ManagedHeapTotal); return;
                case 32: Bytes(o, "HeapFree:", p == null ? 0 : p.ManagedHeapFree); return;
                case 33: Pages(o, "LargestFree:", pa.LargestFreeBlock, shift); return;
            }
        }

        /// <summary>AnonPages: pages allocated for anonymous regions (slack up to Top included, as MmapCopy
        /// counts it). Mapped: pages of file regions mapped in place (ramfs, romfs, shm), counted per region.</summary>
        private static void CountRegions(MemoryManager m, out long anon, out long mapped)
        {
            anon = 0;
            mapped = 0;
            RegionTable t = m.Regions;
            uint mask = (uint)m.PageSize - 1;
            for (int i = 0; i < t.Count; i++)
            {
                int r = t.At(i);
                bool isCopy = (t.Flags(r) & Vm.VM_MAPPED_COPY) != 0;
                if (t.File(r) < 0)
                {
                    if (isCopy) anon += (t.Top(r) - t.Start(r) + mask) >> m.PageShift;
                }
                else if (!isCopy)
                {
                    mapped += (t.End(r) - t.Start(r) + mask) >> m.PageShift;
                }
            }
        }

        private static void Pages(OutBuf o, string label, long pages, int shift)
        {
            Bytes(o, label, pages << shift);
        }

        /// <summary>One line: label padded to 16 columns, then the value in kB as "%8lu kB" (negative
        /// values, a platform's "unknown", print as 0).</summary>
        private static void Bytes(OutBuf o, string label, long bytes)
        {
            o.StrLeft(label, LabelWidth);
            o.Dec(bytes < 0 ? 0 : bytes >> 10, 8, ' ');
            o.Str(" kB\n");
        }
    }
}
