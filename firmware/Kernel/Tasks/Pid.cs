namespace ProcNano
{
    /// <summary>
    /// A process id, separate from the task: /proc inodes hold the Pid, never the Task, so an open
    /// /proc/&lt;pid&gt;/ file does not keep an exited task alive (Task becomes null, reads give ESRCH).
    /// </summary>
    public sealed class Pid
    {
        // The number in the root namespace; the numbers in every namespace from the root down (index = level)
        // only for a pid made in a child namespace: an array of one for nearly every pid cost 24 B of the
        // device's heap a task.
        private readonly int _rootNr;
        private readonly int[] _nested;
        public readonly PidNamespace[] Namespaces;
        public Task Task;

        /// <summary><paramref name="nrs"/>: the number in each namespace from the root (index 0) down to the
        /// task's own.</summary>
        public Pid(int[] nrs, PidNamespace[] namespaces)
        {
            _rootNr = nrs[0];
            _nested = nrs.Length > 1 ? nrs : null;
            Namespaces = namespaces;
        }

        /// <summary>The number in the root namespace (the tgid log lines print).</summary>
        public int RootNr => _rootNr;

        public PidNamespace Ns => Namespaces[Namespaces.Length - 1];

        /// <summary>This pid's number as <paramref name="ns"/> sees it, or 0 if it is not visible there.</summary>
        public int NrIn(PidNamespace ns)
        {
            if (ns == null || ns.Level >= Namespaces.Length) return 0;
            if (Namespaces[ns.Level] != ns) return 0;
            return ns.Level == 0 ? _rootNr : _nested[ns.Level];
        }
    }
}
