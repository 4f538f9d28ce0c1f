namespace ProcNano
{
    /// <summary>
    /// The inode of a generic entry in one superblock (Linux's proxy proc_reg_* file operations): every call
    /// into the entry's ops is counted with Use/Unuse, so removal can wait for it, and opens are recorded so
    /// removal can release them. After removal: open ENOENT, read/write EIO, readdir only "." and "..".
    /// The root entry's directory also lists and finds the pids of the superblock's namespace.
    /// </summary>
    public sealed class EntryInode : ProcInode
    {
        public EntryInode(ProcSuperBlock sb, ProcEntry e, int ino) : base(sb, ino, e.Mode)
        {
            Entry = e;
        }

        private bool IsRoot => Entry == PSb.Tree.Root;

        public override int Open(File f, Task current)
        {
            if (IsLink) return -Errno.ELOOP;
            int r = ProcPerm.MayOpen(this, current, f.Flags);
            if (r < 0) return r;
            ProcEntry e = Entry;
            if (!e.Use()) return -Errno.ENOENT;
            if (IsDir)
            {
                e.Unuse();
                return 0;
            }
            try
            {
                ProcFile pf = new ProcFile(f, this);
                r = e.Ops == null ? 0 : e.Ops.Open(pf, current);
                if (r >= 0)
                {
                    f.Private = pf;
                    e.AddOpener(pf);
                    r = 0;
                }
            }
            finally
            {
                e.Unuse();   // even if the ops throw: removal waits for the count to reach 0
            }
            return r;
        }

        public override void Release(File f)
        {
            ProcFile pf = f.Private as ProcFile;
            if (pf == null) return;
            f.Private = null;
            if (!Entry.TakeOpener(pf)) return;   // the remover already ran it
            try
            {
                if (Entry.Ops != null) Entry.Ops.Release(pf);
            }
            finally
            {
                Entry.Unuse();
            }
        }

        public override int Read(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = f.Private as ProcFile;
            if (pf == null || pf.Released) return -Errno.EIO;
            if (!Entry.Use()) return -Errno.EIO;
            try
            {
                return Entry.Ops == null ? -Errno.EIO : Entry.Ops.Read(pf, current, pos, buf, off, count);
            }
            finally
            {
                Entry.Unuse();
            }
        }

        public override int Write(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = f.Private as ProcFile;
            if (pf == null || pf.Released) return -Errno.EIO;
            if (!Entry.Use()) return -Errno.EIO;
            try
            {
                return Entry.Ops == null ? -Errno.EIO : Entry.Ops.Write(pf, current, pos, buf, off, count);
            }
            finally
            {
                Entry.Unuse();
            }
        }

        public override int Lookup(Task current, string name, out Inode child)
        {
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            ProcTree tree = PSb.Tree;
            ProcEntry c = tree.Lookup(Entry, name);
            if (c != null)
            {
                child = PSb.EntryInode(c);
                return 0;
            }
            if (IsRoot) return PidDirs.Lookup(PSb, name, out child);
            if (Entry.Ops == null) return -Errno.ENOENT;
            if (!Entry.Use()) return -Errno.ENOENT;
            try
            {
                return Entry.Ops.Lookup(this, current, name, out child);
            }
            finally
            {
                Entry.Unuse();
            }
        }

        public override int ReadDir(Task current, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            if (Entry.Removed) return 0;
            ProcTree tree = PSb.Tree;
            ProcEntry c = tree.ChildAt(Entry, index);
            if (c != null)
            {
                name = c.Name;
                child = PSb.EntryInode(c);
                return 1;
            }
            index -= tree.ChildCount(Entry);
            if (index < 0) return 0;   // the list shrank under us
            if (IsRoot) return PidDirs.ReadDir(PSb, index, out name, out child);
            if (Entry.Ops == null) return 0;
            if (!Entry.Use()) return 0;
            try
            {
                return Entry.Ops.ReadDir(this, current, index, out name, out child);
            }
            finally
            {
                Entry.Unuse();
            }
        }

        public override string ReadLink(Task current, out int err)
        {
            err = 0;
            if (!IsLink) { err = -Errno.EINVAL; return null; }
            if (Entry.Ops == null)
            {
                if (Entry.Removed) { err = -Errno.ENOENT; return null; }
                return Entry.Data as string;
            }
            if (!Entry.Use()) { err = -Errno.ENOENT; return null; }
            try
            {
                return Entry.Ops.ReadLink(this, current, out err);
            }
            finally
            {
                Entry.Unuse();
            }
        }
    }
}
