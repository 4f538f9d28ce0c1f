namespace ProcNano
{
    // Task syscalls: exec, kill, credentials.
    public sealed partial class Syscalls
    {
        public const int SIGKILL = TaskAbi.SIGKILL, SIGTERM = TaskAbi.SIGTERM, NSIG = TaskAbi.NSIG;
        public const int CLONE_NEWPID = TaskAbi.CLONE_NEWPID, CLONE_NEWNET = TaskAbi.CLONE_NEWNET;

        /// <summary>Starts program file <paramref name="path"/> as a new child task of <paramref name="t"/>;
        /// returns its pid as <paramref name="t"/>'s namespace numbers it, or -errno.
        /// <paramref name="cloneFlags"/> may hold CLONE_NEWPID / CLONE_NEWNET (root only: EPERM).</summary>
        public int Exec(Task t, string path, string[] argv, int cloneFlags) { return Exec(t, path, argv, null, cloneFlags); }

        /// <summary>execve's form: as above, the new task's environment <paramref name="envp"/> ("NAME=value"
        /// each; null or empty: none). E2BIG when argv and envp together pass <see cref="Task.EnvironMax"/> bytes.</summary>
        public int Exec(Task t, string path, string[] argv, string[] envp, int cloneFlags)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                if (ArgBytes(argv) + ArgBytes(envp) > Task.EnvironMax) return -Errno.E2BIG;
                if ((cloneFlags & ~(CLONE_NEWPID | CLONE_NEWNET)) != 0) return -Errno.EINVAL;
                // New namespaces need CAP_SYS_ADMIN, which only root has here.
                if (cloneFlags != 0 && t.Euid != 0) return -Errno.EPERM;
                if (HeapLow()) return -Errno.ENOMEM;
                if (_k.Tasks.Count >= _k.Board.ThreadsMax) return -Errno.EAGAIN;
                // The kernel's own open (open_exec): MAY_EXEC only, and no fd of the caller's.
                File f;
                int e = _k.Vfs.OpenExec(t, path, out f);
                if (e < 0) return e;
                if (!_k.Mem.Emergency.Arm())
                {
                    _k.Vfs.Files.Close(f);
                    return -Errno.ENOMEM;
                }
                try
                {
                    return _k.Loader.Exec(t, f, argv, envp, cloneFlags);
                }
                finally
                {
                    _k.Mem.Emergency.Disarm();
                    _k.Vfs.Files.Close(f);
                }
            }
        }

        // Bytes the strings take with their terminators, as exec counts them against its limit.
        private static int ArgBytes(string[] a)
        {
            int n = 0;
            if (a != null) for (int i = 0; i < a.Length; i++) n += a[i] == null ? 0 : a[i].Length + 1;
            return n;
        }

        /// <summary>wait4(pid, &amp;status, WNOHANG): reaps an exited child numbered <paramref name="pid"/> (-1: any)
        /// and gives its exit code in <paramref name="code"/> (128 + signal when a signal ended it, as a shell
        /// shows it). Returns the child's pid, 0 when matching children still run, -ECHILD when there are none (and for
        /// the process-group forms, 0 and below -1: there are no process groups).
        /// Never blocks: the caller polls (programs only end by a signal or at once).</summary>
        public int Wait(Task t, int pid, out int code)
        {
            code = 0;
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                // 0 and < -1 name process groups, which no task here has: no such child.
                if (pid == 0 || pid < -1) return -Errno.ECHILD;
                return _k.Tasks.Wait(t, pid, out code);
            }
        }

        /// <summary>pid 1 of the root namespace, the parent of the console's sessions (getty is init's child).</summary>
        public Task Init => _k.Tasks.Init;

        /// <summary>A child of <paramref name="t"/> named <paramref name="comm"/> with an empty address space, as
        /// NOMMU's vfork child is before it execs: the console's shell when /bin/sh cannot start. Its pid, or
        /// -EAGAIN when no pid is left.</summary>
        public int SpawnEmpty(Task t, string comm)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                if (_k.Tasks.Count >= _k.Board.ThreadsMax) return -Errno.EAGAIN;
                Task c = _k.Tasks.NewTask(t, comm, t.PidNs, t.NetNs);
                return c == null ? -Errno.EAGAIN : c.Pid.NrIn(t.PidNs);
            }
        }

        /// <summary>kill(2) as kill_something_info: PID &gt; 0 that task; 0 the caller's process group; -1 every
        /// task of the caller's namespace but its init and the caller (0 if there was one, even if each refused
        /// with EPERM; ESRCH if none); below -1 the group -PID. A group answers 0 if one member took the signal,
        /// else the last error (ESRCH when it has none). Signal 0 only checks; others end the task (init of a
        /// namespace ignores them from inside it). EPERM not allowed, EINVAL bad signal.</summary>
        public int Kill(Task t, int pid, int sig)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                if (sig < 0 || sig > NSIG) return -Errno.EINVAL;
                if (pid > 0)
                {
                    Task target = FindTaskLocked(t, pid);
                    return target == null ? -Errno.ESRCH : Signal(t, target, sig);
                }
                if (pid == int.MinValue) return -Errno.ESRCH;
                // The members are chosen before any is signalled: an exit hands children to init and so
                // changes their group.
                TaskTable tasks = _k.Tasks;
                Task[] chosen = new Task[tasks.Count];
                int n = 0;
                Task group = pid == 0 ? t.GroupLeader : pid == -1 ? null : FindTaskLocked(t, -pid);
                if (pid < -1 && group == null) return -Errno.ESRCH;
                for (int i = 0; i < tasks.Count; i++)
                {
                    Task p = tasks[i];
                    int nr = p.Pid.NrIn(t.PidNs);
                    if (nr == 0) continue;
                    if (pid == -1 ? nr > 1 && p != t : p.GroupLeader == group) chosen[n++] = p;
                }
                if (n == 0) return -Errno.ESRCH;
                int result = pid == -1 ? 0 : -Errno.ESRCH;
                bool any = false;
                // The caller last, so that it is still alive while it signals the others.
                for (int pass = 0; pass < 2; pass++)
                    for (int i = 0; i < n; i++)
                    {
                        if ((chosen[i] == t) != (pass == 1)) continue;
                        int e = Signal(t, chosen[i], sig);
                        if (e == 0) any = true;
                        if (pid != -1 || e != -Errno.EPERM) result = e;
                    }
                return pid != -1 && any ? 0 : result;
            }
        }

        // group_send_sig_info's check and delivery: root, or a sender whose uid or euid is the target's uid or
        // saved uid (EPERM); signal 0 only checks; pid 1 of the caller's own namespace ignores signals.
        private int Signal(Task t, Task target, int sig)
        {
            if (target.State == Task.Dead) return -Errno.ESRCH;
            if (t.Euid != 0 && t.Euid != target.Uid && t.Euid != target.Suid && t.Uid != target.Uid && t.Uid != target.Suid)
                return -Errno.EPERM;
            if (sig == 0) return 0;
            if (target.Pid.NrIn(t.PidNs) == 1) return 0;
            _k.Tasks.ExitTask(target, 128 + sig);
            return 0;
        }

        /// <summary>The task with number <paramref name="pid"/> in <paramref name="t"/>'s pid namespace, or null.</summary>
        public Task FindTask(Task t, int pid)
        {
            lock (_k.Lock) return Dead(t) ? null : FindTaskLocked(t, pid);
        }

        private Task FindTaskLocked(Task t, int pid)
        {
            return pid <= 0 ? null : _k.Tasks.Find(t.PidNs, pid);
        }

        /// <summary>setuid(2): root sets all ids; others may only switch the effective id to their real or saved
        /// one (EPERM otherwise). A changed euid makes the task non-dumpable, as Linux does.</summary>
        public int Setuid(Task t, int uid)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                if (uid < 0) return -Errno.EINVAL;
                int old = t.Euid;
                if (t.Euid == 0) t.Cred = t.Cred.WithUids(uid, uid, uid, uid);
                else if (uid == t.Uid || uid == t.Suid) t.Cred = t.Cred.WithUids(t.Uid, uid, t.Suid, uid);
                else return -Errno.EPERM;
                if (old != t.Euid) t.Dumpable = false;
                return 0;
            }
        }

        public int Setgid(Task t, int gid)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                if (gid < 0) return -Errno.EINVAL;
                int old = t.Egid;
                if (t.Euid == 0) t.Cred = t.Cred.WithGids(gid, gid, gid, gid);
                else if (gid == t.Gid || gid == t.Sgid) t.Cred = t.Cred.WithGids(t.Gid, gid, t.Sgid, gid);
                else return -Errno.EPERM;
                if (old != t.Egid) t.Dumpable = false;
                return 0;
            }
        }

        /// <summary>pid of <paramref name="t"/> in its own namespace.</summary>
        public int Getpid(Task t) { return t.Pid.NrIn(t.PidNs); }

        /// <summary>sysinfo(2): uptime, memory and the number of tasks the caller's namespace sees.</summary>
        public void Sysinfo(Task t, SysInfo info)
        {
            lock (_k.Lock)
            {
                long page = _k.Board.PageSize;
                info.UptimeSeconds = _k.Platform == null ? 0 : _k.Platform.UptimeMs / 1000;
                info.TotalRam = _k.Pages.Pages * page;
                info.FreeRam = _k.Pages.FreePages * page;
                info.LargestFree = _k.Pages.LargestFreeBlock * page;
                int n = 0;
                for (int i = 0; i < _k.Tasks.Count; i++) if (_k.Tasks[i].Pid.NrIn(t.PidNs) != 0) n++;
                info.Procs = n;
                info.HeapTotal = _k.Platform == null ? -1 : _k.Platform.ManagedHeapTotal;
                info.HeapFree = _k.Platform == null ? -1 : _k.Platform.ManagedHeapFree;
            }
        }

        /// <summary>The tasks the caller's pid namespace sees, one per call, as BSD's sysctl KERN_PROC hands them
        /// to ps: fills <paramref name="info"/> with the first visible task at task-table position
        /// <paramref name="index"/> or after it and returns the position to ask for next; 0 past the last.</summary>
        public int TaskAt(Task t, int index, TaskInfo info)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                TaskTable tasks = _k.Tasks;
                PidNamespace ns = t.PidNs;
                for (int i = index < 0 ? 0 : index; i < tasks.Count; i++)
                {
                    Task p = tasks[i];
                    int pid = p.Pid.NrIn(ns);
                    if (pid == 0) continue;
                    info.Pid = pid;
                    info.Ppid = p.Parent == null ? 0 : p.Parent.Pid.NrIn(ns);
                    info.Euid = p.Euid;
                    info.State = p.State;
                    info.VszBytes = p.Mm == null ? 0 : _k.Mem.VSize(p.Mm);
                    info.RssBytes = p.Mm == null ? 0 : _k.Mem.ResidentPages(p.Mm) << _k.Mem.PageShift;
                    info.HeapBytes = HeapCost(p);
                    int args = p.ArgsLength;
                    info.Cmdline = args == p.Cmdline.Length ? p.Cmdline : p.Cmdline.Substring(0, args);
                    return i + 1;
                }
                return 0;
            }
        }

        // A task's kernel objects on the device heap (ps's HEAP): a file shared by several fds or tasks is
        // counted for each, as the fd slots that hold it are; regions are the memory manager's, not the task's.
        private static long HeapCost(Task p)
        {
            long n = Footprint.TaskBytes + Footprint.PidBytes;
            FdTable fds = p.Fds;
            if (fds != null)
            {
                n += Footprint.Array(fds.Size, 12);
                for (int fd = 0; fd < fds.Size; fd++) if (fds.Get(fd) != null) n += Footprint.FileBytes;
            }
            if (p.Mm != null) n += Footprint.MmBytes + p.Mm.Vmas.Count * Footprint.VmaBytes;
            return n;
        }

        /// <summary>Ends the calling task (exit(2)).</summary>
        public void Exit(Task t, int code)
        {
            lock (_k.Lock) _k.Tasks.ExitTask(t, code);
        }
    }
}
