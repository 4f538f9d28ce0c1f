namespace ProcNano
{
    /// <summary>
    /// The console, getty-style: shell sessions on a tty. Each session is a /bin/sh task with its own
    /// <see cref="Shell"/> (the interpreter); the line discipline belongs to the tty and outlives sessions.
    /// Like every part of the shell it reaches the kernel through the syscalls only.
    /// </summary>
    public static class Getty
    {
        /// <summary>An interactive line discipline on the console's tty, counting its bytes in
        /// <paramref name="counters"/> (the uart driver's: what /proc/driver/uart shows once it is loaded).</summary>
        public static LineDiscipline ConsoleLine(UartStats counters, ITty tty)
        {
            LineDiscipline ld = new LineDiscipline(tty);
            ld.Counters = counters;
            return ld;
        }

        /// <summary>Starts the shell task: /bin/sh exec'd as a child of init, so the shell has text, data and a
        /// stack like any program (`cat /proc/self/maps` shows them). Without a /bin/sh (a bare test kernel)
        /// it is a task with an empty mm. Null when no pid is left.</summary>
        public static Task NewShellTask(Syscalls sys)
        {
            Task init = sys.Init;
            int pid = sys.Exec(init, "/bin/sh", new string[] { "sh" }, 0);
            if (pid < 0) pid = sys.SpawnEmpty(init, "sh");
            return pid > 0 ? sys.FindTask(init, pid) : null;
        }

        /// <summary>
        /// The shell entry point: a new "sh" task serving <paramref name="tty"/> until `exit` or until the
        /// line closes. Interactive: echo, prompt and CRLF output; otherwise (a pipe) none of these.
        /// Returns the exit status.
        /// </summary>
        public static int RunSession(Syscalls sys, UartStats counters, ITty tty, bool interactive)
        {
            Task t = NewShellTask(sys);
            if (t == null) return Shell.StatusError;
            LineDiscipline ld = ConsoleLine(counters, tty);
            ld.Echo = interactive;
            ld.OutputCrlf = interactive;
            Shell sh = new Shell(sys, t, ld);
            int status = sh.ServeTty(interactive);
            // The session is over: its task goes, as a login shell's does.
            sys.Exit(t, status);
            return status;
        }

        /// <summary>
        /// The console, getty-style (the device's main loop): a new /bin/sh task per session on
        /// <paramref name="tty"/>; the first one runs <paramref name="bootScript"/> (if any) first. `exit`
        /// ends a session and its task, and a fresh shell prompts again on the same line discipline. Returns
        /// only when the tty closes, with the last session's status.
        /// </summary>
        public static int Serve(Syscalls sys, UartStats counters, ITty tty, string bootScript)
        {
            string script = bootScript;
            // The line discipline belongs to the tty, not to a session: bytes already read ahead (a pasted
            // line after `exit`) go to the next shell.
            LineDiscipline ld = ConsoleLine(counters, tty);
            while (true)
            {
                ld.ClearHistory();   // a new session does not walk the last one's commands
                Task t = NewShellTask(sys);
                if (t == null) return Shell.StatusError;   // no pid left for a shell
                Shell sh = new Shell(sys, t, ld);
                if (script != null && script.Length > 0) sh.RunBootScript(script);
                script = null;
                int status = sh.ServeTty();
                sys.Exit(sh.Task, status);
                if (sh.LineClosed) return status;
            }
        }
    }
}
