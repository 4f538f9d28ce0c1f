namespace ProcNano
{
    /// <summary>
    /// The one home of a task's memory figures (Linux's task_nommu.c): /proc/&lt;pid&gt;/status's Mem, Slack and
    /// Shared, and statm (stat's rss and ps's RSS are MemoryManager.ResidentPages), with kernel object sizes from
    /// <see cref="Footprint"/>.
    /// Linux charges the reader's own fs/files structures; ProcNano charges the target's (the reader's are
    /// not the target's business).
    /// </summary>
    public sealed class TaskMem
    {
        public long Mem, Slack, Shared;

        public void Compute(MemoryManager m, Task t)
        {
            Mem = Slack = Shared = 0;
            Mm mm = t.Mm;
            if (mm == null) return;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i];
                int r = m.Vmas.Region(v);
                Mem += Footprint.VmaBytes;
                long size = Footprint.RegionBytes + (m.Regions.End(r) - m.Regions.Start(r));
                if (mm.Users > 1 || (m.Vmas.Flags(v) & Vm.VM_MAYSHARE) != 0) Shared += size;
                else
                {
                    Mem += size;
                    Slack = m.Regions.End(r) - m.Vmas.End(v);
                }
            }
            if (mm.Users > 1) Shared += Footprint.MmBytes; else Mem += Footprint.MmBytes;
            Mem += (t.Fds == null ? 0 : Footprint.Array(t.Fds.Size, 12)) + Footprint.TaskBytes;
        }

        /// <summary>statm's fields in pages: size, resident, shared, text, lib (0), data, dt (0).</summary>
        public static void Statm(MemoryManager m, Task t, out long size, out long text, out long data)
        {
            size = text = data = 0;
            Mm mm = t.Mm;
            if (mm == null) return;
            long bytes = Footprint.MmBytes;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i], r = m.Vmas.Region(v);
                bytes += Footprint.VmaBytes + Footprint.RegionBytes + (m.Regions.End(r) - m.Regions.Start(r));
            }
            int shift = m.PageShift;
            uint mask = (uint)(m.PageSize - 1);
            if (mm.EndCode > mm.StartCode) text = ((mm.EndCode + mask) - (mm.StartCode & ~mask)) >> shift;
            if (mm.StartBrk > mm.StartData) data = ((mm.StartBrk + mask) - (mm.StartData & ~mask)) >> shift;
            size = (bytes >> shift) + text + data;
        }
    }
}
