namespace ProcNano.Kernel
{
    // Task syscalls (owner: Tasks/ work).
    public sealed partial class Syscalls
    {
        public const int SIGKILL = 9, SIGTERM = 15;
        public const int CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000;

        /// <summary>Starts program file <paramref name="path"/> as a new child task of <paramref name="t"/>;
        /// returns its pid as <paramref name="t"/>'s namespace numbers it, or -errno.
        /// <paramref name="cloneFlags"/> may hold CLONE_NEWPID / CLONE_NEWNET.</summary>
        public int Exec(Task t, string path, string[] argv, int cloneFlags) { return -Errno.ENOSYS; }
        /// <summary>kill(2): SIGKILL/SIGTERM end the task; ESRCH no such pid, EPERM not allowed.</summary>
        public int Kill(Task t, int pid, int sig) { return -Errno.ENOSYS; }
        /// <summary>The task with number <paramref name="pid"/> in <paramref name="t"/>'s pid namespace, or null.</summary>
        public Task FindTask(Task t, int pid) { return null; }
        /// <summary>setuid(2)/setgid(2): root may set any id; others EPERM.</summary>
        public int Setuid(Task t, int uid) { return -Errno.ENOSYS; }
        public int Setgid(Task t, int gid) { return -Errno.ENOSYS; }
        /// <summary>pid of <paramref name="t"/> in its own namespace.</summary>
        public int Getpid(Task t) { return t.Pid.NrIn(t.PidNs); }
    }
}
