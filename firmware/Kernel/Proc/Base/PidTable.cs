namespace ProcNano
{
    /// <summary>
    /// The /proc/&lt;pid&gt;/ directory as a code table (Linux's tgid_base_stuff): a row is a case below, so
    /// it costs nothing on the heap. Order follows Linux's. Ptrace rows get the access check at open and at
    /// every read, readlink, lookup and readdir; the memory files live in Proc/Pid/. Adding a file is adding a
    /// row and its ops in <see cref="NewOps"/> (or, at boot, k.Proc.AddPidRow for a subsystem's own file).
    /// </summary>
    public static class PidTable
    {
        public const int Root = 0, Fd = 1, Net = 2, Status = 3, Cmdline = 4, Comm = 5, Stat_ = 6, Statm = 7,
            Maps = 8, Cwd = 9, Exe = 10, ClearRefs = 11, Smaps = 12, Pagemap = 13, Mounts = 14, NetDev = 15,
            FdLink = 16, FdInfo = 17, FdInfoFile = 18, Environ = 19;
        public const int Count = 20;

        public static bool Row(int i, out string name, out int mode, out int parent)
        {
            const int File = RowTable.FileMode, Private = Stat.S_IFREG | 0x100, Link = RowTable.LinkMode;
            parent = Root;
            mode = File;
            switch (i)
            {
                case Root: name = ""; mode = RowTable.DirMode; parent = -1; return true;
                case Fd: name = "fd"; mode = Stat.S_IFDIR | 0x140; return true;   // 0500, lists open files
                case Net: name = "net"; mode = RowTable.DirMode; return true;
                case Status: name = "status"; return true;
                case Cmdline: name = "cmdline"; return true;
                case Comm: name = "comm"; return true;
                case Stat_: name = "stat"; return true;
                case Statm: name = "statm"; return true;
                case Maps: name = "maps"; return true;   // 0444 as in 2.6.29: the ptrace check is at read time
                case Cwd: name = "cwd"; mode = Link; return true;
                case Exe: name = "exe"; mode = Link; return true;
                case ClearRefs: name = "clear_refs"; mode = Stat.S_IFREG | 0x80; return true;   // 0200
                case Smaps: name = "smaps"; return true;   // 0444 too (base.c's REG("smaps", S_IRUGO))
                case Pagemap: name = "pagemap"; mode = Private; return true;
                case Mounts: name = "mounts"; return true;
                case NetDev: name = "dev"; parent = Net; return true;
                case FdLink: name = "fd"; mode = Stat.S_IFLNK; parent = -1; return true;   // fd/<n>: mode per file
                case FdInfo: name = "fdinfo"; mode = Stat.S_IFDIR | 0x140; return true;   // 0500, a file per fd
                case FdInfoFile: name = "fdinfo"; mode = Private; parent = -1; return true;   // fdinfo/<n>: 0400
                case Environ: name = "environ"; mode = Private; return true;   // 0400
            }
            name = null;
            mode = parent = 0;
            return false;
        }

        /// <summary>Rows behind the ptrace-style check (ProcAccess).</summary>
        public static bool Ptrace(int i)
        {
            switch (i)
            {
                case Fd: case Maps: case Cwd: case Exe: case ClearRefs: case Smaps: case Pagemap: case FdLink:
                case FdInfo: case FdInfoFile: case Environ: return true;
            }
            return false;
        }

        /// <summary>The ops of a file row, made for each open (they keep no state); null for the others.</summary>
        public static ProcOps NewOps(int i)
        {
            switch (i)
            {
                case Status: return new StatusOps();
                case Cmdline: return new CmdlineOps();
                case Environ: return new EnvironOps();
                case Comm: return new CommOps();
                case Stat_: return new StatOps();
                case Statm: return new StatmOps();
                case Maps: return new MapsOps();
                case ClearRefs: return new ClearRefsOps();
                case Smaps: return new SmapsOps();
                case Pagemap: return new PagemapOps();
                case Mounts: return new MountsOps();
                case NetDev: return new NetDevOps();
                case FdInfoFile: return new FdInfoOps();
            }
            return null;
        }

        /// <summary>A link row's target (after the row's access check), or null with -errno.</summary>
        public static string ReadLink(int i, ProcInode link, out int err)
        {
            switch (i)
            {
                case Cwd: return CwdLink.Target(link, out err);
                case Exe: return ExeLink.Target(link, out err);
                case FdLink: return FdDir.LinkTarget(link, out err);
            }
            err = -Errno.EINVAL;
            return null;
        }
    }
}
