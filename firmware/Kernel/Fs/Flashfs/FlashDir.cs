namespace ProcNano
{
    /// <summary>The flashfs root: lists the store's files. The store is flat, so mkdir and symlink are EPERM.</summary>
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
    }
}
