namespace ProcNano
{
    /// <summary>
    /// The NOMMU memory manager (Linux's mm/nommu.c after "Make VMAs per MM"): the global region tree, every
    /// mm's VMAs, and the MmapCopy counter. mmap lives in Mmap.cs, munmap in Munmap.cs, user memory access in
    /// UserAccess.cs; this file holds the shared bookkeeping (adding and deleting VMAs, putting regions).
    /// Callers hold <see cref="Kernel.Lock"/>.
    /// </summary>
    public sealed partial class MemoryManager : ISlabSource
    {
        private readonly KernelLog _log;
        public readonly PageAllocator Pages;
        public readonly PhysMem Phys;
        public readonly RegionTable Regions = new RegionTable();
        public readonly VmaTable Vmas = new VmaTable();
        /// <summary>Files referenced by regions, by slot (the kernel's one file table).</summary>
        public readonly FileTable Files;
        /// <summary>Pages allocated for copies (private and anonymous maps): /proc/meminfo's MmapCopy.</summary>
        public int MmapPagesAllocated;
        /// <summary>/proc/sys/vm/nr_trim_pages: trim the power-of-two excess when it is at least this many
        /// pages; 0 never trims.</summary>
        public int NrTrimPages;
        /// <summary>Bytes per page and its log2.</summary>
        public readonly int PageSize, PageShift;
        /// <summary>Rate limit of the "munmap of memory not mmapped" warning, as Linux's (5 lines).</summary>
        private int _munmapWarnings;
        /// <summary>/proc/sys/vm/max_map_count: VMAs one mm may hold (mmap, shmat and a split answer ENOMEM
        /// beyond). From the board at boot.</summary>
        public int MaxMapCount = 65530;

        /// <summary>Heap held back while an exec runs, so that undoing it after an OutOfMemoryException has room
        /// (device boards).</summary>
        public readonly EmergencyHeap Emergency = new EmergencyHeap();

        /// <summary>vm_ops->close for VM_SHM mappings, registered by SysV shm at boot.</summary>
        public IVmaClose ShmClose;

        public MemoryManager(PageAllocator pages, PhysMem phys, FileTable files, KernelLog log, int nrTrimPages)
        {
            Pages = pages;
            Phys = phys;
            Files = files;
            _log = log;
            PageSize = phys.PageSize;
            PageShift = phys.PageShift;
            NrTrimPages = nrTrimPages;
        }

        public const int SlabRegions = 0, SlabVmas = 1;

        /// <summary>Column tables allocate slots, so their allocated count is the capacity.</summary>
        public int SlabObjects(int kind, bool allocated)
        {
            if (kind == SlabRegions) return allocated ? Regions.Capacity : Regions.Used;
            return allocated ? Vmas.Capacity : Vmas.Used;
        }

        /// <summary>Reserves <paramref name="n"/> regions and VMAs and their places in the region tree and in
        /// <paramref name="mm"/>'s list; false when the managed heap cannot hold them (ENOMEM for the caller).</summary>
        private bool RoomFor(Mm mm, int n)
        {
            return Regions.Reserve(n) && Vmas.Reserve(n) && mm.Vmas.Reserve(mm.Vmas.Count + n);
        }

        public uint PageAlign(uint len) { return (len + (uint)PageSize - 1) & ~(uint)(PageSize - 1); }

        /// <summary>The file a region maps, or null for anonymous memory.</summary>
        public File RegionFile(int r) { return Files[Regions.File(r)]; }

        /// <summary>vm_pgoff: the file page at a VMA's start. A VMA starts a whole number of pages into its
        /// region (a shared view at its offset, or what a split or a trim left), so it is not stored.</summary>
        public int VmaPgoff(int v)
        {
            int r = Vmas.Region(v);
            return Regions.Pgoff(r) + (int)((Vmas.Start(v) - Regions.Start(r)) >> PageShift);
        }

        /// <summary>The file a VMA maps (its region's), or null.</summary>
        public File VmaFile(int v) { return RegionFile(Vmas.Region(v)); }

        /// <summary>Adds a VMA to its mm.</summary>
        private void AddVma(Mm mm, int v) { mm.Add(Vmas, v); }

        /// <summary>2.6.29's num_exe_file_vmas: the mm's VM_EXECUTABLE VMAs, counted when asked (an mm holds a
        /// handful of VMAs; a counter would be a field in every mm).</summary>
        public int ExeVmas(Mm mm)
        {
            int n = 0;
            for (int i = 0; i < mm.Vmas.Count; i++) if ((Vmas.Flags(mm.Vmas[i]) & Vm.VM_EXECUTABLE) != 0) n++;
            return n;
        }

        /// <summary>delete_vma: unlinks the VMA from its mm, drops its share of the region and frees it.
        /// <paramref name="current"/> is the task doing it (shm records it as the last to detach).</summary>
        internal void DeleteVma(Mm mm, int v, MmOwner current)
        {
            mm.Remove(Vmas, v);
            int flags = Vmas.Flags(v);
            if ((flags & Vm.VM_EXECUTABLE) != 0) RemovedExeFileVma(mm);
            if ((flags & Vm.VM_SHM) != 0 && ShmClose != null) ShmClose.VmaClosed(VmaFile(v), current);
            int r = Vmas.Region(v);
            Vmas.Free(v);
            PutRegion(r);
        }

        /// <summary>2.6.29's removed_exe_file_vma: the last VM_EXECUTABLE VMA going drops the exe file, so
        /// /proc/pid/exe stops pinning the file system it lives on.</summary>
        private void RemovedExeFileVma(Mm mm)
        {
            if (mm.ExeFile != null && ExeVmas(mm) == 0)   // the VMA is already out of the mm
            {
                File f = mm.ExeFile;
                mm.ExeFile = null;
                Files.Close(f);
            }
        }

        /// <summary>__put_nommu_region: one user fewer; the last one takes the region out of the tree, drops
        /// the file, and frees a copy's pages (up to Top, slack included). Direct pages are only forgotten.</summary>
        internal void PutRegion(int r)
        {
            if (Regions.SetUsage(r, Regions.Usage(r) - 1) > 0) return;
            Regions.Remove(r);
            int fileSlot = Regions.File(r);
            if ((Regions.Flags(r) & Vm.VM_MAPPED_COPY) != 0)
            {
                FreeRegionPages(Regions.Start(r), Regions.Top(r));
            }
            if (fileSlot >= 0)
            {
                File f = Files[fileSlot];
                f.Inode.Mapped--;
                Files.Put(fileSlot);
            }
            Regions.Free(r);
        }

        /// <summary>free_page_series: returns copy pages [from, to) to the allocator and MmapCopy.</summary>
        internal void FreeRegionPages(uint from, uint to)
        {
            if (to <= from) return;
            int pfn = Phys.ArenaPfn(from);
            int n = (int)((to - from) >> PageShift);
            Pages.Put(pfn, n);
            MmapPagesAllocated -= n;
        }

        /// <summary>exit_mmap: every VMA of the exiting task's mm goes, in order (once its last user goes).</summary>
        public void ExitMmap(MmOwner t)
        {
            Mm mm = t.Mm;
            if (--mm.Users > 0) return;
            while (mm.Vmas.Count > 0) DeleteVma(mm, mm.Vmas[0], t);
            if (mm.ExeFile != null)
            {
                Files.Close(mm.ExeFile);
                mm.ExeFile = null;
            }
        }

        /// <summary>Sets the mm's executable file (exec), taking a reference on it.</summary>
        public void SetExeFile(Mm mm, File f)
        {
            if (mm.ExeFile != null) Files.Close(mm.ExeFile);
            f.Refs++;
            mm.ExeFile = f;
        }

        /// <summary>Bytes of a task's VMAs (task_vsize on NOMMU 2.6.29).</summary>
        public long VSize(Mm mm)
        {
            long n = 0;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i];
                n += Vmas.End(v) - Vmas.Start(v);
            }
            return n;
        }

        /// <summary>Pages covered by the mm's VMAs, each rounded up to whole pages: with no MMU, no paging, every
        /// one is resident (stat's rss, ps's RSS; a NOMMU VMA may end mid-page).</summary>
        public long ResidentPages(Mm mm)
        {
            long pages = 0;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i];
                pages += PageAlign(Vmas.End(v) - Vmas.Start(v)) >> PageShift;
            }
            return pages;
        }
    }
}
