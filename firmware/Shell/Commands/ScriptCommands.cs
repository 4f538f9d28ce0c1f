namespace ProcNano
{
    /// <summary>The language's builtins: variables and the environment, test, scripts, jobs.</summary>
    public static partial class ScriptCommands
    {
        /// <summary>Longest script `source` and `sh` read (one buffer for its text).</summary>
        public const int MaxScript = 4096;

        /// <summary>export [NAME[=VALUE]...]: into the environment of programs started later; alone, lists it.</summary>
        public static int Export(Shell sh, string[] argv, int argc)
        {
            if (argc == 1)
            {
                for (int i = 0; i < Shell.MaxVars; i++)
                {
                    string e = sh.EnvEntry(i);
                    if (e == null) continue;
                    int eq = e.IndexOf('=');
                    sh.Out.Str("export ");
                    sh.Out.Str(e.Substring(0, eq));
                    sh.Out.Str("='");
                    sh.Out.Str(e.Substring(eq + 1));
                    sh.Out.Line("'");
                }
                return Shell.StatusOk;
            }
            int status = Shell.StatusOk;
            for (int i = 1; i < argc; i++)
            {
                string a = argv[i];
                int eq = a.IndexOf('=');
                int nameLen = eq < 0 ? a.Length : eq;
                if (!Shell.IsName(a, nameLen))
                {
                    status = sh.Complain("export", "'" + a + "': not a valid identifier");
                    continue;
                }
                int r = sh.SetVar(a.Substring(0, nameLen), eq < 0 ? null : a.Substring(eq + 1), true);
                if (r < 0) status = sh.Complain("export", "too many variables (max " + Shell.MaxVars.ToString() + ")");
            }
            return status;
        }

        /// <summary>env: the shell's environment, NAME=value a line (what a program started now gets).</summary>
        public static int Env(Shell sh, string[] argv, int argc)
        {
            if (argc > 1) return sh.Usage("env");
            for (int i = 0; i < Shell.MaxVars; i++)
            {
                string e = sh.EnvEntry(i);
                if (e != null) sh.Out.Line(e);
            }
            return Shell.StatusOk;
        }

        public static int Unset(Shell sh, string[] argv, int argc)
        {
            for (int i = 1; i < argc; i++) sh.UnsetVar(argv[i]);
            return Shell.StatusOk;
        }

        public static int True(Shell sh, string[] argv, int argc) { return Shell.StatusOk; }

        public static int False(Shell sh, string[] argv, int argc) { return Shell.StatusError; }

        /// <summary>[ EXPR ]: test with a closing ].</summary>
        public static int Bracket(Shell sh, string[] argv, int argc)
        {
            if (argv[argc - 1] != "]")
            {
                sh.Complain("[", "missing ']'");
                return Shell.StatusSyntax;
            }
            return Eval(sh, "[", argv, 1, argc - 1);
        }

        public static int Test(Shell sh, string[] argv, int argc) { return Eval(sh, "test", argv, 1, argc); }

        /// <summary>source FILE: runs FILE's commands in this shell (its variables, its $?; exit ends the shell).</summary>
        public static int Source(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage(argv[0]);
            string text = ReadScript(sh, argv[0], argv[1]);
            if (text == null) return Shell.StatusError;
            return sh.RunScript(text);
        }

        /// <summary>sh FILE: runs FILE in a child shell task (/bin/sh with the exported variables): its own
        /// variables and $$; its status is the script's.</summary>
        public static int Sh(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage("sh");
            string text = ReadScript(sh, "sh", argv[1]);
            if (text == null) return Shell.StatusError;
            return sh.RunChild(text, argv[1]);
        }

        // The file's bytes as text (one char per byte), or null after printing why.
        private static string ReadScript(Shell sh, string cmd, string path)
        {
            int fd = sh.Sys.Open(sh.Task, path, File.O_RDONLY, 0);
            if (fd < 0)
            {
                sh.Fail(cmd, path, fd);
                return null;
            }
            string text = "";
            byte[] buf = sh.IoBuf;
            char[] chunk = new char[buf.Length];
            int err = 0;
            while (true)
            {
                int n = sh.Sys.Read(sh.Task, fd, buf, 0, buf.Length);
                if (n < 0) err = n;
                if (n <= 0) break;
                if (text.Length + n > MaxScript)
                {
                    err = -Errno.EFBIG;
                    break;
                }
                for (int i = 0; i < n; i++) chunk[i] = (char)buf[i];
                text += new string(chunk, 0, n);
            }
            sh.Sys.Close(sh.Task, fd);
            if (err == 0) return text;
            sh.Fail(cmd, path, err);
            return null;
        }

        /// <summary>wait [PID...]: waits for the background jobs (all of them, or those named) and gives the last
        /// one's status; 127 for a pid that is not a child of this shell. A job still running ends only by a
        /// signal: on a terminal wait blocks until Ctrl-C (130); in a script, where nothing could end it, it
        /// says so and gives 127 rather than hang.</summary>
        public static int Wait(Shell sh, string[] argv, int argc)
        {
            if (argc == 1)
            {
                int status = Shell.StatusOk;
                while (true)
                {
                    int code;
                    int pid = sh.Sys.Wait(sh.Task, -1, out code);
                    if (pid < 0) return status;   // ECHILD: none left
                    if (pid > 0)
                    {
                        sh.RemoveJob(pid);
                        continue;
                    }
                    status = Block(sh, -1, "");
                    if (status != Shell.StatusOk) return status;
                }
            }
            int last = Shell.StatusOk;
            for (int i = 1; i < argc; i++)
            {
                long v;
                if (!sh.Number("wait", argv[i], out v)) return Shell.StatusError;
                int pid = v > 0 && v <= int.MaxValue ? (int)v : 0;
                int code = 0;
                int r = pid == 0 ? -Errno.ECHILD : sh.Sys.Wait(sh.Task, pid, out code);
                if (r < 0)
                {
                    sh.Complain("wait", "pid " + argv[i] + " is not a child of this shell");
                    last = Shell.StatusNotFound;
                    continue;
                }
                if (r == 0) last = Block(sh, pid, argv[i]);
                else last = code;
                if (r > 0) sh.RemoveJob(pid);
            }
            return last;
        }

        // Waits for child pid (-1: any) while it runs: its status once reaped, 130 on Ctrl-C, 127 when no
        // terminal can interrupt the wait.
        private static int Block(Shell sh, int pid, string what)
        {
            while (true)
            {
                int code;
                int r = sh.Sys.Wait(sh.Task, pid, out code);
                if (r > 0)
                {
                    sh.RemoveJob(r);
                    return pid == -1 ? Shell.StatusOk : code;
                }
                if (r < 0) return Shell.StatusOk;
                if (!sh.Tty.Echo)
                {
                    sh.Complain("wait", (what.Length > 0 ? what + ": " : "") + "still running, and no terminal to interrupt the wait");
                    return Shell.StatusNotFound;
                }
                if (sh.Tty.WaitInterrupt()) return Shell.StatusInterrupted;
                return Shell.StatusNotFound;   // the line closed
            }
        }

        /// <summary>jobs: the background jobs, "[n]  Running  PID  COMMAND" or Done/Exit N once they end
        /// (reported once, then forgotten, as sh does).</summary>
        public static int Jobs(Shell sh, string[] argv, int argc)
        {
            if (argc > 1) return sh.Usage("jobs");
            ShellWriter o = sh.Out;
            for (int i = 0; i < Shell.MaxJobs; i++)
            {
                int pid = sh.JobPid(i);
                if (pid == 0) continue;
                int code;
                int r = sh.Sys.Wait(sh.Task, pid, out code);
                o.Char('[');
                o.Dec(i + 1);
                o.Str("]  ");
                if (r == 0)
                {
                    o.StrLeft("Running", 9);
                    o.Dec(pid);
                    Task t = sh.Sys.FindTask(sh.Task, pid);
                    string c = t == null ? "" : t.Cmdline;
                    int len = t == null ? 0 : t.ArgsLength;
                    o.Char(' ');
                    for (int k = 0; k < len; k++) o.Char(c[k] == Task.ArgEnd ? (k + 1 < len ? ' ' : '\n') : c[k]);
                    if (len == 0) o.Char('\n');
                    continue;
                }
                sh.RemoveJob(pid);
                if (r < 0 || code == 0) o.StrLeft("Done", 9);
                else
                {
                    o.Str("Exit ");
                    o.StrLeft(code.ToString(), 4);
                }
                o.Dec(pid);
                o.Char('\n');
            }
            return Shell.StatusOk;
        }
    }
}
