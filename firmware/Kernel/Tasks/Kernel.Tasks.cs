namespace ProcNano
{
    public sealed partial class Kernel
    {
        public TaskTable Tasks;
        public Syscalls Sys;
        /// <summary>pid 1.</summary>
        public Task Init;
        public Loader Loader;

        partial void BootTasks()
        {
            Tasks = new TaskTable(Board.PidMax, new string[] { "lo", "eth0" });
            Sys = new Syscalls(this);
            Loader = new Loader(this);
            Init = NewTask(null, "init", Tasks.RootNs, Tasks.RootNet);
        }

        /// <summary>A fresh task with an empty mm and fd table, credentials copied from the parent
        /// (root for init). Returns null if no pid is free. Takes <see cref="Lock"/>.</summary>
        public Task NewTask(Task parent, string name, PidNamespace ns, NetNamespace net)
        {
            lock (Lock) return NewTaskLocked(parent, name, ns, net);
        }

        private Task NewTaskLocked(Task parent, string name, PidNamespace ns, NetNamespace net)
        {
            Pid pid = Tasks.AllocPid(ns);
            if (pid == null) return null;
            Task t = new Task();
            t.Pid = pid;
            pid.Task = t;
            t.SetComm(name);
            t.Parent = parent;
            if (parent != null)
            {
                t.Uid = parent.Uid; t.Euid = parent.Euid; t.Suid = parent.Suid; t.Fsuid = parent.Fsuid;
                t.Gid = parent.Gid; t.Egid = parent.Egid; t.Sgid = parent.Sgid; t.Fsgid = parent.Fsgid;
                t.Cwd = parent.Cwd;
            }
            t.PidNs = ns;
            t.NetNs = net;
            t.Mm = new Mm();
            t.Fds = new FdTable(4);
            t.StartMs = Platform == null ? 0 : Platform.UptimeMs;
            t.Argv = new string[] { name };
            Tasks.All.Add(t);
            return t;
        }
    }
}
