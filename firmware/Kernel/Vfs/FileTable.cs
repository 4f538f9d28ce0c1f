namespace ProcNano
{
    /// <summary>Kernel-wide table of files referenced by int slot, so that region and VMA columns can name a
    /// file in 4 bytes instead of a 12-byte reference (see the footprint table in Memory/README.md).</summary>
    public sealed class FileTable
    {
        private File[] _slots = new File[4];

        /// <summary>Takes a reference on <paramref name="f"/> and returns its slot.</summary>
        public int Get(File f)
        {
            f.Refs++;
            if (f.Slot >= 0) return f.Slot;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] == null) { _slots[i] = f; f.Slot = i; return i; }
            }
            File[] n = new File[_slots.Length * 2];
            for (int i = 0; i < _slots.Length; i++) n[i] = _slots[i];
            f.Slot = _slots.Length;
            n[f.Slot] = f;
            _slots = n;
            return f.Slot;
        }

        public File this[int slot] => slot < 0 ? null : _slots[slot];

        /// <summary>Drops one reference taken by <see cref="Get"/>; the last one releases the file.</summary>
        public void Put(int slot)
        {
            File f = _slots[slot];
            if (f != null) Close(f);
        }

        /// <summary>Drops a reference (an fd's, the exe's, or a region's). The last one frees the slot, if
        /// any, and releases the file.</summary>
        public void Close(File f)
        {
            if (--f.Refs == 0)
            {
                if (f.Slot >= 0) { _slots[f.Slot] = null; f.Slot = -1; }
                Release(f);
            }
        }

        // The last reference went: the file system's release runs once and the superblock is unpinned.
        private static void Release(File f)
        {
            if (f.Inode.Sb != null) f.Inode.Sb.OpenFiles--;
            f.Inode.Release(f);
        }

        public int Count
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _slots.Length; i++) if (_slots[i] != null) n++;
                return n;
            }
        }
    }
}
