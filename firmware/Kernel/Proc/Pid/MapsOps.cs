namespace ProcNano
{
    /// <summary>/proc/&lt;pid&gt;/maps on NOMMU (nommu_vma_show): one line per VMA of the task, in mm order,
    /// in /proc/maps' format; no [heap]/[stack] names (2.6.29 printed none).</summary>
    public sealed class MapsOps : VmaSeqOps
    {
        protected override int ShowVma(SeqFile s, int v, OutBuf o)
        {
            MapsLine.Vma(o, s.K.Mem, v);
            return 0;
        }
    }
}
