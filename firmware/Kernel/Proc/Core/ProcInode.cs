namespace ProcNano
{
    /// <summary>
    /// Common part of every procfs inode (Linux's proc_inode): the superblock it belongs to and whichever of
    /// entry, pid, per-pid row, fd number or sysctl row it stands for. Per-pid inodes hold the <see cref="Pid"/>,
    /// never the task, so an open file does not keep an exited task alive.
    /// </summary>
    public abstract class ProcInode : Inode
    {
        public readonly ProcSuperBlock PSb;
        /// <summary>Generic entry (EntryInode).</summary>
        public ProcEntry Entry;
        /// <summary>Process (PidInode).</summary>
        public Pid Pid;
        /// <summary>Row of the per-pid table (PidInode).</summary>
        public PidRow Row;
        /// <summary>Descriptor number for /proc/&lt;pid&gt;/fd/&lt;n&gt;.</summary>
        public int Fd = -1;

        protected ProcInode(ProcSuperBlock sb, int ino, int mode)
        {
            PSb = sb;
            Sb = sb;
            Ino = ino;
            Mode = mode;
        }

        public Kernel K => PSb.K;

        /// <summary>The live task behind <see cref="Pid"/>, or null once it has exited.</summary>
        public Task Task => Pid == null ? null : Pid.Task;
    }
}
