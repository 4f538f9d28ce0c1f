namespace ProcNano
{
    /// <summary>/proc/&lt;pid&gt;/statm: "size resident shared text lib data dt" in pages, as later NOMMU
    /// kernels print it (2.6.29's NOMMU code gave text and data in bytes): resident = size, shared, lib and dt 0.</summary>
    public sealed class StatmOps : SingleSeqOps
    {
        public override bool KernelLocked => true;

        public override int Show(SeqFile s, OutBuf o)
        {
            IKernelView k = s.K;
            long size, text, data;
            TaskMem.Statm(k.Mem, s.Target, out size, out text, out data);
            o.Dec(size);
            PidFormat.Next(o, size);
            PidFormat.Next(o, 0);
            PidFormat.Next(o, text);
            PidFormat.Next(o, 0);
            PidFormat.Next(o, data);
            PidFormat.Next(o, 0);
            o.Char('\n');
            return 0;
        }
    }
}
