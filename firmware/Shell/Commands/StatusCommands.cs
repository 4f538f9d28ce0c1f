namespace ProcNano
{
    /// <summary>
    /// ps and free: fixed columns separated by blanks, a header line first, so a script can split them.
    /// Sizes are kB unless free -h asks for human units.
    /// </summary>
    public static class StatusCommands
    {
        private const int Col = 11;

        /// <summary>
        /// ps: "  PID  PPID USER     STAT   VSZ   RSS  HEAP COMMAND", one row per task visible in the shell's pid
        /// namespace (pids as that namespace numbers them), from the task-info syscall. STAT is the state
        /// (R running, S sleeping, Z zombie). VSZ/RSS in kB: the figures /proc/&lt;pid&gt;/stat shows (vsize
        /// bytes, rss pages), rounded up to whole kB so that with pages under 1 KiB (the ESP32 boards' 256
        /// bytes) a task holding memory never reads 0. HEAP is bytes of the device's managed heap the task's
        /// kernel objects cost (the footprint model). NuttX's STACK and PRI columns are absent: a task here has
        /// no stack or thread of its own (programs run on the console's thread) and no scheduler priority.
        /// </summary>
        public static int Ps(Shell sh, string[] argv, int argc)
        {
            if (argc != 1) return sh.Usage("ps");
            ShellWriter o = sh.Out;
            var t = new TaskInfo();
            o.Line("  PID  PPID USER     STAT   VSZ   RSS  HEAP COMMAND");
            for (int next = sh.Sys.TaskAt(sh.Task, 0, t); next > 0; next = sh.Sys.TaskAt(sh.Task, next, t))
            {
                o.Dec(t.Pid, 5);
                o.Char(' ');
                o.Dec(t.Ppid, 5);
                o.Char(' ');
                o.StrLeft(TaskCommands.UserName(t.Euid), 8);
                o.Char(' ');
                o.Char(t.State);
                o.Str("   ");
                o.Dec(KbUp(t.VszBytes), 5);
                o.Char(' ');
                o.Dec(KbUp(t.RssBytes), 5);
                o.Char(' ');
                o.Dec(t.HeapBytes, 5);
                o.Char(' ');
                CommandLine(o, t);
                o.Char('\n');
            }
            return Shell.StatusOk;
        }

        private static long KbUp(long bytes) { return (bytes + 1023) / 1024; }

        private static void CommandLine(ShellWriter o, TaskInfo t)
        {
            string c = t.Cmdline;
            if (c == null || c.Length == 0)
            {
                o.Str(t.Comm);
                return;
            }
            for (int i = 0; i < c.Length - 1; i++) o.Char(c[i] == Task.ArgEnd ? ' ' : c[i]);   // blanks between the arguments
        }

        /// <summary>
        /// free [-h]:
        /// <code>
        ///             total       used       free    largest
        /// Mem:          1024        128        896        512
        /// Heap:        81920      40960      40960          -
        /// </code>
        /// Mem is the page arena (largest = the biggest free buddy block, the largest mmap that can
        /// succeed); Heap the runtime's managed heap, where kernel objects live ('-' where unknown).
        /// kB figures are truncated as /proc/meminfo's are, and used is total - free of those figures (as
        /// procps computes it), so a row adds up even when pages are smaller than a kB.
        /// </summary>
        public static int Free(Shell sh, string[] argv, int argc)
        {
            bool human = false;
            if (argc == 2 && argv[1] == "-h") human = true;
            else if (argc != 1) return sh.Usage("free");
            var info = new SysInfo();
            sh.Sys.Sysinfo(sh.Task, info);
            long total = info.TotalRam, free = info.FreeRam, largest = info.LargestFree;
            ShellWriter o = sh.Out;
            o.Spaces(6);
            o.StrRight("total", Col);
            o.StrRight("used", Col);
            o.StrRight("free", Col);
            o.StrRight("largest", Col);
            o.Char('\n');
            Row(o, "Mem:", total, total - free, free, largest, human);
            long heapTotal = info.HeapTotal, heapFree = info.HeapFree;
            Row(o, "Heap:", heapTotal, heapTotal < 0 || heapFree < 0 ? -1 : heapTotal - heapFree, heapFree, -1, human);
            return Shell.StatusOk;
        }

        private static void Row(ShellWriter o, string label, long total, long used, long free, long largest, bool human)
        {
            if (!human && used >= 0 && total >= 0 && free >= 0) used = (total / 1024 - free / 1024) * 1024;
            o.StrLeft(label, 6);
            Cell(o, total, human);
            Cell(o, used, human);
            Cell(o, free, human);
            Cell(o, largest, human);
            o.Char('\n');
        }

        private static void Cell(ShellWriter o, long bytes, bool human)
        {
            if (bytes < 0) o.StrRight("-", Col);
            else if (human) o.StrRight(Human(bytes), Col);
            else o.Dec(bytes / 1024, Col);
        }

        /// <summary>procps free -h style: B below 1 KiB, else one decimal below 10 units ("4.0Ki"), else a
        /// whole number ("256Ki"), in powers of 1024.</summary>
        public static string Human(long bytes)
        {
            if (bytes < 1024) return bytes.ToString() + "B";
            string[] units = { "Ki", "Mi", "Gi", "Ti" };
            long unit = 1024;
            int u = 0;
            while (u < units.Length - 1 && bytes >= unit * 1024)
            {
                unit *= 1024;
                u++;
            }
            long tenths = (bytes * 10 + unit / 2) / unit;
            if (tenths < 100) return (tenths / 10).ToString() + "." + (tenths % 10).ToString() + units[u];
            return ((bytes + unit / 2) / unit).ToString() + units[u];
        }
    }
}
