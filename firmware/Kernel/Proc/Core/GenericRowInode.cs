namespace ProcNano
{
    /// <summary>
    /// The inode of a boot-time generic entry, a row of <see cref="GenericTable"/>, in one superblock. Rows never
    /// go away, so there is nothing to count: a file's ops are made at open and kept by the open file. A
    /// directory lists its table rows, then the entries made under it at run time, then what it computes: the
    /// root the pids of the superblock's namespace, sys the sysctl table.
    /// </summary>
    public sealed class GenericRowInode : CachedInode
    {
        /// <summary>The row of <see cref="GenericTable"/>, which is also the entry id.</summary>
        public readonly int Row;

        public GenericRowInode(ProcSuperBlock sb, int row, int ino) : base(sb, ino, RowTable.Mode(RowTable.Generic, row))
        {
            Row = row;
        }

        public override int Open(File f, VfsCaller caller)
        {
            Task current = Current(caller);
            if (IsLink) return -Errno.ELOOP;
            int r = ProcPerm.MayOpen(this, current, f.Flags);
            if (r < 0 || IsDir) return r;
            return OpenWith(f, current, GenericTable.NewOps(Row, K));
        }

        public override void Release(File f) { ReleaseOpened(f); }

        public override int Read(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            Task current = Current(caller);
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = Opened(f);
            if (pf == null) return -Errno.EIO;
            return pf.Ops.Read(pf, current, pos, buf, off, count);
        }

        public override int Write(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            Task current = Current(caller);
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = Opened(f);
            if (pf == null) return -Errno.EIO;
            return pf.Ops.Write(pf, current, pos, buf, off, count);
        }

        public override int Lookup(VfsCaller caller, string name, out Inode child)
        {
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            int row = RowTable.Find(RowTable.Generic, Row, name);
            if (row >= 0)
            {
                child = PSb.RowInode(row);
                return 0;
            }
            ProcEntry e = PSb.Tree.LookupAdded(Row, name);
            if (e != null)
            {
                child = PSb.EntryInode(e);
                return 0;
            }
            if (Row == GenericTable.Root) return PidDirs.Lookup(PSb, name, out child);
            if (Row == GenericTable.Sys) return SysctlInode.LookupRow(PSb, SysctlTable.Root, name, out child);
            return -Errno.ENOENT;
        }

        public override int ReadDir(VfsCaller caller, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            int row = RowTable.ChildAt(RowTable.Generic, Row, index);
            if (row >= 0)
            {
                name = RowTable.Name(RowTable.Generic, row);
                child = PSb.RowInode(row);
                return 1;
            }
            index -= RowTable.ChildCount(RowTable.Generic, Row);
            ProcTree tree = PSb.Tree;
            ProcEntry e = tree.AddedAt(Row, index);
            if (e != null)
            {
                name = e.Name;
                child = PSb.EntryInode(e);
                return 1;
            }
            index -= tree.AddedCount(Row);
            if (index < 0) return 0;   // the list shrank under us
            if (Row == GenericTable.Root) return PidDirs.ReadDir(PSb, index, out name, out child);
            if (Row == GenericTable.Sys) return SysctlInode.ReadDirRow(PSb, SysctlTable.Root, index, out name, out child);
            return 0;
        }

        public override string ReadLink(VfsCaller caller, out int err)
        {
            Task current = Current(caller);
            if (!IsLink) { err = -Errno.EINVAL; return null; }
            return GenericTable.ReadLink(Row, this, current, out err);
        }
    }
}
