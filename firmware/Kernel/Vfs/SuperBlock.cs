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
        private int _nextIno = 1;

        public SuperBlock(string fsType, int major, int minor)
        {
            FsType = fsType;
            Major = major;
            Minor = minor;
        }

        public int NewIno() { return _nextIno++; }
    }
}
