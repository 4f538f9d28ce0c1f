namespace ProcNano
{
    /// <summary>
    /// smaps figures and clear_refs for one VMA. With no MMU there are no hardware referenced/dirty bits:
    /// the kernel's own accessors set software bits per arena page (UserAccess, the loader, file copies).
    /// ROM pages (romfs execute-in-place) have no page flags and count as clean and unreferenced.
    /// </summary>
    public sealed class WorkingSet
    {
        public long Size, Rss, Pss, SharedClean, SharedDirty, PrivateClean, PrivateDirty, Referenced;

        public void Measure(IKernelView k, int v)
        {
            MemoryManager m = k.Mem;
            Size = Rss = Pss = SharedClean = SharedDirty = PrivateClean = PrivateDirty = Referenced = 0;
            uint start = m.Vmas.Start(v), end = m.Vmas.End(v);
            int r = m.Vmas.Region(v);
            int users = m.Regions.Usage(r);
            uint ps = (uint)k.Board.PageSize;
            Size = m.PageAlign(end - start);
            long pss = 0;   // in 1/4096 bytes, as Linux's PSS_SHIFT keeps the fractions of shared pages
            for (uint a = start & ~(ps - 1); a < end; a += ps)
            {
                // Everything mapped is resident on NOMMU.
                Rss += ps;
                pss += ((long)ps << PssShift) / users;
                bool dirty = false, referenced = false;
                if (k.Phys.InArena(a))
                {
                    byte f = k.Pages.Flags[k.Phys.ArenaPfn(a)];
                    dirty = (f & PageAllocator.PgDirty) != 0;
                    referenced = (f & PageAllocator.PgReferenced) != 0;
                }
                if (users > 1) { if (dirty) SharedDirty += ps; else SharedClean += ps; }
                else { if (dirty) PrivateDirty += ps; else PrivateClean += ps; }
                if (referenced) Referenced += ps;
            }
            Pss = pss >> PssShift;
        }

        private const int PssShift = 12;

        public const int ClearAll = 1, ClearAnon = 2, ClearMapped = 3;

        /// <summary>clear_refs: forget the referenced bit of every page of the task's VMAs (1), of anonymous
        /// ones only (2) or of file-backed ones only (3). Other values: -EINVAL.</summary>
        public static int ClearRefs(IKernelView k, Task t, int what)
        {
            if (what < ClearAll || what > ClearMapped) return -Errno.EINVAL;
            MemoryManager m = k.Mem;
            Mm mm = t.Mm;
            if (mm == null) return 0;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i];
                bool isFile = m.VmaFile(v) != null;
                if ((what == ClearAnon && isFile) || (what == ClearMapped && !isFile)) continue;
                uint ps = (uint)k.Board.PageSize;
                for (uint a = m.Vmas.Start(v) & ~(ps - 1); a < m.Vmas.End(v); a += ps)
                {
                    if (k.Phys.InArena(a)) k.Pages.Flags[k.Phys.ArenaPfn(a)] &= unchecked((byte)~PageAllocator.PgReferenced);
                }
            }
            return 0;
        }
    }
}
