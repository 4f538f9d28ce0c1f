namespace ProcNano
{
    /// <summary>
    /// Common part of every procfs inode (Linux's proc_inode): the superblock it belongs to (the VFS's own
    /// field, so it costs no extra one) and, where a kind has them, the entry, pid or fd number it stands for.
    /// Per-pid inodes hold the <see cref="Pid"/>, never the task, so an open file does not keep an exited task
    /// alive.
    /// </summary>
    public abstract class ProcInode : Inode
    {
        protected ProcInode(ProcSuperBlock sb, int ino, int mode)
        {
            Sb = sb;
            Ino = ino;
            Mode = mode;
        }

        public ProcSuperBlock PSb => (ProcSuperBlock)Sb;
        public IKernelView K => PSb.K;

        /// <summary>Run-time generic entry (EntryInode), else null.</summary>
        public virtual ProcEntry Entry => null;
        /// <summary>Process (PidInode), else null.</summary>
        public virtual Pid Pid => null;
        /// <summary>Descriptor number for /proc/&lt;pid&gt;/fd/&lt;n&gt;, else -1.</summary>
        public virtual int Fd => -1;

        // Nothing is made or removed in procfs by path: a missing name is ENOENT even for creating, and its
        // directories have no unlink or rmdir (vfs_unlink/vfs_rmdir's EPERM, once may_delete passed).
        public override bool CanCreate => false;
        public override int Unlink(VfsCaller current, string name) { return -Errno.EPERM; }
        public override int Rmdir(VfsCaller current, string name) { return -Errno.EPERM; }

        /// <summary>Opens <paramref name="f"/> on <paramref name="ops"/> (made for this open, or the entry's):
        /// the open file's record is kept in f.Private once the ops agree. 0 or -errno.</summary>
        protected int OpenWith(File f, Task current, ProcOps ops)
        {
            ProcFile pf = new ProcFile(f, this);
            pf.Ops = ops;
            int r = ops.Open(pf, current);
            if (r < 0) return r;
            f.Private = pf;
            return 0;
        }

        /// <summary>The task behind the VFS's caller: procfs answers per task (/proc/self, ptrace checks, its
        /// ops), and every caller the VFS passes is a <see cref="Task"/> or null (the kernel). procfs's one
        /// downcast, so its inodes can take the VFS's signatures.</summary>
        protected static Task Current(VfsCaller caller) { return (Task)caller; }

        /// <summary>The record of an open file (null if the open made none).</summary>
        protected static ProcFile Opened(File f) { return f.Private as ProcFile; }

        /// <summary>The last close of a file opened with <see cref="OpenWith"/>: its ops release it.</summary>
        protected static void ReleaseOpened(File f)
        {
            ProcFile pf = Opened(f);
            if (pf == null) return;
            f.Private = null;
            pf.Ops.Release(pf);
        }

        /// <summary>The live task behind <see cref="Pid"/>, or null once it has exited.</summary>
        public Task Task
        {
            get
            {
                Pid p = Pid;
                return p == null ? null : p.Task;
            }
        }
    }

    /// <summary>A procfs inode a superblock keeps once made (generic rows, run-time entries, sysctl rows),
    /// chained through <see cref="NextCached"/>: one field per kept inode instead of arrays sized ahead.</summary>
    public abstract class CachedInode : ProcInode
    {
        internal CachedInode NextCached;

        protected CachedInode(ProcSuperBlock sb, int ino, int mode) : base(sb, ino, mode) { }
    }
}
