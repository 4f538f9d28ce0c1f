namespace ProcNano
{
    /// <summary>
    /// What the file systems use from the layers below them: arena pages for ramfs data, the ROM image romfs
    /// executes from, the clock for file times, the board's flash store, the log and the VFS's anonymous
    /// device numbers. Built once at boot; its Mount* methods are the mount(2) factories the boot sequence
    /// registers with the VFS.
    /// </summary>
    public sealed class FsContext
    {
        public readonly PageAllocator Pages;
        public readonly PhysMem Phys;
        public readonly IPlatform Platform;
        public readonly KernelLog Log;
        public readonly Vfs Vfs;
        /// <summary>Pages held by every ramfs's file data, shm segments included (/proc/meminfo "Cached").
        /// They are not MmapCopy: mapping them maps them in place.</summary>
        public int RamfsPages;

        public FsContext(PageAllocator pages, PhysMem phys, IPlatform platform, KernelLog log, Vfs vfs)
        {
            Pages = pages;
            Phys = phys;
            Platform = platform;
            Log = log;
            Vfs = vfs;
        }

        /// <summary>Seconds since the epoch for file times (0 without a platform).</summary>
        public long Now => Platform == null ? 0 : Platform.UnixTime;

        /// <summary>mount -t ramfs: a fresh, empty instance.</summary>
        public SuperBlock MountRamfs(VfsCaller mounter, string source)
        {
            RamfsSuper sb = new RamfsSuper(this, Vfs.AllocAnonMinor());
            if (source != null && source.Length > 0) sb.DevName = source;
            return sb;
        }

        /// <summary>mount -t romfs: the kernel's ROM image (the source name is only shown). Null, with a log
        /// line, if the image is not a valid romfs for this board's page size.</summary>
        public SuperBlock MountRomfs(VfsCaller mounter, string source)
        {
            return RomfsSuper.Load(this);
        }

        /// <summary>mount -t flashfs: the platform's store (null if the board has none).</summary>
        public SuperBlock MountFlash(VfsCaller mounter, string source)
        {
            if (Platform == null || Platform.Flash == null) return null;
            FlashSuper sb = new FlashSuper(this, Platform.Flash);
            if (sb.ReadOnly) Log.Print("flashfs: the store cannot be written: mounted read-only");
            return sb;
        }
    }
}
