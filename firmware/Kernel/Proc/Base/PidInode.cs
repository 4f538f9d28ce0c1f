namespace ProcNano
{
    /// <summary>
    /// An inode under /proc/&lt;pid&gt;/: the pid (never the task) and the row it shows, a row of
    /// <see cref="PidTable"/> or one added at run time (<see cref="Added"/>). Every operation finds the task
    /// again; once it has exited, lookups and opens give ENOENT and reads of open files ESRCH. Owner is the
    /// task's effective ids while it is dumpable, else root (as pid_revalidate sets them).
    /// </summary>
    public sealed class PidInode : ProcInode
    {
        private readonly Pid _pid;
        /// <summary>The PidTable row, when <see cref="Added"/> is null.</summary>
        public readonly int Row;
        /// <summary>A row added with AddPidRow (or one of its children), else null.</summary>
        public readonly PidRow Added;
        private readonly int _fd;

        public PidInode(ProcSuperBlock sb, Pid pid, int row, PidRow added, int fd, int mode) : base(sb, sb.NewPidIno(), mode)
        {
            _pid = pid;
            Row = row;
            Added = added;
            _fd = fd;
            Task t = pid.Task;
            if (t != null && t.Dumpable)
            {
                Uid = t.Euid;
                Gid = t.Egid;
            }
        }

        public PidInode(ProcSuperBlock sb, Pid pid, int row, PidRow added)
            : this(sb, pid, row, added, -1, added != null ? added.Mode : RowTable.Mode(RowTable.Pid, row)) { }

        public override Pid Pid => _pid;
        public override int Fd => _fd;

        // proc_fd_permission: a task may always list and walk its own fd/, whoever owns the directory (a task
        // that dropped root is not dumpable, so its pid directory belongs to root).
        public override int Denied(VfsCaller caller)
        {
            return Added == null && Row == PidTable.Fd && _pid.Task != null && _pid.Task == Current(caller) ? 0 : -Errno.EACCES;
        }

        private int Access(Task current)
        {
            bool ptrace = Added != null ? Added.Ptrace : PidTable.Ptrace(Row);
            if (ptrace) return ProcAccess.CheckPtraceRead(current, _pid);
            return _pid.Task == null ? -Errno.ESRCH : 0;
        }

        // Access for lookups and opens: a task gone is ENOENT there.
        private int AccessNoent(Task current)
        {
            int r = Access(current);
            return r == -Errno.ESRCH ? -Errno.ENOENT : r;
        }

        public override int Open(File f, VfsCaller caller)
        {
            Task current = Current(caller);
            if (IsLink) return -Errno.ELOOP;
            if (_pid.Task == null) return -Errno.ENOENT;
            int r = ProcPerm.MayOpen(this, current, f.Flags);
            if (r < 0) r = Denied(caller);
            if (r < 0) return r;
            r = AccessNoent(current);
            if (r < 0) return r;
            if (IsDir) return 0;
            ProcOps ops = Added != null ? Added.Ops : PidTable.NewOps(Row);
            return ops == null ? 0 : OpenWith(f, current, ops);
        }

        public override void Release(File f) { ReleaseOpened(f); }

        // pagemap seeks as mem_lseek does: SEEK_SET and SEEK_CUR only (its size is the address space, unknown).
        public override long Llseek(File f, long offset, int whence)
        {
            if (whence == 2 && Added == null && Row == PidTable.Pagemap) return -Errno.EINVAL;
            return base.Llseek(f, offset, whence);
        }

        public override int Read(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            Task current = Current(caller);
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = Opened(f);
            if (pf == null) return -Errno.EIO;
            int r = Access(current);
            if (r < 0) return r;
            return pf.Ops.Read(pf, current, pos, buf, off, count);
        }

        public override int Write(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            Task current = Current(caller);
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = Opened(f);
            if (pf == null) return -Errno.EIO;
            // A row nobody may write has no write method: vfs_write's EINVAL (generic entries, behind
            // proc_reg_write, give EIO instead).
            if ((Mode & 0x92) == 0) return -Errno.EINVAL;
            if (_pid.Task == null) return -Errno.ESRCH;
            return pf.Ops.Write(pf, current, pos, buf, off, count);
        }

        public override int Lookup(VfsCaller caller, string name, out Inode child)
        {
            Task current = Current(caller);
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            int r = AccessNoent(current);
            if (r < 0) return r;
            if (Added != null) return LookupAdded(current, name, out child);
            if (Row == PidTable.Fd || Row == PidTable.FdInfo) return FdDir.Lookup(this, name, out child);
            int c = RowTable.Find(RowTable.Pid, Row, name);
            if (c >= 0)
            {
                child = new PidInode(PSb, _pid, c, null);
                return 0;
            }
            PidRow added = Row == PidTable.Root ? PSb.Tree.FindPidRow(name) : null;
            if (added == null) return -Errno.ENOENT;
            child = new PidInode(PSb, _pid, -1, added);
            return 0;
        }

        public override int ReadDir(VfsCaller caller, int index, out string name, out Inode child)
        {
            Task current = Current(caller);
            name = null;
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            int r = AccessNoent(current);
            if (r < 0) return r;
            if (Added != null) return ReadDirAdded(current, index, out name, out child);
            if (Row == PidTable.Fd || Row == PidTable.FdInfo) return FdDir.ReadDir(this, index, out name, out child);
            int c = RowTable.ChildAt(RowTable.Pid, Row, index);
            if (c >= 0)
            {
                name = RowTable.Name(RowTable.Pid, c);
                child = new PidInode(PSb, _pid, c, null);
                return 1;
            }
            if (Row != PidTable.Root) return 0;
            PidRow added = PSb.Tree.PidRowAt(index - RowTable.ChildCount(RowTable.Pid, Row));
            if (added == null) return 0;
            name = added.Name;
            child = new PidInode(PSb, _pid, -1, added);
            return 1;
        }

        public override string ReadLink(VfsCaller caller, out int err)
        {
            Task current = Current(caller);
            if (!IsLink) { err = -Errno.EINVAL; return null; }
            err = AccessNoent(current);
            if (err < 0) return null;
            if (Added != null) return Added.Ops.ReadLink(this, current, out err);
            return PidTable.ReadLink(Row, this, out err);
        }

        private int LookupAdded(Task current, string name, out Inode child)
        {
            child = null;
            PidRow[] rows = Added.Children;
            if (rows == null) return Added.Ops.Lookup(this, current, name, out child);
            for (int i = 0; i < rows.Length; i++)
            {
                if (rows[i].Name == name)
                {
                    child = new PidInode(PSb, _pid, -1, rows[i]);
                    return 0;
                }
            }
            return -Errno.ENOENT;
        }

        private int ReadDirAdded(Task current, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            PidRow[] rows = Added.Children;
            if (rows == null) return Added.Ops.ReadDir(this, current, index, out name, out child);
            if (index >= rows.Length) return 0;
            name = rows[index].Name;
            child = new PidInode(PSb, _pid, -1, rows[index]);
            return 1;
        }
    }
}
