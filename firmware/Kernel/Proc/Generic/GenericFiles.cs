namespace ProcNano
{
    /// <summary>
    /// The generic entries made at boot, one line each (Linux spreads these over proc_root_init and each
    /// subsystem's init). Adding a generic file is adding a line here, or calling k.Proc.Create at run time.
    /// </summary>
    public static class GenericFiles
    {
        public static void Register(ProcTree t)
        {
            t.Create("self", Stat.S_IFLNK | 0x1FF, null, new SelfOps(), null);
            t.Symlink("net", null, "self/net");
            t.Symlink("mounts", null, "self/mounts");
            t.Mkdir("driver", null);
            t.Create("sys", Stat.S_IFDIR | 0x16D, null, new SysDirOps(), null);
            t.Create("version", Stat.S_IRUGO, null, new VersionOps(), null);
            t.Create("uptime", Stat.S_IRUGO, null, new UptimeOps(), null);
            t.Create("cpuinfo", Stat.S_IRUGO, null, new CpuInfoOps(), null);
            t.Create("kmsg", 0x100, null, new KmsgOps(), null);                  // 0400, root only
            t.Create("modules", Stat.S_IRUGO, null, new ModulesOps(), null);
            t.Create("meminfo", Stat.S_IRUGO, null, new MeminfoOps(), null);
            t.Create("maps", Stat.S_IRUGO, null, new RegionMapsOps(), null);     // NOMMU: every region
            t.Create("buddyinfo", Stat.S_IRUGO, null, new BuddyInfoOps(), null);
            t.Create("slabinfo", Stat.S_IRUGO, null, new SlabInfoOps(), null);
            t.Create("filesystems", Stat.S_IRUGO, null, new FilesystemsOps(), null);
            ProcEntry ipc = t.Mkdir("sysvipc", null);
            t.Create("shm", Stat.S_IRUGO, ipc, new SysvShmOps(), null);
        }
    }
}
