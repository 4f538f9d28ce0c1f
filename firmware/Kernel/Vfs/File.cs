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
        public int Refs = 1;
        /// <summary>File system's per-open state (procfs: its opener record).</summary>
        public object Private;
        /// <summary>Slot in the kernel's file table while referenced from a region (-1 if none).</summary>
        public int Slot = -1;

        public File(Inode inode, string path, int flags)
        {
            Inode = inode;
            Path = path;
            Flags = flags;
        }

        public bool CanRead => (Flags & O_ACCMODE) != O_WRONLY;
        public bool CanWrite => (Flags & O_ACCMODE) != O_RDONLY;
    }
}
