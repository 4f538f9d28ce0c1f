using System.Collections;

namespace ProcNano
{
    /// <summary>Every live task, in creation order, and the pid namespace tree's root.</summary>
    public sealed class TaskTable
    {
        public readonly PidNamespace RootNs;
        public readonly NetNamespace RootNet;
        public readonly ArrayList All = new ArrayList();
        private int _nextNetId = 1;

        public TaskTable(int pidMax, string[] interfaces)
        {
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
            PidNamespace[] nss = new PidNamespace[ns.Level + 1];
            for (PidNamespace p = ns; p != null; p = p.Parent)
            {
                int nr = p.AllocNr();
                if (nr < 0) return null;
                nrs[p.Level] = nr;
                nss[p.Level] = p;
            }
            Pid pid = new Pid(nrs, nss);
            for (int i = 0; i < nss.Length; i++) nss[i].Pids.Add(pid);
            return pid;
        }

        /// <summary>Detaches the pid from its task and from every namespace (the Pid object itself lives on
        /// while /proc inodes hold it).</summary>
        public void FreePid(Pid pid)
        {
            pid.Task = null;
            for (int i = 0; i < pid.Namespaces.Length; i++) pid.Namespaces[i].Pids.Remove(pid);
        }

        /// <summary>The task numbered <paramref name="nr"/> in <paramref name="ns"/>, or null.</summary>
        public Task Find(PidNamespace ns, int nr)
        {
            Pid p = ns.Find(nr);
            return p == null ? null : p.Task;
        }
    }
}
