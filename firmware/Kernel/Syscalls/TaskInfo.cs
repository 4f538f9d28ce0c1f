namespace ProcNano
{
    /// <summary>One task as ps sees it (BSD's kinfo_proc): pids as the caller's namespace numbers them, the
    /// effective uid, the state letter, and the sizes /proc/&lt;pid&gt;/stat gives as vsize and rss.</summary>
    public sealed class TaskInfo
    {
        public int Pid, Ppid, Euid;
        public char State;
        public long VszBytes, RssBytes;
        public string Comm;
        /// <summary>The arguments, each followed by <see cref="Task.ArgEnd"/> (/proc/&lt;pid&gt;/cmdline prints a NUL).</summary>
        public string Cmdline;
    }
}
