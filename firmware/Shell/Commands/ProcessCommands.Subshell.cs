namespace ProcNano
{
    /// <summary>
    /// `unshare [-p] [-n] sh [-c COMMAND]`: a shell in new namespaces, as unshare --fork sh gives one. The
    /// kernel starts /bin/sh as a new task (pid 1 of a new pid namespace with -p); this shell object then
    /// serves the same line as that task until `exit` (or runs COMMAND once), and the task exits with the
    /// status. So `mount -t proc proc /mnt` in it mounts a procfs of the new namespace: `ls /mnt` lists only
    /// its tasks. The subshell costs its buffers (about 600 B) only while it runs.
    /// </summary>
    public static partial class ProcessCommands
    {
        /// <summary>True for the program names that mean the shell itself.</summary>
        public static bool IsShell(string path) { return path == "sh" || path == "/bin/sh"; }

        /// <summary>argv[first] is "sh"; -c COMMAND may follow.</summary>
        public static int Subshell(Shell sh, string cmd, string[] argv, int first, int argc, int flags)
        {
            string command = null;
            if (argc - first == 3 && argv[first + 1] == "-c") command = argv[first + 2];
            else if (argc - first != 1) return sh.Usage(cmd);
            string[] args = command == null ? new string[] { "/bin/sh" } : new string[] { "/bin/sh", "-c", command };
            int pid = sh.Sys.Exec(sh.Task, "/bin/sh", args, flags);
            if (pid < 0) return sh.Fail(cmd, "/bin/sh", pid);
            Task task = sh.Sys.FindTask(sh.Task, pid);
            if (task == null) return sh.Fail(cmd, -Errno.ESRCH);
            sh.Out.Flush();
            var sub = new Shell(sh.Sys, task, sh.Tty, sh.Tty.MaxLine);
            int status = command == null ? sub.ServeTty() : sub.Execute(command);
            if (task.State != Task.Dead) sh.Sys.Exit(task, status);
            return status;
        }
    }
}
