namespace ProcNano
{
    /// <summary>The flashfs root: lists the store's files. The store is flat, so mkdir and symlink are EPERM;
    /// rename copies.</summary>
    public sealed class FlashDir : Inode
    {
        public FlashDir(FlashSuper sb)
        {
            Sb = sb;
            Ino = sb.NewIno();
            Mode = Stat.S_IFDIR | 0x1ED; // 0755
        }

        private FlashSuper Super => (FlashSuper)Sb;

        public override int Lookup(VfsCaller current, string name, out Inode child)
        {
            child = null;
            if (Super.Store.SizeOf(name) < 0)
            {
                Super.Forget(name);
                return -Errno.ENOENT;
            }
            child = Super.Get(name);
            return 0;
        }

        public override int ReadDir(VfsCaller current, int index, out string name, out Inode child)
        {
            child = null;
            name = index < 0 || index >= Super.Store.Count ? null : Super.Store.NameAt(index);
            if (name == null) return 0;
            child = Super.Get(name);
            return 1;
        }

        public override int Create(VfsCaller current, string name, int mode, out Inode child)
        {
            child = null;
            if (Super.Store.SizeOf(name) >= 0) return -Errno.EEXIST;
            int e = Super.Store.Write(name, 0, new byte[0], 0, 0);
            if (e < 0) return e;
            child = Super.Get(name);
            MTime = Super.Now;
            return 0;
        }

        public override int Mkdir(VfsCaller current, string name, int mode, out Inode child) { child = null; return -Errno.EPERM; }
        public override int Symlink(VfsCaller current, string name, string target, out Inode child) { child = null; return -Errno.EPERM; }

        public override int Unlink(VfsCaller current, string name)
        {
            int e = Super.Store.Delete(name);
            if (e < 0) return e;
            Super.Forget(name);
            MTime = Super.Now;
            return 0;
        }

        public override int Rmdir(VfsCaller current, string name) { return -Errno.ENOTDIR; }

        /// <summary>rename(2) in the flat store, which has no rename of its own: the bytes are copied to the new
        /// name as one write (written aside and switched in at the end, <see cref="IStorage.BeginWrite"/>), then
        /// the old name is deleted. A crash in between leaves both names, never a half file. The file gets a
        /// new inode number (the store keeps none).</summary>
        public override int Rename(VfsCaller current, string oldName, Inode newDir, string newName)
        {
            if (newDir != this) return -Errno.EXDEV;
            IStorage st = Super.Store;
            long size = st.SizeOf(oldName);
            if (size < 0) return -Errno.ENOENT;
            if (oldName == newName) return 0;
            int e = st.BeginWrite(newName, true);
            if (e < 0) return e;
            byte[] buf = new byte[256];
            long pos = 0;
            while (e >= 0 && pos < size)
            {
                int n = st.Read(oldName, pos, buf, 0, buf.Length);
                if (n <= 0)
                {
                    e = n < 0 ? n : -Errno.EIO;
                    break;
                }
                e = st.Write(newName, pos, buf, 0, n);
                pos += n;
            }
            if (e >= 0 && size == 0) e = st.Write(newName, 0, buf, 0, 0);
            int end = st.EndWrite(newName);
            if (e >= 0) e = end;
            if (e < 0) return e;
            e = st.Delete(oldName);
            Super.Forget(oldName);
            Super.Forget(newName);
            MTime = Super.Now;
            return e < 0 ? e : 0;
        }
    }
}
