namespace ProcNano
{
    /// <summary>
    /// The console, getty-style: shell sessions on a tty. Each session is a /bin/sh task with its own
    /// <see cref="Shell"/> (the interpreter); the line discipline belongs to the tty and outlives sessions.
    /// </summary>
    public static class Getty
    {
        /// <summary>An interactive line discipline on the console's tty, counting its bytes in k.Uart.Stats
        /// (what /proc/driver/uart shows once the uart module is loaded).</summary>
        public static LineDiscipline ConsoleLine(Kernel k, ITty tty)
        {
            LineDiscipline ld = new LineDiscipline(tty);
            ld.Counters = k.Uart.Stats;
            return ld;
        }

        /// <summary>Starts the shell task: /bin/sh exec'd as a child of init, so the shell has text, data and a
        /// stack like any program (`cat /proc/self/maps` shows them). Without a /bin/sh (a bare test kernel)
        /// it is a task with an empty mm.</summary>
        public static Task NewShellTask(Kernel k)
        {
            lock (k.Lock)
            {
                int pid = k.Sys.Exec(k.Init, "/bin/sh", new string[] { "sh" }, 0);
                if (pid > 0) return k.Sys.FindTask(k.Init, pid);
                return k.Tasks.NewTask(k.Init, "sh", k.Init.PidNs, k.Init.NetNs);
            }
        }

        /// <summary>
        /// The shell entry point: a new "sh" task serving <paramref name="tty"/> until `exit` or until the
        /// line closes. Interactive: echo, prompt and CRLF output; otherwise (a pipe) none of these.
        /// Returns the exit status.
        /// </summary>
        public static int RunSession(Kernel k, ITty tty, bool interactive)
        {
            Task t = NewShellTask(k);
            if (t == null) return Shell.StatusError;
            LineDiscipline ld = ConsoleLine(k, tty);
            ld.Echo = interactive;
            ld.OutputCrlf = interactive;
            Shell sh = new Shell(k, t, ld);
            int status = sh.ServeTty(interactive);
            // The session is over: its task goes, as a login shell's does.
            k.Sys.Exit(t, status);
            return status;
        }

        /// <summary>
        /// The console, getty-style (the device's main loop): a new /bin/sh task per session on
        /// <paramref name="tty"/>; the first one runs <paramref name="bootScript"/> (if any) first. `exit`
        /// ends a session and its task, and a fresh shell prompts again on the same line discipline. Returns
        /// only when the tty closes, with the last session's status.
        /// </summary>
        public static int Serve(Kernel k, ITty tty, string bootScript)
        {
            string script = bootScript;
            // The line discipline belongs to the tty, not to a session: bytes already read ahead (a pasted
            // line after `exit`) go to the next shell.
            LineDiscipline ld = ConsoleLine(k, tty);
            while (true)
            {
                ld.ClearHistory();   // a new session does not walk the last one's commands
                Task t = NewShellTask(k);
                if (t == null) return Shell.StatusError;   // no pid left for a shell
                Shell sh = new Shell(k, t, ld);
                if (script != null && script.Length > 0) sh.RunBootScript(script);
                script = null;
                int status = sh.ServeTty();
                k.Sys.Exit(sh.Task, status);
                if (sh.LineClosed) return status;
            }
        }
    }
}
