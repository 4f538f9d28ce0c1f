namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/smaps (MMU-only in Linux, carried over on purpose): per VMA its maps line, then the
    /// 2.6.25 block of sizes, each label padded to 16 columns and the value "%8lu kB". Referenced and dirty
    /// come from the software page bits the kernel's accessors set (see <see cref="WorkingSet"/>). Page counts
    /// round up to whole kB (a 256-byte page is not 0 kB); Pss, a fraction by nature, is truncated as in Linux.
    /// </summary>
    public sealed class SmapsOps : VmaSeqOps
    {
        public override int Open(ProcFile pf, Task current)
        {
            int r = base.Open(pf, current);
            if (r == 0) pf.Seq.Private = new WorkingSet();   // one per open: reads allocate nothing
            return r;
        }

        protected override int ShowVma(SeqFile s, int v, OutBuf o)
        {
            IKernelView k = s.K;
            WorkingSet ws = (WorkingSet)s.Private;
            MapsLine.Vma(o, k.Mem, v);
            ws.Measure(k, v);
            PidFormat.KbPages(o, "Size:", ws.Size);
            PidFormat.KbPages(o, "Rss:", ws.Rss);
            PidFormat.Kb(o, "Pss:", ws.Pss);
            PidFormat.KbPages(o, "Shared_Clean:", ws.SharedClean);
            PidFormat.KbPages(o, "Shared_Dirty:", ws.SharedDirty);
            PidFormat.KbPages(o, "Private_Clean:", ws.PrivateClean);
            PidFormat.KbPages(o, "Private_Dirty:", ws.PrivateDirty);
            PidFormat.KbPages(o, "Referenced:", ws.Referenced);
            return 0;
        }
    }
}
