using System.Collections;

namespace ProcNano
{
    /// <summary>A ramfs directory: names and child inodes in two parallel lists (cheaper than an entry object).</summary>
    public sealed class RamfsDir : Inode
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _children = new ArrayList();
        private int _subdirs;

        public RamfsDir(RamfsSuper sb, int mode, Task owner) { sb.Init(this, mode, owner); }

        private RamfsSuper Super => (RamfsSuper)Sb;
        public int Count => _names.Count;
        public override int Nlink => 2 + _subdirs;

        private int Find(string name)
        {
            for (int i = 0; i < _names.Count; i++) if ((string)_names[i] == name) return i;
            return -1;
        }

        // Links a new child under a free name (the VFS checked it; a file system checks again).
        private int Add(string name, Inode child)
        {
            if (Find(name) >= 0) return -Errno.EEXIST;
            _names.Add(name);
            _children.Add(child);
            if (child.IsDir) _subdirs++;
            MTime = Super.Now;
            return 0;
        }

        private void RemoveAt(int i)
        {
            _names.RemoveAt(i);
            _children.RemoveAt(i);
            MTime = Super.Now;
        }

        public override int Lookup(Task current, string name, out Inode child)
        {
            int i = Find(name);
            child = i < 0 ? null : (Inode)_children[i];
            return i < 0 ? -Errno.ENOENT : 0;
        }

        public override int ReadDir(Task current, int index, out string name, out Inode child)
        {
            if (index < 0 || index >= _names.Count) { name = null; child = null; return 0; }
            name = (string)_names[index];
            child = (Inode)_children[index];
            return 1;
        }

        public override int Create(Task current, string name, int mode, out Inode child)
        {
            child = new RamfsFile(Super, mode, current);
            return Add(name, child);
        }

        public override int Mkdir(Task current, string name, int mode, out Inode child)
        {
            child = new RamfsDir(Super, mode, current);
            return Add(name, child);
        }

        public override int Symlink(Task current, string name, string target, out Inode child)
        {
            child = new RamfsSymlink(Super, target, current);
            return Add(name, child);
        }

        public override int Unlink(Task current, string name)
        {
            int i = Find(name);
            if (i < 0) return -Errno.ENOENT;
            Inode c = (Inode)_children[i];
            if (c.IsDir) return -Errno.EISDIR;
            RemoveAt(i);
            RamfsFile f = c as RamfsFile;
            if (f != null) f.Unlinked();
            return 0;
        }

        public override int Rmdir(Task current, string name)
        {
            int i = Find(name);
            if (i < 0) return -Errno.ENOENT;
            RamfsDir d = _children[i] as RamfsDir;
            if (d == null) return -Errno.ENOTDIR;
            if (d.Count > 0) return -Errno.ENOTEMPTY;
            RemoveAt(i);
            _subdirs--;
            return 0;
        }

        /// <summary>Drops the whole subtree (unmount): file pages go back to the allocator.</summary>
        internal void FreeAll()
        {
            for (int i = 0; i < _children.Count; i++)
            {
                object c = _children[i];
                if (c is RamfsDir) ((RamfsDir)c).FreeAll();
                else if (c is RamfsFile) ((RamfsFile)c).Unlinked();
            }
            _names.Clear();
            _children.Clear();
            _subdirs = 0;
        }
    }
}
