namespace ProcNano
{
    /// <summary>
    /// /proc/maps (NOMMU only, mode 0444): every vm_region of the global tree in address order, one
    /// <see cref="MapsLine.Region"/> line each (Linux's nommu_region_show). A region shared by several tasks
    /// (one copy of a program's text from flash) appears once. The cursor is the position in the tree; each
    /// record is printed under the kernel lock, so a region that goes between two reads is simply skipped.
    /// </summary>
    public sealed class RegionMapsOps : SeqOps
    {
        public override bool KernelLocked => true;

        public override int Start(SeqFile s, int index)
        {
            IKernelView k = s.K;
            return index < k.Mem.Regions.Count ? index : End;
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            IKernelView k = s.K;
            RegionTable t = k.Mem.Regions;
            if (cursor < t.Count) MapsLine.Region(o, k.Mem, t.At(cursor));
            return 0;
        }
    }
}
