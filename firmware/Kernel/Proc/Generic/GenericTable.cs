namespace ProcNano
{
    /// <summary>
    /// The generic entries /proc has from boot (Linux spreads these over proc_root_init and each subsystem's
    /// init), as code: a row is its number, so it costs nothing on the heap, and its number is its entry id
    /// (inode 0x100 + row). Adding a file is adding a row here and its ops to <see cref="NewOps"/>; a driver
    /// adds its files at run time with k.Proc.Create instead. Rows never go away.
    /// </summary>
    public static class GenericTable
    {
        public const int Root = 0, Self = 1, Net = 2, Mounts = 3, Driver = 4, Sys = 5, Version = 6, Uptime = 7,
            CpuInfo = 8, Kmsg = 9, Modules = 10, Meminfo = 11, Maps = 12, BuddyInfo = 13, SlabInfo = 14,
            Filesystems = 15, SysvIpc = 16, Shm = 17;
        /// <summary>Rows in the table; run-time entries are numbered from here.</summary>
        public const int Count = 18;

        public static bool Row(int i, out string name, out int mode, out int parent)
        {
            const int Dir = RowTable.DirMode, Link = RowTable.LinkMode, File = RowTable.FileMode;
            parent = Root;
            mode = File;
            switch (i)
            {
                case Root: name = ""; mode = Dir; parent = -1; return true;
                case Self: name = "self"; mode = Link; return true;
                case Net: name = "net"; mode = Link; return true;
                case Mounts: name = "mounts"; mode = Link; return true;
                case Driver: name = "driver"; mode = Dir; return true;
                case Sys: name = "sys"; mode = Dir; return true;        // lists the sysctl table
                case Version: name = "version"; return true;
                case Uptime: name = "uptime"; return true;
                case CpuInfo: name = "cpuinfo"; return true;
                case Kmsg: name = "kmsg"; mode = Stat.S_IFREG | 0x100; return true;   // 0400, root only
                case Modules: name = "modules"; return true;
                case Meminfo: name = "meminfo"; return true;
                case Maps: name = "maps"; return true;                  // NOMMU: every region
                case BuddyInfo: name = "buddyinfo"; return true;
                case SlabInfo: name = "slabinfo"; return true;
                case Filesystems: name = "filesystems"; return true;
                case SysvIpc: name = "sysvipc"; mode = Dir; return true;
                case Shm: name = "shm"; parent = SysvIpc; return true;
            }
            name = null;
            mode = parent = 0;
            return false;
        }

        /// <summary>The ops of a file row, made for each open (they keep no state); null for directories and
        /// links. /proc/modules' come from the kernel: their code sits above procfs.</summary>
        public static ProcOps NewOps(int i, IKernelView k)
        {
            switch (i)
            {
                case Version: return new VersionOps();
                case Uptime: return new UptimeOps();
                case CpuInfo: return new CpuInfoOps();
                case Kmsg: return new KmsgOps();
                case Modules: return k.NewModulesOps();
                case Meminfo: return new MeminfoOps();
                case Maps: return new RegionMapsOps();
                case BuddyInfo: return new BuddyInfoOps();
                case SlabInfo: return new SlabInfoOps();
                case Filesystems: return new FilesystemsOps();
                case Shm: return new SysvShmOps();
            }
            return null;
        }

        /// <summary>A link row's target: fixed text, or (self) the reader's pid in the superblock's namespace.</summary>
        public static string ReadLink(int i, ProcInode link, Task current, out int err)
        {
            err = 0;
            switch (i)
            {
                case Self: return SelfLink.Target(link, current, out err);
                case Net: return "self/net";
                case Mounts: return "self/mounts";
            }
            err = -Errno.EINVAL;
            return null;
        }
    }
}
