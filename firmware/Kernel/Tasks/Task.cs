namespace ProcNano
{
    /// <summary>A task: one process (NOMMU has no fork; tasks are started by exec). Programs are built-in
    /// C# routines that set up their mappings and then sleep until killed.</summary>
    public sealed class Task : MmOwner
    {
        public const char Running = 'R', Sleeping = 'S', Zombie = 'Z', Dead = 'X';

        public Pid Pid;
        public char State = Sleeping;
        public Task Parent;
        // Credentials: real, effective, saved, filesystem.
        public int Uid, Euid, Suid, Fsuid;
        public int Gid, Egid, Sgid, Fsgid;
        /// <summary>Cleared when a task changes credentials (like Linux's dumpable flag); ptrace-style
        /// access by others then needs root.</summary>
        public bool Dumpable = true;
        public FdTable Fds;
        public PidNamespace PidNs;
        public NetNamespace NetNs;
        /// <summary>Milliseconds since boot when the task started.</summary>
        public long StartMs;
        public string[] Argv;
        public string Cwd = "/";
        public int ExitCode;
        /// <summary>The built-in program routine this task runs (null for kernel-made tasks).</summary>
        public Program Program;

        /// <summary>Thread group id = pid number in the task's own namespace's root view.</summary>
        public override int Tgid => Pid.Nrs[0];

        public bool IsRoot => Euid == 0;

        public void SetComm(string name)
        {
            Comm = name.Length > 15 ? name.Substring(0, 15) : name;
        }
    }
}
