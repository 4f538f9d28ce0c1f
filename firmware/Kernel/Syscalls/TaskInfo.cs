namespace ProcNano
{
    /// <summary>One task as ps sees it (BSD's kinfo_proc): pids as the caller's namespace numbers them, the
    /// effective uid, the state letter, and the sizes /proc/&lt;pid&gt;/stat gives as vsize and rss.</summary>
    public sealed class TaskInfo
    {
        public int Pid, Ppid, Euid;
        public char State;
        public long VszBytes, RssBytes;
        /// <summary>The managed heap the task's kernel objects cost on the device, as <see cref="Footprint"/>
        /// models them: the task and its fd table, its pid, its mm and VMAs, the files its fds hold.</summary>
        public long HeapBytes;
        /// <summary>The command name (<see cref="Task.Comm"/>), made from <see cref="Cmdline"/> when asked.</summary>
        public string Comm => Cmdline == null ? "" : Cmdline.Substring(Task.CommStartIn(Cmdline), Task.CommLengthIn(Cmdline));
        /// <summary>The arguments, each followed by <see cref="Task.ArgEnd"/> (/proc/&lt;pid&gt;/cmdline prints a NUL).</summary>
        public string Cmdline;
    }
}
