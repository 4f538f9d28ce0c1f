namespace ProcNano
{
    /// <summary>System commands: help, exit, the kernel log, uname, uptime, sysctl, modules.</summary>
    public static class SystemCommands
    {
        private const string SysctlRoot = "/proc/sys/";

        public static int Help(Shell sh, string[] argv, int argc)
        {
            if (argc > 2) return sh.Usage("help");
            if (argc == 2)
            {
                int c = CommandTable.Find(argv[1]);
                if (c < 0) return sh.Complain("help", argv[1] + ": no such command");
                Shell.PrintUsage(sh.Out, c);
                return Shell.StatusOk;
            }
            string name, usage, help;
            bool own;
            for (int i = 0; i < CommandTable.Count; i++)
            {
                if (!CommandTable.Row(i, out name, out usage, out help, out own)) continue;   // a free number
                sh.Out.StrLeft(name, 10);
                sh.Out.Line(help);
            }
            sh.Out.Line("CMD -h or CMD --help shows a command's usage; ';' separates commands; > and >> redirect output.");
            return Shell.StatusOk;
        }

        public static int Exit(Shell sh, string[] argv, int argc)
        {
            if (argc > 2) return sh.Usage("exit");
            long status = sh.Status;
            if (argc == 2 && !sh.Number("exit", argv[1], out status)) return Shell.StatusError;
            int s = (int)(status & 0xff);
            sh.RequestExit(s);
            return s;
        }

        public static int Dmesg(Shell sh, string[] argv, int argc)
        {
            if (argc != 1) return sh.Usage("dmesg");
            Syscalls sys = sh.Sys;
            long pos = sys.LogStart(sh.Task), end = sys.LogEnd(sh.Task);
            while (pos < end)
            {
                int want = end - pos < sh.IoBuf.Length ? (int)(end - pos) : sh.IoBuf.Length;
                int n = sys.ReadLog(sh.Task, pos, sh.IoBuf, 0, want);
                if (n <= 0) break;
                sh.Out.Bytes(sh.IoBuf, 0, n);
                pos += n;
            }
            return Shell.StatusOk;
        }

        /// <summary>uname [-asnrvm]: -s (default) "Linux", -n the hostname (kernel.hostname), -r the release,
        /// -v the build, -m the board name; -a all, in that order.</summary>
        public static int Uname(Shell sh, string[] argv, int argc)
        {
            const int S = 1, N = 2, R = 4, V = 8, M = 16;
            int what = 0;
            for (int i = 1; i < argc; i++)
            {
                string opt = argv[i];
                if (opt.Length < 2 || opt[0] != '-') return sh.Usage("uname");
                for (int j = 1; j < opt.Length; j++)
                {
                    char c = opt[j];
                    int bit = c == 'a' ? S | N | R | V | M : c == 's' ? S : c == 'n' ? N : c == 'r' ? R : c == 'v' ? V : c == 'm' ? M : 0;
                    if (bit == 0) return sh.Usage("uname");
                    what |= bit;
                }
            }
            if (what == 0) what = S;
            var u = new Utsname();
            sh.Sys.Uname(sh.Task, u);
            bool first = true;
            if ((what & S) != 0) Field(sh.Out, u.Sysname, ref first);
            if ((what & N) != 0) Field(sh.Out, u.Nodename, ref first);
            if ((what & R) != 0) Field(sh.Out, u.Release, ref first);
            if ((what & V) != 0) Field(sh.Out, u.Version, ref first);
            if ((what & M) != 0) Field(sh.Out, u.Machine, ref first);
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        private static void Field(ShellWriter o, string s, ref bool first)
        {
            if (!first) o.Char(' ');
            o.Str(s);
            first = false;
        }

        /// <summary>" 14:03:07 up 2:05,  3 tasks" (time of day UTC; days, then h:mm, or minutes, as
        /// uptime(1) prints them). No load average: ProcNano does not measure one.</summary>
        public static int Uptime(Shell sh, string[] argv, int argc)
        {
            if (argc != 1) return sh.Usage("uptime");
            ShellWriter o = sh.Out;
            long now = sh.Sys.ClockMs(sh.Task, Syscalls.CLOCK_REALTIME) / 1000 % 86400;
            o.Char(' ');
            Two(o, now / 3600);
            o.Char(':');
            Two(o, now / 60 % 60);
            o.Char(':');
            Two(o, now % 60);
            var info = new SysInfo();
            sh.Sys.Sysinfo(sh.Task, info);
            long up = info.UptimeSeconds;
            long days = up / 86400, hours = up / 3600 % 24, mins = up / 60 % 60;
            o.Str(" up ");
            if (days > 0)
            {
                o.Dec(days);
                o.Str(days == 1 ? " day, " : " days, ");
            }
            if (hours > 0)
            {
                o.Dec(hours, 2);
                o.Char(':');
                Two(o, mins);
            }
            else
            {
                o.Dec(mins);
                o.Str(" min");
            }
            int tasks = info.Procs;
            o.Str(",  ");
            o.Dec(tasks);
            o.Line(tasks == 1 ? " task" : " tasks");
            return Shell.StatusOk;
        }

        private static void Two(ShellWriter o, long v)
        {
            if (v < 10) o.Char('0');
            o.Dec(v);
        }

        // ---- sysctl ----

        /// <summary>sysctl [-a] [-w] NAME[=VALUE]...: NAME is a path under /proc/sys with dots
        /// (vm.nr_trim_pages); reading prints "NAME = VALUE", writing stores VALUE and prints the same.</summary>
        public static int Sysctl(Shell sh, string[] argv, int argc)
        {
            int i = 1;
            bool write = false, all = false;
            for (; i < argc && argv[i].Length > 1 && argv[i][0] == '-'; i++)
            {
                if (argv[i] == "-w") write = true;
                else if (argv[i] == "-a") all = true;
                else return sh.Usage("sysctl");
            }
            if (all && i == argc) return Walk(sh, SysctlRoot, 0);
            if (i == argc) return sh.Usage("sysctl");
            int status = Shell.StatusOk;
            for (; i < argc; i++)
            {
                string arg = argv[i];
                int eq = arg.IndexOf('=');
                if (eq < 0 && write) return sh.Usage("sysctl");
                string name = eq < 0 ? arg : arg.Substring(0, eq);
                string path = SysctlRoot + Swap(name, '.', '/');
                int r = eq < 0 ? Show(sh, Swap(name, '/', '.'), path) : Store(sh, Swap(name, '/', '.'), path, arg.Substring(eq + 1));
                if (r != 0) status = Shell.StatusError;
            }
            return status;
        }

        private static int Show(Shell sh, string name, string path)
        {
            int n = ReadValue(sh, path);
            if (n < 0) return sh.Fail("sysctl", name, n);
            sh.Out.Str(name);
            sh.Out.Str(" = ");
            sh.Out.Bytes(sh.IoBuf, 0, n);
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        private static int Store(Shell sh, string name, string path, string value)
        {
            Task t = sh.Task;
            int fd = sh.Sys.Open(t, path, File.O_WRONLY | File.O_TRUNC, 0);
            if (fd < 0) return sh.Fail("sysctl", name, fd);
            int n = value.Length + 1;
            if (n > sh.IoBuf.Length)
            {
                sh.Sys.Close(t, fd);
                return sh.Fail("sysctl", name, -Errno.EINVAL);
            }
            for (int i = 0; i < value.Length; i++) sh.IoBuf[i] = (byte)value[i];
            sh.IoBuf[n - 1] = (byte)'\n';
            int w = sh.Sys.Write(t, fd, sh.IoBuf, 0, n);
            int c = sh.Sys.Close(t, fd);
            if (w < 0) return sh.Fail("sysctl", name, w);
            if (c < 0) return sh.Fail("sysctl", name, c);
            sh.Out.Str(name);
            sh.Out.Str(" = ");
            sh.Out.Line(value);
            return Shell.StatusOk;
        }

        /// <summary>Reads a small file into the shell's I/O buffer, dropping one trailing newline.
        /// Returns the byte count or -errno.</summary>
        private static int ReadValue(Shell sh, string path)
        {
            Task t = sh.Task;
            int fd = sh.Sys.Open(t, path, File.O_RDONLY, 0);
            if (fd < 0) return fd;
            int n = 0;
            while (n < sh.IoBuf.Length)
            {
                int r = sh.Sys.Read(t, fd, sh.IoBuf, n, sh.IoBuf.Length - n);
                if (r == 0) break;
                if (r < 0)
                {
                    sh.Sys.Close(t, fd);
                    return r;
                }
                n += r;
            }
            sh.Sys.Close(t, fd);
            if (n > 0 && sh.IoBuf[n - 1] == (byte)'\n') n--;
            return n;
        }

        // sysctl -a: every file under /proc/sys, depth first.
        private static int Walk(Shell sh, string dir, int depth)
        {
            Task t = sh.Task;
            int fd = sh.Sys.Open(t, dir, File.O_RDONLY | File.O_DIRECTORY, 0);
            if (fd < 0) return sh.Fail("sysctl", dir, fd);
            int status = Shell.StatusOk;
            for (int index = 0; ; index++)
            {
                string name;
                int type;
                int r = sh.Sys.ReadDir(t, fd, index, out name, out type);
                if (r <= 0) break;
                if (name == "." || name == "..") continue;
                string path = ShellArgs.Join(dir, name);
                if ((type & Stat.S_IFMT) == Stat.S_IFDIR)
                {
                    if (depth < 8 && Walk(sh, path, depth + 1) != 0) status = Shell.StatusError;
                }
                else if (Show(sh, Swap(path.Substring(SysctlRoot.Length), '/', '.'), path) != 0) status = Shell.StatusError;
            }
            sh.Sys.Close(t, fd);
            return status;
        }

        private static string Swap(string s, char from, char to)
        {
            if (s.IndexOf(from) < 0) return s;
            char[] c = s.ToCharArray();
            for (int i = 0; i < c.Length; i++) if (c[i] == from) c[i] = to;
            return new string(c);
        }

        // ---- modules ----

        public static int Insmod(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage("insmod");
            int r = sh.Sys.InitModule(sh.Task, argv[1]);
            return r < 0 ? sh.Fail("insmod", argv[1], r) : Shell.StatusOk;
        }

        public static int Rmmod(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage("rmmod");
            int r = sh.Sys.DeleteModule(sh.Task, argv[1]);
            return r < 0 ? sh.Fail("rmmod", argv[1], r) : Shell.StatusOk;
        }
    }
}
