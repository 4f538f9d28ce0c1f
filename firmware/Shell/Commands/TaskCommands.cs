namespace ProcNano
{
    /// <summary>Task commands: start programs, signal them, change the shell's credentials.</summary>
    public static class TaskCommands
    {
        public static int Exec(Shell sh, string[] argv, int argc)
        {
            if (argc < 2) return sh.Usage("exec");
            return Start(sh, "exec", argv, 1, argc, 0);
        }

        public static int Unshare(Shell sh, string[] argv, int argc)
        {
            int flags = 0, i = 1;
            for (; i < argc && argv[i].Length > 1 && argv[i][0] == '-'; i++)
            {
                string opt = argv[i];
                for (int j = 1; j < opt.Length; j++)
                {
                    if (opt[j] == 'p') flags |= Syscalls.CLONE_NEWPID;
                    else if (opt[j] == 'n') flags |= Syscalls.CLONE_NEWNET;
                    else return sh.Usage("unshare");
                }
            }
            if (i >= argc) return sh.Usage("unshare");
            if (ProcessCommands.IsShell(argv[i])) return ProcessCommands.Subshell(sh, "unshare", argv, i, argc, flags);
            return Start(sh, "unshare", argv, i, argc, flags);
        }

        // argv[first] is the program path and also the new task's argv[0].
        private static int Start(Shell sh, string cmd, string[] argv, int first, int argc, int flags)
        {
            string[] args = new string[argc - first];
            for (int i = 0; i < args.Length; i++) args[i] = argv[first + i];
            int pid = sh.Sys.Exec(sh.Task, args[0], args, sh.Environment(), flags);
            if (pid < 0) return sh.Fail(cmd, args[0], pid);
            if (sh.Background)
            {
                // CMD &: a job, "[n] pid" as sh prints it (n 0 when the job table is full).
                sh.Out.Char('[');
                sh.Out.Dec(sh.AddJob(pid));
                sh.Out.Str("] ");
            }
            sh.Out.Dec(pid);
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        public static int Kill(Shell sh, string[] argv, int argc)
        {
            if (argc > 1 && argv[1] == "-l") return ProcessCommands.ListSignals(sh, argv, argc);
            int sig = Syscalls.SIGTERM, i = 1;
            if (argc > 1 && argv[1].Length > 1 && argv[1][0] == '-' && argv[1] != "--")
            {
                sig = Signal(argv[1].Substring(1));
                if (sig < 0) return sh.Complain("kill", "invalid signal '" + argv[1].Substring(1) + "'");
                i = 2;
            }
            if (i < argc && argv[i] == "--") i++;   // "kill -- -1": what follows is a pid, not a signal
            if (i >= argc) return sh.Usage("kill");
            int status = Shell.StatusOk;
            for (; i < argc; i++)
            {
                long pid;
                if (!sh.Number("kill", argv[i], out pid) || pid < int.MinValue || pid > int.MaxValue)
                {
                    status = Shell.StatusError;
                    continue;
                }
                int r = sh.Sys.Kill(sh.Task, (int)pid, sig);
                if (r < 0) status = sh.Fail("kill", argv[i], r);
            }
            return status;
        }

        // -9, -KILL, -SIGKILL, -kill: the names and numbers kill -l lists.
        private static int Signal(string s) { return ProcessCommands.Number(s); }

        /// <summary>su [UID]: the shell itself takes uid (and gid) UID, as setuid/setgid allow: root may
        /// become anyone; a non-root shell gets EPERM. Gid is set first while the shell still may.</summary>
        public static int Su(Shell sh, string[] argv, int argc)
        {
            if (argc > 2) return sh.Usage("su");
            long id = 0;
            if (argc == 2 && !sh.Number("su", argv[1], out id)) return Shell.StatusError;
            if (id < 0 || id > int.MaxValue) return sh.Fail("su", argv[1], -Errno.EINVAL);
            Task t = sh.Task;
            int r;
            if (id == 0)
            {
                r = sh.Sys.Setuid(t, 0);
                if (r == 0) r = sh.Sys.Setgid(t, 0);
            }
            else
            {
                r = sh.Sys.Setgid(t, (int)id);
                if (r == 0) r = sh.Sys.Setuid(t, (int)id);
            }
            return r < 0 ? sh.Fail("su", r) : Shell.StatusOk;
        }

        public static int Id(Shell sh, string[] argv, int argc)
        {
            Task t = sh.Task;
            ShellWriter o = sh.Out;
            IdPart(o, "uid=", t.Uid);
            IdPart(o, " gid=", t.Gid);
            if (t.Euid != t.Uid) IdPart(o, " euid=", t.Euid);
            if (t.Egid != t.Gid) IdPart(o, " egid=", t.Egid);
            o.Char('\n');
            return Shell.StatusOk;
        }

        private static void IdPart(ShellWriter o, string label, int id)
        {
            o.Str(label);
            o.Dec(id);
            if (id == 0) o.Str("(root)");
        }

        /// <summary>The name shown for a uid or gid: "root" for 0, else the number (there is no passwd).</summary>
        public static string UserName(int id) { return id == 0 ? "root" : id.ToString(); }
    }
}
