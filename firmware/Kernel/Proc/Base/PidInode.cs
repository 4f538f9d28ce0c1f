namespace ProcNano
{
    /// <summary>
    /// An inode under /proc/&lt;pid&gt;/: the pid (never the task) and the row it shows. Every operation finds
    /// the task again; once it has exited, lookups and opens give ENOENT and reads of open files ESRCH.
    /// Owner is the task's effective ids while it is dumpable, else root (as pid_revalidate sets them).
    /// </summary>
    public sealed class PidInode : ProcInode
    {
        public PidInode(ProcSuperBlock sb, Pid pid, PidRow row, int fd, int mode) : base(sb, sb.NewPidIno(), mode)
        {
            Pid = pid;
            Row = row;
            Fd = fd;
            Task t = pid.Task;
            if (t != null && t.Dumpable)
            {
                Uid = t.Euid;
                Gid = t.Egid;
            }
        }

        public PidInode(ProcSuperBlock sb, Pid pid, PidRow row) : this(sb, pid, row, -1, row.Mode) { }

        private int Access(Task current)
        {
            if (Row.Ptrace) return ProcAccess.CheckPtraceRead(current, Pid);
            return Pid.Task == null ? -Errno.ESRCH : 0;
        }

        public override int Open(File f, Task current)
        {
            if (IsLink) return -Errno.ELOOP;
            if (Pid.Task == null) return -Errno.ENOENT;
            int r = ProcPerm.MayOpen(this, current, f.Flags);
            if (r < 0) return r;
            r = Access(current);
            if (r < 0) return r == -Errno.ESRCH ? -Errno.ENOENT : r;
            if (IsDir || Row.Ops == null) return 0;
            ProcFile pf = new ProcFile(f, this);
            r = Row.Ops.Open(pf, current);
            if (r < 0) return r;
            f.Private = pf;
            return 0;
        }

        public override void Release(File f)
        {
            ProcFile pf = f.Private as ProcFile;
            if (pf == null) return;
            f.Private = null;
            Row.Ops.Release(pf);
        }

        public override int Read(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = f.Private as ProcFile;
            if (pf == null) return -Errno.EIO;
            int r = Access(current);
            if (r < 0) return r;
            return Row.Ops.Read(pf, current, pos, buf, off, count);
        }

        public override int Write(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = f.Private as ProcFile;
            if (pf == null) return -Errno.EIO;
            // A row nobody may write has no write method: vfs_write's EINVAL (generic entries, behind
            // proc_reg_write, give EIO instead).
            if ((Row.Mode & 0x92) == 0) return -Errno.EINVAL;
            if (Pid.Task == null) return -Errno.ESRCH;
            return Row.Ops.Write(pf, current, pos, buf, off, count);
        }

        public override int Lookup(Task current, string name, out Inode child)
        {
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            int r = Access(current);
            if (r < 0) return r == -Errno.ESRCH ? -Errno.ENOENT : r;
            if (Row.Children == null) return Row.Ops.Lookup(this, current, name, out child);
            for (int i = 0; i < Row.Children.Length; i++)
            {
                PidRow c = Row.Children[i];
                if (c.Name == name)
                {
                    child = new PidInode(PSb, Pid, c);
                    return 0;
                }
            }
            return -Errno.ENOENT;
        }

        public override int ReadDir(Task current, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            int r = Access(current);
            if (r < 0) return r == -Errno.ESRCH ? -Errno.ENOENT : r;
            if (Row.Children == null) return Row.Ops.ReadDir(this, current, index, out name, out child);
            if (index >= Row.Children.Length) return 0;
            PidRow c = Row.Children[index];
            name = c.Name;
            child = new PidInode(PSb, Pid, c);
            return 1;
        }

        public override string ReadLink(Task current, out int err)
        {
            if (!IsLink) { err = -Errno.EINVAL; return null; }
            err = Access(current);
            if (err < 0)
            {
                if (err == -Errno.ESRCH) err = -Errno.ENOENT;
                return null;
            }
            return Row.Ops.ReadLink(this, current, out err);
        }
    }
}
