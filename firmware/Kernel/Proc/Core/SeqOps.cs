namespace ProcNano
{
    /// <summary>
    /// A proc file as an iterator over records (Linux's seq_operations) plus a function printing one record.
    /// Cursors are ints chosen by the file (a record index, a table slot ...); <see cref="End"/> means no more
    /// records, other negative values are -errno. Start and Stop bracket each read() call, so a file may take a
    /// lock in Start and drop it in Stop: Stop is always called once Start has been. A file that reads the
    /// kernel's tables says so with <see cref="KernelLocked"/>, and <see cref="SeqFile"/> holds the kernel lock
    /// from its Start to its Stop: the one way procfs takes that lock (seq_file's start/stop locking).
    /// The output machinery (<see cref="SeqFile"/>) is written once and never builds the file's whole text.
    /// </summary>
    public abstract class SeqOps : ProcOps
    {
        public const int End = int.MinValue;

        /// <summary>True if every read runs under the kernel lock, Start to Stop.</summary>
        public virtual bool KernelLocked => false;

        /// <summary>Cursor of record number <paramref name="index"/> (0-based), <see cref="End"/>, or -errno.</summary>
        public abstract int Start(SeqFile s, int index);

        /// <summary>Cursor of the record after <paramref name="cursor"/>, which is record <paramref name="index"/>;
        /// by default the file is re-entered by index.</summary>
        public virtual int Next(SeqFile s, int cursor, int index) { return Start(s, index); }

        public virtual void Stop(SeqFile s) { }

        /// <summary>Prints one record into <paramref name="o"/>; 0 or -errno. If the record does not fit the
        /// buffer it is printed again into a larger one.</summary>
        public abstract int Show(SeqFile s, int cursor, OutBuf o);

        public override int Open(ProcFile pf, Task current)
        {
            pf.Seq = pf.K.Proc.NewSeqFile(pf, this);
            return 0;
        }

        public override int Read(ProcFile pf, Task current, long pos, byte[] buf, int off, int count)
        {
            return pf.Seq.Read(current, pos, buf, off, count);
        }

        public override void Release(ProcFile pf)
        {
            SeqFile s = pf.Seq;
            pf.Seq = null;
            if (s != null) s.Free();
        }
    }

    /// <summary>A file of one record (Linux's single_open): implement <see cref="Show(SeqFile, OutBuf)"/>.</summary>
    public abstract class SingleSeqOps : SeqOps
    {
        public override int Start(SeqFile s, int index) { return index == 0 ? 0 : End; }
        public override int Next(SeqFile s, int cursor, int index) { return End; }
        public override int Show(SeqFile s, int cursor, OutBuf o) { return Show(s, o); }
        public abstract int Show(SeqFile s, OutBuf o);
    }
}
