namespace ProcNano
{
    /// <summary>
    /// The inode of a run-time generic entry in one superblock (Linux's proxy proc_reg_* file operations):
    /// every call into the entry's ops is counted with Use/Unuse, so removal can wait for it, and opens are
    /// recorded so removal can release them. After removal: open ENOENT, read/write EIO, readdir only "." and
    /// "..". (Boot-time entries never go away and need none of this: see <see cref="GenericRowInode"/>.)
    /// </summary>
    public sealed class EntryInode : CachedInode
    {
        private readonly ProcEntry _entry;

        public EntryInode(ProcSuperBlock sb, ProcEntry e, int ino) : base(sb, ino, e.Mode)
        {
            _entry = e;
        }

        public override ProcEntry Entry => _entry;

        public override int Open(File f, VfsCaller caller)
        {
            Task current = Current(caller);
            if (IsLink) return -Errno.ELOOP;
            int r = ProcPerm.MayOpen(this, current, f.Flags);
            if (r < 0) return r;
            ProcEntry e = _entry;
            if (!e.Use()) return -Errno.ENOENT;
            if (IsDir)
            {
                e.Unuse();
                return 0;
            }
            try
            {
                ProcFile pf = new ProcFile(f, this);
                pf.Ops = e.Ops;
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

        // proc_reg_llseek: once the entry is removed a seek is EINVAL, as a read is EIO.
        public override long Llseek(File f, long offset, int whence)
        {
            return _entry.Removed ? -Errno.EINVAL : base.Llseek(f, offset, whence);
        }

        public override void Release(File f)
        {
            ProcFile pf = Opened(f);
            if (pf == null) return;
            f.Private = null;
            if (!_entry.TakeOpener(pf)) return;   // the remover already ran it
            try
            {
                if (_entry.Ops != null) _entry.Ops.Release(pf);
            }
            finally
            {
                _entry.Unuse();
            }
        }

        public override int Read(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            Task current = Current(caller);
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = Opened(f);
            if (pf == null || pf.Released) return -Errno.EIO;
            if (!_entry.Use()) return -Errno.EIO;
            try
            {
                return _entry.Ops == null ? -Errno.EIO : _entry.Ops.Read(pf, current, pos, buf, off, count);
            }
            finally
            {
                _entry.Unuse();
            }
        }

        public override int Write(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            Task current = Current(caller);
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = Opened(f);
            if (pf == null || pf.Released) return -Errno.EIO;
            if (!_entry.Use()) return -Errno.EIO;
            try
            {
                return _entry.Ops == null ? -Errno.EIO : _entry.Ops.Write(pf, current, pos, buf, off, count);
            }
            finally
            {
                _entry.Unuse();
            }
        }

        public override int Lookup(VfsCaller caller, string name, out Inode child)
        {
            Task current = Current(caller);
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            ProcTree tree = PSb.Tree;
            ProcEntry c = tree.Lookup(_entry, name);
            if (c != null)
            {
                child = PSb.EntryInode(c);
                return 0;
            }
            if (_entry.Ops == null) return -Errno.ENOENT;
            if (!_entry.Use()) return -Errno.ENOENT;
            try
            {
                return _entry.Ops.Lookup(this, current, name, out child);
            }
            finally
            {
                _entry.Unuse();
            }
        }

        public override int ReadDir(VfsCaller caller, int index, out string name, out Inode child)
        {
            Task current = Current(caller);
            name = null;
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            if (_entry.Removed) return 0;
            ProcTree tree = PSb.Tree;
            ProcEntry c = tree.ChildAt(_entry, index);
            if (c != null)
            {
                name = c.Name;
                child = PSb.EntryInode(c);
                return 1;
            }
            index -= tree.ChildCount(_entry);
            if (index < 0) return 0;   // the list shrank under us
            if (_entry.Ops == null) return 0;
            if (!_entry.Use()) return 0;
            try
            {
                return _entry.Ops.ReadDir(this, current, index, out name, out child);
            }
            finally
            {
                _entry.Unuse();
            }
        }

        public override string ReadLink(VfsCaller caller, out int err)
        {
            Task current = Current(caller);
            err = 0;
            if (!IsLink) { err = -Errno.EINVAL; return null; }
            if (_entry.Ops == null)
            {
                if (_entry.Removed) { err = -Errno.ENOENT; return null; }
                return _entry.Data as string;
            }
            if (!_entry.Use()) { err = -Errno.ENOENT; return null; }
            try
            {
                return _entry.Ops.ReadLink(this, current, out err);
            }
            finally
            {
                _entry.Unuse();
            }
        }
    }
}
