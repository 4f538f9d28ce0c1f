namespace ProcNano
{
    /// <summary>
    /// The /proc/&lt;pid&gt;/ directory as a table (Linux's tgid_base_stuff): adding a file is adding a row.
    /// Order follows Linux's. Rows still to come from the memory manager and VFS (status, stat, statm, maps,
    /// smaps, pagemap, clear_refs, exe, mounts) slot in here, e.g.
    /// <c>PidRow.File("status", new StatusOps())</c> or <c>PidRow.Private("maps", new MapsOps())</c>
    /// (Private rows get the ptrace check at open and every read).
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
                PidRow.File("cmdline", new CmdlineOps()),
                PidRow.File("comm", new CommOps()),
                PidRow.Link("cwd", new CwdOps()),
                PidRow.File("mounts", new MountsOps()),
            };
            return PidRow.Dir("", rows);
        }
    }
}
