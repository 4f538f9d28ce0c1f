namespace ProcNano
{
    /// <summary>
    /// The inode of one sysctl row in one superblock (made on first lookup, reused). Directories list the child
    /// rows; files print their value through a seq buffer (so every read size gives the same bytes) and parse
    /// writes through the table. Permissions follow sysctl's own rule (<see cref="ProcPerm.MayOpenSysctl"/>).
    /// </summary>
    public sealed class SysctlInode : CachedInode
    {
        /// <summary>The row of <see cref="SysctlTable"/>.</summary>
        public readonly int Row;

        public SysctlInode(ProcSuperBlock sb, int row, int ino) : base(sb, ino, RowTable.Mode(RowTable.Sysctl, row))
        {
            Row = row;
        }

        public override int Open(File f, VfsCaller caller)
        {
            Task current = Current(caller);
            if (IsDir) return 0;
            int r = ProcPerm.MayOpenSysctl(Mode, current, f.Flags);
            if (r < 0) return r;
            return OpenWith(f, current, new SysctlShowOps());
        }

        public override void Release(File f) { ReleaseOpened(f); }

        public override int Read(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            Task current = Current(caller);
            if (IsDir) return -Errno.EISDIR;
            ProcFile pf = Opened(f);
            if (pf == null || pf.Seq == null) return -Errno.EIO;
            return pf.Seq.Read(current, pos, buf, off, count);
        }

        public override int Write(File f, VfsCaller caller, long pos, byte[] buf, int off, int count)
        {
            if (IsDir) return -Errno.EISDIR;
            if ((Mode & 0x92) == 0) return -Errno.EACCES;   // no write bit for anyone
            if (count == 0) return 0;                        // nothing to parse: the value stays, as in Linux
            return SysctlTable.Store(Row, K, buf, off, count);
        }

        public override int Lookup(VfsCaller caller, string name, out Inode child)
        {
            child = null;
            if (!IsDir) return -Errno.ENOTDIR;
            return LookupRow(PSb, Row, name, out child);
        }

        public override int ReadDir(VfsCaller caller, int index, out string name, out Inode child)
        {
            if (!IsDir)
            {
                name = null;
                child = null;
                return -Errno.ENOTDIR;
            }
            return ReadDirRow(PSb, Row, index, out name, out child);
        }

        /// <summary>The child of sysctl directory row <paramref name="dir"/> called <paramref name="name"/>
        /// (also /proc/sys itself, which lists the table's root).</summary>
        public static int LookupRow(ProcSuperBlock sb, int dir, string name, out Inode child)
        {
            child = null;
            int c = RowTable.Find(RowTable.Sysctl, dir, name);
            if (c < 0) return -Errno.ENOENT;
            child = sb.CtlInode(c);
            return 0;
        }

        public static int ReadDirRow(ProcSuperBlock sb, int dir, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            int c = RowTable.ChildAt(RowTable.Sysctl, dir, index);
            if (c < 0) return 0;
            name = RowTable.Name(RowTable.Sysctl, c);
            child = sb.CtlInode(c);
            return 1;
        }
    }

    /// <summary>Prints a sysctl file's value as its one record.</summary>
    public sealed class SysctlShowOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            SysctlTable.Show(((SysctlInode)s.Pf.Inode).Row, s.K, o);
            return 0;
        }
    }
}
