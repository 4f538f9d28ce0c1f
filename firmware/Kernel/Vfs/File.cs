namespace ProcNano
{
    /// <summary>An open file: the inode, the path it was opened by, mode and position.
    /// Reference counted: fd tables and mapped regions each hold one.</summary>
    public sealed class File
    {
        public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3, O_CREAT = 0x40, O_EXCL = 0x80,
            O_TRUNC = 0x200, O_APPEND = 0x400, O_DIRECTORY = 0x10000;

        public Inode Inode;
        /// <summary>Absolute path (d_path), as /proc/maps and fd links show it.</summary>
        public string Path;
        public int Flags;
        public long Pos;
        /// <summary>File system's per-open state (procfs: its opener record).</summary>
        public object Private;
        // The reference count (low 16 bits) and the file-table slot + 1 (high 16) share a field: 12 bytes a
        // field on the device, and a kernel here holds far fewer than 65535 of either.
        private int _refsSlot = 1;

        public int Refs
        {
            get { return _refsSlot & 0xFFFF; }
            set { _refsSlot = (_refsSlot & ~0xFFFF) | (value & 0xFFFF); }
        }

        /// <summary>Slot in the kernel's file table while referenced from a region (-1 if none).</summary>
        public int Slot
        {
            get { return (int)((uint)_refsSlot >> 16) - 1; }
            set { _refsSlot = (_refsSlot & 0xFFFF) | ((value + 1) << 16); }
        }

        public File(Inode inode, string path, int flags)
        {
            Inode = inode;
            Path = path;
            Flags = flags;
            // Pins the file system until the file is released (umount gives EBUSY meanwhile).
            if (inode != null && inode.Sb != null) inode.Sb.OpenFiles++;
        }

        public bool CanRead => (Flags & O_ACCMODE) != O_WRONLY;
        public bool CanWrite => (Flags & O_ACCMODE) != O_RDONLY;
    }
}
