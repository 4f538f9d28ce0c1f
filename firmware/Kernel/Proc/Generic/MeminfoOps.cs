namespace ProcNano
{
    /// <summary>
    /// /proc/meminfo: the lines a 2.6.29 NOMMU kernel prints, in its order (no HIGHMEM block; Unevictable and
    /// Mlocked need the MMU-only unevictable LRU), with 2.6.32's Shmem after Mapped, then three lines of
    /// ProcNano's own: HeapTotal and HeapFree (the runtime's managed heap, where kernel objects live; 0 where
    /// the platform cannot tell) and LargestFree (the biggest free buddy block: the largest mmap that can
    /// succeed). Each line is the name padded to 16 columns, "%8lu kB". Values are pages × page size / 1024,
    /// so with pages under 1 KiB a single page may show as 0 kB.
    /// One record, taken under the kernel lock so every line comes from one moment.
    /// </summary>
    public sealed class MeminfoOps : SingleSeqOps
    {
        public override bool KernelLocked => true;

        public const int LabelWidth = 16;

        public override int Show(SeqFile s, OutBuf o)
        {
            Kernel k = s.Kernel;
            MemoryManager m = k.Mem;
            PageAllocator pa = k.Pages;
            int shift = m.PageShift;
            long total = pa.Pages;
            long copy = m.MmapPagesAllocated;
            long cached = k.Fs.RamfsPages;
            long anon, mapped;
            CountRegions(m, out anon, out mapped);
            long slab = k.Slab == null ? 0 : k.Slab.TotalBytes();

            Pages(o, "MemTotal:", total, shift);
            Pages(o, "MemFree:", pa.FreePages, shift);
            Pages(o, "Buffers:", 0, shift);
            Pages(o, "Cached:", cached, shift);
            Pages(o, "SwapCached:", 0, shift);
            // No swap and no reclaim: nothing is ever deactivated, so every page in use is active.
            // Private copies are the anonymous list, ramfs (page cache) pages the file list.
            Pages(o, "Active:", copy + cached, shift);
            Pages(o, "Inactive:", 0, shift);
            Pages(o, "Active(anon):", copy, shift);
            Pages(o, "Inactive(anon):", 0, shift);
            Pages(o, "Active(file):", cached, shift);
            Pages(o, "Inactive(file):", 0, shift);
            Pages(o, "MmapCopy:", copy, shift);
            Pages(o, "SwapTotal:", 0, shift);
            Pages(o, "SwapFree:", 0, shift);
            // ramfs pages are never written back, so never counted dirty (as Linux's ramfs).
            Pages(o, "Dirty:", 0, shift);
            Pages(o, "Writeback:", 0, shift);
            Pages(o, "AnonPages:", anon, shift);
            Pages(o, "Mapped:", mapped, shift);
            Pages(o, "Shmem:", k.Shm.Pages, shift);
            Bytes(o, "Slab:", slab);
            Pages(o, "SReclaimable:", 0, shift);
            Bytes(o, "SUnreclaim:", slab);
            Pages(o, "PageTables:", 0, shift);
            Pages(o, "NFS_Unstable:", 0, shift);
            Pages(o, "Bounce:", 0, shift);
            Pages(o, "WritebackTmp:", 0, shift);
            // overcommit_ratio 50 and no swap; NOMMU allocates at mmap time, so what is committed is
            // what is allocated for mappings: copies and shm segments.
            Pages(o, "CommitLimit:", total / 2, shift);
            Pages(o, "Committed_AS:", copy + k.Shm.Pages, shift);
            Pages(o, "VmallocTotal:", 0, shift);
            Pages(o, "VmallocUsed:", 0, shift);
            Pages(o, "VmallocChunk:", 0, shift);
            IPlatform p = k.Platform;
            Bytes(o, "HeapTotal:", p == null ? 0 : p.ManagedHeapTotal);
            Bytes(o, "HeapFree:", p == null ? 0 : p.ManagedHeapFree);
            Pages(o, "LargestFree:", pa.LargestFreeBlock, shift);
            return 0;
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
