namespace ProcNano
{
    /// <summary>A ramfs directory: its children chained in creation order through <see cref="RamfsNode.Next"/>.
    /// Counts are walked, not kept: directories here hold a handful of entries.</summary>
    public sealed class RamfsDir : RamfsNode
    {
        private RamfsNode _first;

        public RamfsDir(RamfsSuper sb, int mode, VfsCaller owner) { sb.Init(this, mode, owner); }

        private RamfsSuper Super => (RamfsSuper)Sb;
        public int Count
        {
            get { int n = 0; for (RamfsNode c = _first; c != null; c = c.Next) n++; return n; }
        }

        public override int Nlink
        {
            get { int n = 2; for (RamfsNode c = _first; c != null; c = c.Next) if (c.IsDir) n++; return n; }
        }

        private RamfsNode Find(string name)
        {
            for (RamfsNode c = _first; c != null; c = c.Next) if (c.Name == name) return c;
            return null;
        }

        // Links a new child under a free name at the end (the VFS checked the name; a file system checks again).
        private int Add(string name, RamfsNode child)
        {
            if (Find(name) != null) return -Errno.EEXIST;
            child.Name = name;
            if (_first == null) _first = child;
            else
            {
                RamfsNode last = _first;
                while (last.Next != null) last = last.Next;
                last.Next = child;
            }
            MTime = Super.Now;
            return 0;
        }

        private void Detach(RamfsNode child)
        {
            if (_first == child) _first = child.Next;
            else
            {
                RamfsNode prev = _first;
                while (prev.Next != child) prev = prev.Next;
                prev.Next = child.Next;
            }
            child.Next = null;
            MTime = Super.Now;
        }

        public override int Lookup(VfsCaller current, string name, out Inode child)
        {
            child = Find(name);
            return child == null ? -Errno.ENOENT : 0;
        }

        public override int ReadDir(VfsCaller current, int index, out string name, out Inode child)
        {
            RamfsNode c = index < 0 ? null : _first;
            for (int i = 0; c != null && i < index; i++) c = c.Next;
            name = c == null ? null : c.Name;
            child = c;
            return c == null ? 0 : 1;
        }

        public override int Create(VfsCaller current, string name, int mode, out Inode child)
        {
            RamfsFile f = new RamfsFile(Super, mode, current);
            child = f;
            return Add(name, f);
        }

        public override int Mkdir(VfsCaller current, string name, int mode, out Inode child)
        {
            RamfsDir d = new RamfsDir(Super, mode, current);
            child = d;
            return Add(name, d);
        }

        public override int Symlink(VfsCaller current, string name, string target, out Inode child)
        {
            RamfsSymlink l = new RamfsSymlink(Super, target, current);
            child = l;
            return Add(name, l);
        }

        public override int Mknod(VfsCaller current, string name, int mode, int rdev, out Inode child)
        {
            RamfsDevice d = new RamfsDevice(Super, mode, rdev, current);
            child = d;
            return Add(name, d);
        }

        public override int Unlink(VfsCaller current, string name)
        {
            RamfsNode c = Find(name);
            if (c == null) return -Errno.ENOENT;
            if (c.IsDir) return -Errno.EISDIR;
            Detach(c);
            RamfsFile f = c as RamfsFile;
            if (f != null) f.Unlinked();
            return 0;
        }

        public override int Rmdir(VfsCaller current, string name)
        {
            RamfsDir d = Find(name) as RamfsDir;
            if (d == null) return Find(name) == null ? -Errno.ENOENT : -Errno.ENOTDIR;
            if (d._first != null) return -Errno.ENOTEMPTY;
            Detach(d);
            return 0;
        }

        /// <summary>rename(2) within one ramfs: the entry moves (its inode and data stay); a replaced file is
        /// unlinked, a replaced directory must be empty (ENOTEMPTY).</summary>
        public override int Rename(VfsCaller current, string oldName, Inode newDir, string newName)
        {
            RamfsNode c = Find(oldName);
            if (c == null) return -Errno.ENOENT;
            RamfsDir to = newDir as RamfsDir;
            if (to == null || to.Sb != Sb) return -Errno.EXDEV;
            RamfsNode victim = to.Find(newName);
            if (victim == c) return 0;
            if (victim != null)
            {
                RamfsDir vd = victim as RamfsDir;
                if (vd != null && vd._first != null) return -Errno.ENOTEMPTY;
                to.Detach(victim);
                RamfsFile vf = victim as RamfsFile;
                if (vf != null) vf.Unlinked();
            }
            Detach(c);
            return to.Add(newName, c);
        }

        /// <summary>Drops the whole subtree (unmount): file pages go back to the allocator.</summary>
        internal void FreeAll()
        {
            for (RamfsNode c = _first; c != null; c = c.Next)
            {
                if (c is RamfsDir) ((RamfsDir)c).FreeAll();
                else if (c is RamfsFile) ((RamfsFile)c).Unlinked();
            }
            _first = null;
        }
    }
}
