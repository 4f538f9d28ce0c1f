namespace ProcNano
{
    /// <summary>
    /// A per-pid file with one record per VMA of the task's mm, in mm order (maps, smaps). The cursor is the
    /// VMA's index in <see cref="Mm.Vmas"/>. The kernel lock is held from Start to Stop (<see cref="KernelLocked"/>),
    /// so the tables cannot change under a record, and each record is found again by index, as Linux's m_start
    /// re-walks the VMA tree on every read.
    /// </summary>
    public abstract class VmaSeqOps : SeqOps
    {
        public override bool KernelLocked => true;

        public override int Start(SeqFile s, int index) { return Cursor(s, index); }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            return ShowVma(s, s.Target.Mm.Vmas[cursor], o);
        }

        /// <summary>Prints the record of VMA slot <paramref name="v"/>.</summary>
        protected abstract int ShowVma(SeqFile s, int v, OutBuf o);

        private static int Cursor(SeqFile s, int index)
        {
            Mm mm = s.Target.Mm;
            return mm != null && index < mm.Vmas.Count ? index : End;
        }
    }
}
