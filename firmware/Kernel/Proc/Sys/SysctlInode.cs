namespace ProcNano
{
    /// <summary>
    /// An inode for one sysctl row in one superblock (made once, reused). Directories list the child rows;
    /// files print their value through a seq buffer (so every read size gives the same bytes) and parse
    /// writes with the row's handler. Permissions follow sysctl's own rule (<see cref="ProcPerm.MayOpenSysctl"/>).
    /// </summary>
    public sealed class SysctlInode : ProcInode
    {
        public readonly CtlEntry Ctl;

        public SysctlInode(ProcSuperBlock sb, CtlEntry ctl, int ino) : base(sb, ino, ctl.Mode)
        {
            Ctl = ctl;
        }

        public override int Open(File f, Task current)
        {
            if (Ctl.IsDir) return 0;
            int r = ProcPerm.MayOpenSysctl(Mode, current, f.Flags);
            if (r < 0) return r;
            ProcFile pf = new ProcFile(f, this);
            pf.Seq = K.Proc.NewSeqFile(pf, K.Proc.SysctlShow);
            f.Private = pf;
            return 0;
        }

        public override void Release(File f)
        {
            ProcFile pf = f.Private as ProcFile;
            if (pf == null) return;
            f.Private = null;
            K.Proc.SysctlShow.Release(pf);
        }

        public override int Read(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (Ctl.IsDir) return -Errno.EISDIR;
            ProcFile pf = f.Private as ProcFile;
            if (pf == null || pf.Seq == null) return -Errno.EIO;
            return pf.Seq.Read(current, pos, buf, off, count);
        }

        public override int Write(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (Ctl.IsDir) return -Errno.EISDIR;
            if ((Mode & 0x92) == 0) return -Errno.EACCES;   // no write bit for anyone
            if (count == 0) return 0;                        // nothing to parse: the value stays, as in Linux
            return Ctl.Handler.Store(K, current, buf, off, count);
        }

        public override int Lookup(Task current, string name, out Inode child)
        {
            child = null;
            if (!Ctl.IsDir) return -Errno.ENOTDIR;
            CtlEntry c = Ctl.Find(name);
            if (c == null) return -Errno.ENOENT;
            child = PSb.CtlInode(c);
            return 0;
        }

        public override int ReadDir(Task current, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            if (!Ctl.IsDir) return -Errno.ENOTDIR;
            if (index >= Ctl.Children.Length) return 0;
            CtlEntry c = Ctl.Children[index];
            name = c.Name;
            child = PSb.CtlInode(c);
            return 1;
        }
    }

    /// <summary>Prints a sysctl file's value as its one record.</summary>
    public sealed class SysctlShowOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            SysctlInode ino = (SysctlInode)s.Pf.Inode;
            ino.Ctl.Handler.Show(s.Kernel, o);
            return 0;
        }
    }

    /// <summary>The /proc/sys entry: its directory is the sysctl table's top level.</summary>
    public sealed class SysDirOps : ProcOps
    {
        public override int Lookup(ProcInode dir, Task current, string name, out Inode child)
        {
            child = null;
            CtlEntry c = dir.K.Proc.SysRoot.Find(name);
            if (c == null) return -Errno.ENOENT;
            child = dir.PSb.CtlInode(c);
            return 0;
        }

        public override int ReadDir(ProcInode dir, Task current, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            CtlEntry[] rows = dir.K.Proc.SysRoot.Children;
            if (index >= rows.Length) return 0;
            name = rows[index].Name;
            child = dir.PSb.CtlInode(rows[index]);
            return 1;
        }
    }
}
