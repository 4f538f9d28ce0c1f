namespace ProcNano
{
    /// <summary>A mounted file system instance: its type, device number and root.</summary>
    public class SuperBlock
    {
        public string FsType;
        /// <summary>Device numbers as /proc/maps prints them (%02x:%02x).</summary>
        public int Major;
        public int Minor;
        public Inode Root;
        public bool ReadOnly;
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

        /// <summary>Called once when the file system is unmounted (nothing is open): free what it holds.</summary>
        public virtual void Kill() { }
    }
}
