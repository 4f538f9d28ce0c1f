namespace ProcNano
{
    /// <summary>
    /// One open proc file (Linux's pde_opener plus the file's private data): kept on its entry's opener list so
    /// that removing the entry can release it. Stored in <see cref="File.Private"/>.
    /// </summary>
    public sealed class ProcFile
    {
        public readonly File File;
        public readonly ProcInode Inode;
        /// <summary>The operations serving this open (a run-time entry's own, or those a table row made at open).</summary>
        public ProcOps Ops;
        /// <summary>The streaming reader, for files made with <see cref="SeqOps"/>.</summary>
        public SeqFile Seq;
        /// <summary>Set once the release has run because the entry was removed: later calls give EIO.</summary>
        public bool Released;

        public ProcFile(File file, ProcInode inode)
        {
            File = file;
            Inode = inode;
        }

        public ProcSuperBlock Sb => Inode.PSb;
        public IKernelView K => Inode.PSb.K;
        /// <summary>The run-time generic entry (null for table rows: boot files, /proc/&lt;pid&gt;/, /proc/sys).</summary>
        public ProcEntry Entry => Inode.Entry;
        /// <summary>The process a /proc/&lt;pid&gt;/ file belongs to (null for generic files).</summary>
        public Pid Pid => Inode.Pid;
        public object Data => Inode.Entry == null ? null : Inode.Entry.Data;
    }
}
