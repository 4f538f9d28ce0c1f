namespace ProcNano
{
    /// <summary>
    /// The romfs root: the image's entry table, read from the ROM on each lookup rather than kept as names.
    /// A file's inode is made on its first lookup and kept (so every lookup gives the same inode, which
    /// mmap's sharing and the open-file counts rely on); readdir makes none, as Linux's romfs readdir only
    /// reports the type. Every change is EROFS (Inode's defaults).
    /// </summary>
    public sealed class RomfsDir : Inode
    {
        private readonly int _count;
        private Inode[] _cache;   // by entry index, made at the first lookup

        internal RomfsDir(RomfsSuper sb, int count)
        {
            Sb = sb;
            Ino = 1;
            Mode = Stat.S_IFDIR | 0x16D; // 0555
            _count = count;
        }

        private IRom Rom => ((RomfsSuper)Sb).Rom;

        /// <summary>File inodes made so far (slabinfo's inode row).</summary>
        internal int Cached()
        {
            int n = 0;
            for (int i = 0; _cache != null && i < _cache.Length; i++) if (_cache[i] != null) n++;
            return n;
        }

        public override int Lookup(VfsCaller current, string name, out Inode child)
        {
            byte[] e = new byte[RomfsFormat.EName];
            int at = RomfsFormat.HeaderSize;
            for (int i = 0; i < _count; i++)
            {
                Rom.Copy(at, e, 0, e.Length);
                int nameLen = RomfsFormat.U16(e, RomfsFormat.ENameLen);
                if (nameLen == name.Length && NameAt(at, nameLen) == name)
                {
                    if (_cache == null) _cache = new Inode[_count];
                    if (_cache[i] == null) _cache[i] = NewInode(at, e);
                    child = _cache[i];
                    return 0;
                }
                at += RomfsFormat.EntrySize(nameLen);
            }
            child = null;
            return -Errno.ENOENT;
        }

        public override int ReadDir(VfsCaller current, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            if (index < 0 || index >= _count) return 0;
            byte[] e = new byte[RomfsFormat.EName];
            int at = RomfsFormat.HeaderSize;
            for (int i = 0; ; i++)
            {
                Rom.Copy(at, e, 0, e.Length);
                int nameLen = RomfsFormat.U16(e, RomfsFormat.ENameLen);
                if (i == index)
                {
                    name = NameAt(at, nameLen);
                    // The kept inode if there is one, else a passing one that only says the type.
                    child = _cache != null && _cache[i] != null ? _cache[i] : NewInode(at, e);
                    return 1;
                }
                at += RomfsFormat.EntrySize(nameLen);
            }
        }

        private string NameAt(int at, int nameLen)
        {
            byte[] b = new byte[nameLen];
            Rom.Copy(at + RomfsFormat.EName, b, 0, nameLen);
            char[] c = new char[nameLen];
            for (int i = 0; i < nameLen; i++) c[i] = (char)b[i];
            return new string(c);
        }

        // The inode of the entry at 'at', whose fixed fields are in e.
        private RomfsInode NewInode(int at, byte[] e)
        {
            RomfsInode inode = new RomfsInode((RomfsSuper)Sb, at, RomfsFormat.U32(e, RomfsFormat.EMode),
                RomfsFormat.U32(e, RomfsFormat.ESize), RomfsFormat.U32(e, RomfsFormat.EData));
            inode.MTime = RomfsFormat.U32(e, RomfsFormat.EMTime);
            return inode;
        }
    }
}
