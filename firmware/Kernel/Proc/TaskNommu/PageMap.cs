namespace ProcNano
{
    /// <summary>/proc/&lt;pid&gt;/pagemap entries: one little-endian u64 per virtual page (addr >> PAGE_SHIFT):
    /// bits 0–54 the PFN, 55–60 the page shift, 62 swapped (never), 63 present; holes are 0. With no MMU a
    /// page's frame number is its address >> PAGE_SHIFT.</summary>
    public static class PageMap
    {
        public const ulong Present = 1UL << 63;

        public static ulong Entry(IKernelView k, Mm mm, ulong vpage)
        {
            if (mm == null) return 0;
            ulong addr = vpage << k.Board.PageShift;
            if (addr > 0xFFFFFFFFUL) return 0;
            if (mm.Find(k.Mem.Vmas, (uint)addr) < 0) return 0;
            return Present | ((ulong)k.Board.PageShift << 55) | (vpage & ((1UL << 55) - 1));
        }

        /// <summary>Bytes the file spans: every page of the 32-bit address space.</summary>
        public static long FileSize(IKernelView k) { return (0x100000000L >> k.Board.PageShift) * 8; }
    }
}
