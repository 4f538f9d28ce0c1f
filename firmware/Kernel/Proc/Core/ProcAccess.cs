namespace ProcNano
{
    /// <summary>
    /// The ptrace-style read check guarding another task's maps, pagemap, exe, cwd and fd/ (Linux's
    /// __ptrace_may_access in PTRACE_MODE_READ): allowed for the task itself, for root (euid 0, standing in
    /// for CAP_SYS_PTRACE), or when the reader's real uid equals the target's real, effective and saved uid,
    /// its real gid equals the target's three gids, and the target is dumpable. Files using it check at open
    /// and again at the start of every read, since a task may change credentials after the open.
    /// </summary>
    public static class ProcAccess
    {
        public static bool MayPtraceRead(Task reader, Task target)
        {
            if (target == null) return false;
            if (reader == null || reader == target) return true;
            if (reader.Euid == 0) return true;
            if (reader.Uid != target.Euid || reader.Uid != target.Suid || reader.Uid != target.Uid) return false;
            if (reader.Gid != target.Egid || reader.Gid != target.Sgid || reader.Gid != target.Gid) return false;
            return target.Dumpable;
        }

        /// <summary>The same check by pid: 0, -ESRCH once the task has exited, or -EACCES.</summary>
        public static int CheckPtraceRead(Task reader, Pid pid)
        {
            Task target = pid == null ? null : pid.Task;
            if (target == null) return -Errno.ESRCH;
            return MayPtraceRead(reader, target) ? 0 : -Errno.EACCES;
        }
    }
}
