namespace ProcNano
{
    /// <summary>
    /// What a proc file does (Linux's file_operations for a proc entry, plus the symlink and dynamic-directory
    /// hooks procfs needs). One instance serves every open file; per-open state lives in <see cref="ProcFile"/>.
    /// Every method returns a count, 0 or -errno. Most files derive from <see cref="SeqOps"/> or
    /// <see cref="SingleSeqOps"/> and only print records.
    /// </summary>
    public abstract class ProcOps
    {
        /// <summary>Called for every open, after the permission check; may refuse with -errno.</summary>
        public virtual int Open(ProcFile pf, Task current) { return 0; }

        /// <summary>Reads at <paramref name="pos"/>. No read operation gives EIO, as proc_reg_read does.</summary>
        public virtual int Read(ProcFile pf, Task current, long pos, byte[] buf, int off, int count) { return -Errno.EIO; }

        public virtual int Write(ProcFile pf, Task current, long pos, byte[] buf, int off, int count) { return -Errno.EIO; }

        /// <summary>Runs exactly once per successful open: at close, or at removal of the entry if the file is
        /// still open then.</summary>
        public virtual void Release(ProcFile pf) { }

        /// <summary>Symlinks: the target text, or null with <paramref name="err"/> = -errno.</summary>
        public virtual string ReadLink(ProcInode link, Task current, out int err) { err = -Errno.EINVAL; return null; }

        /// <summary>Directories whose entries are computed (fd/, sys/): the child called <paramref name="name"/>.</summary>
        public virtual int Lookup(ProcInode dir, Task current, string name, out Inode child) { child = null; return -Errno.ENOENT; }

        /// <summary>Directories whose entries are computed: entry number <paramref name="index"/>; 1, or 0 past the end.</summary>
        public virtual int ReadDir(ProcInode dir, Task current, int index, out string name, out Inode child) { name = null; child = null; return 0; }
    }
}
