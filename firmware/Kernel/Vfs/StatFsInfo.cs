namespace ProcNano
{
    /// <summary>What statfs(2) reports for one mount, in bytes (f_blocks, f_bfree, f_bavail times f_bsize), with
    /// the mount's names as BSD's getfsstat gives them (f_mntonname, f_mntfromname, f_fstypename).</summary>
    public sealed class StatFsInfo
    {
        public long TotalBytes, FreeBytes, AvailBytes;
        public string MountPoint, Source, FsType;
    }
}
