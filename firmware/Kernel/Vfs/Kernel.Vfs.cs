namespace ProcNano
{
    public sealed partial class Kernel
    {
        public Vfs Vfs;
        /// <summary>Pages held by ramfs file data, shm segments included (/proc/meminfo "Cached").
        /// They are not MmapCopy: mapping them maps them in place.</summary>
        public int RamfsPages;
        /// <summary>Of <see cref="RamfsPages"/>, those of SysV shm segments (/proc/meminfo "Shmem").</summary>
        public int ShmPages;
        /// <summary>The internal, unmounted ramfs whose unlinked files are SysV shm segments.</summary>
        public RamfsSuper ShmStore;

        /// <summary>Adds the program files to the /bin image. Implemented where the programs live; if nobody
        /// implements it, /bin is empty.</summary>
        partial void AddRomFiles(RomfsBuilder b);

        partial void BootVfs()
        {
            Vfs = new Vfs(this);
            Vfs.RegisterFs("ramfs", true, RamfsSuper.Factory);
            Vfs.RegisterFs("romfs", false, RomfsSuper.Factory);
            Vfs.RegisterFs("flashfs", false, FlashSuper.Factory);

            RamfsSuper root = new RamfsSuper(this, Vfs.AllocAnonMinor(), false);
            root.DevName = "rootfs";
            Vfs.Mount("/", root);
            Log.Print("VFS: Mounted root (ramfs filesystem).");
            Vfs.Mkdir(null, "/bin", 0x1ED);
            Vfs.Mkdir(null, "/flash", 0x1ED);
            Vfs.Mkdir(null, "/proc", 0x16D);  // 0555 as Linux's /proc
            Vfs.Mkdir(null, "/dev", 0x1ED);
            Vfs.Mkdir(null, "/tmp", 0x3FF);   // 01777: anyone may create, only owners remove

            ShmStore = new RamfsSuper(this, Vfs.AllocAnonMinor(), true);

            RomfsBuilder b = new RomfsBuilder();
            AddRomFiles(b);
            Phys.SetRom(b.Build(Phys.PageSize));
            MountBoot("romfs", "/dev/mtdblock0", "/bin");
            if (Board.FlashMount != null && Board.FlashMount.Length > 0)
            {
                Vfs.Mkdir(null, Board.FlashMount, 0x1ED);
                MountBoot("flashfs", "/dev/mtdblock1", Board.FlashMount);
            }
        }

        private void MountBoot(string type, string source, string target)
        {
            int e = Vfs.Mount(null, source, target, type);
            if (e < 0) Log.Print("VFS: cannot mount " + type + " on " + target + ": " + Errno.StrError(e));
            else Log.Print("VFS: Mounted " + type + " on " + target + ".");
        }
    }
}
