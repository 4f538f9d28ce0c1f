namespace ProcNano
{
    /// <summary>The romfs root: a fixed table of entries. Every change is EROFS (Inode's defaults).</summary>
    public sealed class RomfsDir : Inode
    {
        private readonly string[] _names;
        private readonly Inode[] _entries;

        internal RomfsDir(RomfsSuper sb, string[] names, Inode[] entries)
        {
            Sb = sb;
            Ino = 1;
            Mode = Stat.S_IFDIR | 0x16D; // 0555
            _names = names;
            _entries = entries;
        }

        public override int Lookup(Task current, string name, out Inode child)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name) { child = _entries[i]; return 0; }
            }
            child = null;
            return -Errno.ENOENT;
        }

        public override int ReadDir(Task current, int index, out string name, out Inode child)
        {
            if (index < 0 || index >= _names.Length) { name = null; child = null; return 0; }
            name = _names[index];
            child = _entries[index];
            return 1;
        }
    }
}
