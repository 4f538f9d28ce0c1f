namespace ProcNano
{
    /// <summary>
    /// The NOMMU memory lines of /proc/&lt;pid&gt;/status (Mem, Slack, Shared), statm and stat's sizes, computed
    /// the way Linux's task_nommu.c does, with kernel object sizes from <see cref="Footprint"/>.
    /// Linux charges the reader's own fs/files structures; ProcNano charges the target's (the reader's are
    /// not the target's business).
    /// </summary>
    public sealed class TaskMem
    {
        public long Mem, Slack, Shared;

        public void Compute(Kernel k, Task t)
        {
            Mem = Slack = Shared = 0;
            MemoryManager m = k.Mem;
            Mm mm = t.Mm;
            if (mm == null) return;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i];
                int r = m.Vmas.Region[v];
                Mem += Footprint.Vma;
                long size = Footprint.Region + (m.Regions.End[r] - m.Regions.Start[r]);
                if (mm.Users > 1 || (m.Vmas.Flags[v] & Vm.VM_MAYSHARE) != 0) Shared += size;
                else
                {
                    Mem += size;
                    Slack = m.Regions.End[r] - m.Vmas.End[v];
                }
            }
            if (mm.Users > 1) Shared += Footprint.Mm; else Mem += Footprint.Mm;
            Mem += (t.Fds == null ? 0 : Footprint.Array(t.Fds.Size, 12)) + Footprint.Task;
        }

        /// <summary>statm's fields in pages: size, resident, shared, text, lib (0), data, dt (0).</summary>
        public static void Statm(Kernel k, Task t, out long size, out long text, out long data)
        {
            size = text = data = 0;
            Mm mm = t.Mm;
            if (mm == null) return;
            MemoryManager m = k.Mem;
            long bytes = Footprint.Mm;
            for (int i = 0; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i], r = m.Vmas.Region[v];
                bytes += Footprint.Vma + Footprint.Region + (m.Regions.End[r] - m.Regions.Start[r]);
            }
            int shift = k.Board.PageShift;
            uint mask = (uint)(k.Board.PageSize - 1);
            if (mm.EndCode > mm.StartCode) text = ((mm.EndCode + mask) - (mm.StartCode & ~mask)) >> shift;
            if (mm.StartBrk > mm.StartData) data = ((mm.StartBrk + mask) - (mm.StartData & ~mask)) >> shift;
            size = (bytes >> shift) + text + data;
        }
    }
}
