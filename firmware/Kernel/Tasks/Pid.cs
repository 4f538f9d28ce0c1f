namespace ProcNano
{
    /// <summary>
    /// A process id, separate from the task: /proc inodes hold the Pid, never the Task, so an open
    /// /proc/&lt;pid&gt;/ file does not keep an exited task alive (Task becomes null, reads give ESRCH).
    /// </summary>
    public sealed class Pid
    {
        /// <summary>Number in each namespace from the root (index 0) down to the task's own.</summary>
        public readonly int[] Nrs;
        public readonly PidNamespace[] Namespaces;
        public Task Task;

        public Pid(int[] nrs, PidNamespace[] namespaces)
        {
            Nrs = nrs;
            Namespaces = namespaces;
        }

        public PidNamespace Ns => Namespaces[Namespaces.Length - 1];

        /// <summary>This pid's number as <paramref name="ns"/> sees it, or 0 if it is not visible there.</summary>
        public int NrIn(PidNamespace ns)
        {
            if (ns == null || ns.Level >= Namespaces.Length) return 0;
            return Namespaces[ns.Level] == ns ? Nrs[ns.Level] : 0;
        }
    }
}
