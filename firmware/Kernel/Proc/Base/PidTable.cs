namespace ProcNano
{
    /// <summary>
    /// The /proc/&lt;pid&gt;/ directory as a table (Linux's tgid_base_stuff): adding a file is adding a row.
    /// Order follows Linux's. Private rows get the ptrace check at open and every read; the memory files
    /// live in Proc/Pid/.
    /// </summary>
    public static class PidTable
    {
        /// <summary>A fresh table (one per kernel; ops keep no state).</summary>
        public static PidRow Base()
        {
            PidRow[] net = new PidRow[]
            {
                PidRow.File("dev", new NetDevOps()),
            };
            PidRow[] rows = new PidRow[]
            {
                new PidRow("fd", Stat.S_IFDIR | 0x140, new FdDirOps(), true),   // 0500
                PidRow.Dir("net", net),
                PidRow.File("status", new StatusOps()),
                PidRow.File("cmdline", new CmdlineOps()),
                PidRow.File("comm", new CommOps()),
                PidRow.File("stat", new StatOps()),
                PidRow.File("statm", new StatmOps()),
                PidRow.Private("maps", new MapsOps()),
                PidRow.Link("cwd", new CwdOps()),
                PidRow.Link("exe", new ExeOps()),
                new PidRow("clear_refs", Stat.S_IFREG | 0x80, new ClearRefsOps(), true),   // 0200
                PidRow.Private("smaps", new SmapsOps()),
                PidRow.Private("pagemap", new PagemapOps()),
                PidRow.File("mounts", new MountsOps()),
            };
            return PidRow.Dir("", rows);
        }
    }
}
