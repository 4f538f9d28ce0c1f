namespace ProcNano
{
    /// <summary>
    /// Signal names and task lookup by name: `kill -l [SIG...]` (busybox's list, Linux's numbering on ARM and
    /// x86: " 1) HUP" ... "31) SYS"; a number prints its name, a name its number) and `pidof NAME...`.
    /// </summary>
    public static partial class ProcessCommands
    {
        // Linux's signals 1..31 in order, one string (one object on the device, not 31).
        private const string Names = "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS ";
        public const int LastNamed = 31;

        /// <summary>The name of signal <paramref name="sig"/> (1..31, without "SIG"), or null.</summary>
        public static string Name(int sig)
        {
            if (sig < 1 || sig > LastNamed) return null;
            int start = 0;
            for (int i = 1; i < sig; i++) start = Names.IndexOf(' ', start) + 1;
            return Names.Substring(start, Names.IndexOf(' ', start) - start);
        }

        /// <summary>A signal given as a number (0..NSIG) or a name with or without "SIG" (any case, as
        /// busybox); -1 if neither.</summary>
        public static int Number(string s)
        {
            long n;
            if (s.Length > 0 && s[0] >= '0' && s[0] <= '9') return ShellArgs.TryParse(s, out n) && n >= 0 && n <= Syscalls.NSIG ? (int)n : -1;
            string u = "";
            for (int i = 0; i < s.Length; i++) u += s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 32) : s[i];   // ASCII upper case
            if (u.Length > 3 && u.Substring(0, 3) == "SIG") u = u.Substring(3);
            if (u == "POLL") return 29;   // SIGPOLL is SIGIO
            for (int i = 1; i <= LastNamed; i++) if (Name(i) == u) return i;
            return -1;
        }

        /// <summary>kill -l [SIG...] (TaskCommands.Kill hands it over).</summary>
        public static int ListSignals(Shell sh, string[] argv, int argc)
        {
            ShellWriter o = sh.Out;
            if (argc == 2)
            {
                for (int i = 1; i <= LastNamed; i++)
                {
                    o.Dec(i, 2);
                    o.Str(") ");
                    o.Line(Name(i));
                }
                return Shell.StatusOk;
            }
            int status = Shell.StatusOk;
            for (int i = 2; i < argc; i++)
            {
                string a = argv[i];
                if (a.Length > 0 && a[0] >= '0' && a[0] <= '9')
                {
                    // A number asks for its name; above 128 it is an exit status, 128 + the signal (as sh).
                    long n;
                    string name = ShellArgs.TryParse(a, out n) && n >= 0 && n < 256 ? Name((int)(n > 128 ? n - 128 : n)) : null;
                    if (name != null)
                    {
                        o.Line(name);
                        continue;
                    }
                }
                else
                {
                    int sig = Number(a);
                    if (sig > 0)
                    {
                        o.Dec(sig);
                        o.Char('\n');
                        continue;
                    }
                }
                status = sh.Complain("kill", "invalid signal '" + a + "'");
            }
            return status;
        }

        /// <summary>pidof NAME...: the pids (in the shell's namespace, ascending, on one line) of the tasks whose
        /// name (comm) or argv[0], or argv[0]'s last component, is NAME. Status 1 when none is found.</summary>
        public static int Pidof(Shell sh, string[] argv, int argc)
        {
            if (argc < 2) return sh.Usage("pidof");
            var t = new TaskInfo();
            bool any = false;
            for (int next = sh.Sys.TaskAt(sh.Task, 0, t); next > 0; next = sh.Sys.TaskAt(sh.Task, next, t))
            {
                if (t.State == Task.Dead) continue;
                string arg0 = t.Cmdline;
                int end = arg0 == null ? -1 : arg0.IndexOf(Task.ArgEnd);
                arg0 = end < 0 ? "" : arg0.Substring(0, end);
                bool hit = false;
                for (int i = 1; i < argc && !hit; i++)
                    hit = argv[i] == t.Comm || argv[i] == arg0 || argv[i] == ShellArgs.BaseName(arg0);
                if (!hit) continue;
                if (any) sh.Out.Char(' ');
                sh.Out.Dec(t.Pid);
                any = true;
            }
            if (!any) return Shell.StatusError;
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }
    }
}
