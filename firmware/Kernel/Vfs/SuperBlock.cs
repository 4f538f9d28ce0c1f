namespace ProcNano
{
    /// <summary>A mounted file system instance: its type, device number and root.</summary>
    public class SuperBlock
    {
        public string FsType;
        public Inode Root;
        // Device numbers and the read-only flag share one field (12 bytes each on the device): minor in
        // bits 0-15, major in 16-29, read-only in bit 30.
        private int _dev;
        private const int ReadOnlyBit = 1 << 30;

        /// <summary>Device numbers as /proc/maps prints them (%02x:%02x).</summary>
        public int Major
        {
            get { return (_dev >> 16) & 0x3FFF; }
            set { _dev = (_dev & ~(0x3FFF << 16)) | ((value & 0x3FFF) << 16); }
        }

        public int Minor
        {
            get { return _dev & 0xFFFF; }
            set { _dev = (_dev & ~0xFFFF) | (value & 0xFFFF); }
        }

        public bool ReadOnly
        {
            get { return (_dev & ReadOnlyBit) != 0; }
            set { _dev = value ? _dev | ReadOnlyBit : _dev & ~ReadOnlyBit; }
        }
        /// <summary>Name shown in /proc/mounts' first column ("none", "rootfs", ...).</summary>
        public string DevName = "none";
        /// <summary>Open files on this file system (File objects not yet released): umount is EBUSY while
        /// any remain. Counted by the File constructor and <see cref="FileTable"/>'s release.</summary>
        public int OpenFiles;
        private int _nextIno = 1;

        public SuperBlock(string fsType, int major, int minor)
        {
            FsType = fsType;
            Major = major;
            Minor = minor;
        }

        public int NewIno() { return _nextIno++; }

        /// <summary>Inodes this file system keeps in memory while mounted (/proc/slabinfo's inode row):
        /// ramfs keeps its tree, romfs its root and each file looked up; procfs and flashfs keep none.</summary>
        public virtual int CachedInodes() { return 0; }

        /// <summary>Counts a directory tree's inodes, the directory included.</summary>
        protected static int CountTree(Inode dir)
        {
            int n = 1;
            if (dir == null || !dir.IsDir) return n;
            for (int i = 0; ; i++)
            {
                string name;
                Inode child;
                if (dir.ReadDir(null, i, out name, out child) <= 0) break;
                n += CountTree(child);
            }
            return n;
        }

        /// <summary>statfs's sizes in bytes: size, free, available to users. Nothing by default (procfs, as
        /// Linux's simple_statfs reports no blocks).</summary>
        public virtual void StatFs(StatFsInfo st) { st.TotalBytes = st.FreeBytes = st.AvailBytes = 0; }

        /// <summary>Called once when the file system is unmounted (nothing is open): free what it holds.</summary>
        public virtual void Kill() { }
    }
}
