
namespace ProcNano
{
    /// <summary>Every live task, in creation order, and the pid namespace tree's root; making a task (fork's
    /// bookkeeping) and tearing one down (do_exit) happen here.</summary>
    public sealed class TaskTable : IMountUsers, ISlabSource
    {
        public readonly PidNamespace RootNs;
        public readonly NetNamespace RootNet;
        public readonly RefList All = new RefList();
        private int _nextNetId = 1;
        private readonly object _lock;
        private readonly MemoryManager _mem;
        private readonly FileTable _files;
        private readonly IPlatform _platform;
        /// <summary>pid 1, once made: orphans are handed to it.</summary>
        public Task Init;
        /// <summary>Exited children whose parent has not waited yet (zombies), oldest first, at most
        /// <see cref="MaxZombies"/>: only their exit code is kept (not listed by ps, pid number freed).</summary>
        public RefList Zombies;   // made at the first zombie: the boot demo's tasks never exit
        public const int MaxZombies = 4;   // each keeps its task object (~180 B of the device heap)

        /// <summary><paramref name="kernelLock"/> is the big kernel lock NewTask and ExitTask take.</summary>
        public TaskTable(int pidMax, string[] interfaces, object kernelLock, MemoryManager mem, FileTable files, IPlatform platform)
        {
            _lock = kernelLock;
            _mem = mem;
            _files = files;
            _platform = platform;
            RootNs = new PidNamespace(null, pidMax);
            RootNet = new NetNamespace(_nextNetId++, interfaces);
        }

        public int Count => All.Count;
        public Task this[int i] => (Task)All[i];

        public NetNamespace NewNet() { return new NetNamespace(_nextNetId++, new string[] { "lo" }); }

        /// <summary>A pid numbered in <paramref name="ns"/> and every ancestor; null (-EAGAIN) when full.</summary>
        public Pid AllocPid(PidNamespace ns)
        {
            int[] nrs = new int[ns.Level + 1];
            PidNamespace[] nss = ns.Chain;
            for (PidNamespace p = ns; p != null; p = p.Parent)
            {
                int nr = p.AllocNr();
                if (nr < 0) return null;
                nrs[p.Level] = nr;
            }
            Pid pid = new Pid(nrs, nss);
            try
            {
                for (int i = 0; i < nss.Length; i++) nss[i].AddPid(pid);
            }
            catch (System.OutOfMemoryException)
            {
                FreePid(pid);   // a list that could not grow: the number is in no namespace half-way
                return null;
            }
            return pid;
        }

        /// <summary>Detaches the pid from its task and from every namespace (the Pid object itself lives on
        /// while /proc inodes hold it).</summary>
        public void FreePid(Pid pid)
        {
            pid.Task = null;
            for (int i = 0; i < pid.Namespaces.Length; i++) pid.Namespaces[i].RemovePid(pid);
        }

        public const int SlabMms = 0, SlabTasks = 1, SlabPids = 2;

        /// <summary>Tasks, pids and mms are made one at a time: allocated = in use. Every live pid is numbered
        /// in the root namespace, so its list holds them all.</summary>
        public int SlabObjects(int kind, bool allocated)
        {
            if (kind == SlabTasks) return All.Count + ZombieCount;   // a zombie's task object lives until it is waited for
            if (kind == SlabPids) return RootNs.Pids.Count;
            return MmCount();
        }

        /// <summary>Distinct address spaces among the tasks (tasks may share one).</summary>
        public int MmCount()
        {
            int n = 0;
            for (int i = 0; i < Count; i++)
            {
                Mm mm = this[i].Mm;
                if (mm == null) continue;
                bool seen = false;
                for (int j = 0; j < i && !seen; j++) seen = this[j].Mm == mm;
                if (!seen) n++;
            }
            return n;
        }

        public bool HasCwdUnder(string point)
        {
            string inside = point + "/";
            for (int i = 0; i < Count; i++)
            {
                string cwd = this[i].Cwd;
                if (cwd == point || (cwd != null && cwd.StartsWith(inside))) return true;
            }
            return false;
        }

        /// <summary>A fresh task with an empty mm and fd table, credentials copied from the parent
        /// (root for init). Returns null if no pid is free. Takes the kernel lock.</summary>
        public Task NewTask(Task parent, string name, PidNamespace ns, NetNamespace net)
        {
            LockOrder.Check(_lock, LockOrder.KernelRank); lock (_lock)
            {
                Pid pid = AllocPid(ns);
                if (pid == null) return null;
                try
                {
                    return NewTaskOn(pid, parent, name, ns, net);
                }
                catch (System.OutOfMemoryException)
                {
                    _mem.Emergency.Release();
                    // The heap ran out half-way: no half-made task may stay behind in ps.
                    if (pid.Task != null) All.Remove(pid.Task);
                    FreePid(pid);
                    return null;
                }
            }
        }

        private Task NewTaskOn(Pid pid, Task parent, string name, PidNamespace ns, NetNamespace net)
        {
            Task t = new Task();
            t.Pid = pid;
            pid.Task = t;
            t.Parent = parent;
            if (parent != null)
            {
                t.Cred = parent.Cred;
                t.Cwd = parent.Cwd;
            }
            t.NetNs = net;
            t.Mm = new Mm();
            t.StartMs = _platform == null ? 0 : _platform.UptimeMs;
            t.Cmdline = name + Task.ArgEnd;
            All.Add(t);
            if (Init == null) Init = t;
            return t;
        }

        /// <summary>
        /// do_exit: closes the task's files, tears down its mm (regions whose usage reaches 0 are freed),
        /// hands its children to init, and detaches its pid, so open /proc/&lt;pid&gt; files read ESRCH. A task
        /// whose parent may wait (not an init) stays in <see cref="Zombies"/> for its exit code until
        /// <see cref="Wait"/> reaps it (not listed, pid number freed); others are reaped at once.
        /// If the task is the init of a child pid namespace, every task of that namespace goes first.
        /// Takes the kernel lock.
        /// </summary>
        public void ExitTask(Task t, int code)
        {
            LockOrder.Check(_lock, LockOrder.KernelRank); lock (_lock) ExitTaskLocked(t, code);
        }

        private void ExitTaskLocked(Task t, int code)
        {
            if (t.State == Task.Dead) return;
            if (t.PidNs.Level > 0 && t.Pid.NrIn(t.PidNs) == 1) KillNamespace(t.PidNs, t);
            t.ExitCode = code;
            for (int fd = 0; fd < t.Fds.Size; fd++)
            {
                File f = t.Fds.Remove(fd);
                if (f != null) _files.Close(f);
            }
            _mem.ExitMmap(t);
            for (int i = 0; i < Count; i++)
            {
                Task c = this[i];
                if (c.Parent == t) c.Parent = Init;
            }
            t.State = Task.Dead;
            All.Remove(t);
            FreePid(t.Pid);
            t.Mm = null;
            DropZombies(t);
            // A parent that may wait keeps the exit code (wait4); an init reaps at once, as Linux's does.
            Task p = t.Parent;
            if (p != null && p.State != Task.Dead && p.Pid.NrIn(p.PidNs) != 1)
            {
                try
                {
                    if (Zombies == null) Zombies = new RefList();
                    if (Zombies.Count >= MaxZombies) ((Task)Zombies[0]).Parent = null;
                    if (Zombies.Count >= MaxZombies) Zombies.RemoveAt(0);
                    Zombies.Add(t);
                }
                catch (System.OutOfMemoryException)
                {
                    _mem.Emergency.Release();
                    t.Parent = null;   // no heap to keep it: reaped now, its exit code lost (wait: ECHILD)
                }
            }
            else t.Parent = null;
        }

        /// <summary>Exited children not waited for yet.</summary>
        public int ZombieCount => Zombies == null ? 0 : Zombies.Count;

        // An exiting task's own unwaited children go with it (init would reap them).
        private void DropZombies(Task parent)
        {
            for (int i = ZombieCount - 1; i >= 0; i--)
            {
                Task z = (Task)Zombies[i];
                if (z.Parent != parent) continue;
                z.Parent = null;
                Zombies.RemoveAt(i);
            }
        }

        /// <summary>
        /// wait4 without blocking (WNOHANG; the kernel has no scheduler to sleep on): reaps an exited child of
        /// <paramref name="parent"/> numbered <paramref name="pid"/> in its namespace (-1: any), giving its exit
        /// code. Returns the child's pid, 0 when such children live but none has exited, -ECHILD when none.
        /// </summary>
        public int Wait(Task parent, int pid, out int code)
        {
            code = 0;
            PidNamespace ns = parent.PidNs;
            for (int i = 0; i < ZombieCount; i++)
            {
                Task z = (Task)Zombies[i];
                int nr = z.Pid.NrIn(ns);
                if (z.Parent != parent || (pid != -1 && nr != pid)) continue;
                Zombies.RemoveAt(i);
                z.Parent = null;
                code = z.ExitCode & 0xff;
                return nr;
            }
            for (int i = 0; i < Count; i++)
            {
                Task c = this[i];
                if (c.Parent == parent && (pid == -1 || c.Pid.NrIn(ns) == pid)) return 0;
            }
            return -Errno.ECHILD;
        }

        private void KillNamespace(PidNamespace ns, Task reaper)
        {
            for (int i = Count - 1; i >= 0; i--)
            {
                if (i >= Count) continue;
                Task c = this[i];
                if (c != reaper && c.Pid.NrIn(ns) != 0) ExitTaskLocked(c, 128 + TaskAbi.SIGKILL);
            }
        }

        /// <summary>The task numbered <paramref name="nr"/> in <paramref name="ns"/>, or null.</summary>
        public Task Find(PidNamespace ns, int nr)
        {
            Pid p = ns.Find(nr);
            return p == null ? null : p.Task;
        }
    }
}
