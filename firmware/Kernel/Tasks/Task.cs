namespace ProcNano
{
    /// <summary>A task: one process (NOMMU has no fork; tasks are started by exec). Programs are built-in
    /// C# routines that set up their mappings and then sleep until killed.</summary>
    public sealed class Task : MmOwner
    {
        public const char Running = 'R', Sleeping = 'S', Zombie = 'Z', Dead = 'X';

        public Pid Pid;
        public Task Parent;
        /// <summary>The task's open files: the task itself (see <see cref="FdTable"/>).</summary>
        public FdTable Fds => this;
        public NetNamespace NetNs;
        /// <summary>Milliseconds since boot when the task started.</summary>
        public long StartMs;
        /// <summary>The command line: each argument followed by <see cref="ArgEnd"/> (a NUL in /proc/&lt;pid&gt;/cmdline),
        /// then, if exec gave one, <see cref="EnvMark"/> and the environment, each entry followed by ArgEnd too. One
        /// string, where an array of strings costs the device ~70 bytes more a task (and a second string for the
        /// environment 12 B of field more). The arguments end at <see cref="ArgsLength"/>.</summary>
        public string Cmdline = "";
        /// <summary>What ends each argument in <see cref="Cmdline"/>: /proc/&lt;pid&gt;/cmdline prints it as the NUL
        /// Linux shows. Not a NUL itself: nanoFramework's strings end at an embedded NUL (nanoCLR cut "init\0" to
        /// "init" and ps then dropped a character); a control byte the shell never passes on in a word.</summary>
        public const char ArgEnd = '\u0001';
        /// <summary>Between the arguments and the environment in <see cref="Cmdline"/> (a control byte no word holds).</summary>
        public const char EnvMark = '\u0002';

        /// <summary>Where the arguments end in <see cref="Cmdline"/> (its length when there is no environment).</summary>
        public int ArgsLength
        {
            get
            {
                int mark = Cmdline.IndexOf(EnvMark);
                return mark < 0 ? Cmdline.Length : mark;
            }
        }

        /// <summary>The environment exec gave the task: each "NAME=value" followed by <see cref="ArgEnd"/>
        /// (/proc/&lt;pid&gt;/environ prints NULs); null when empty. Made on each read (the shell's child imports
        /// it); /proc reads it in place, from <see cref="ArgsLength"/> + 1.</summary>
        public string Environ
        {
            get
            {
                int at = ArgsLength;
                return at == Cmdline.Length ? null : Cmdline.Substring(at + 1);
            }
            set { Cmdline = Join(Cmdline.Substring(0, ArgsLength), value); }
        }

        private static string Join(string args, string env)
        {
            return env == null || env.Length == 0 ? args : args + EnvMark + env;
        }
        /// <summary>Bytes of environment exec accepts (E2BIG past it, as Linux's exec refuses a too-big envp).</summary>
        public const int EnvironMax = 1024;

        /// <summary>Thread group id = pid number in the task's own namespace's root view.</summary>
        public override int Tgid => Pid.RootNr;

        public bool IsRoot => Euid == 0;

        /// <summary>The arguments one by one (allocates: for the loader and tests; readers walk
        /// <see cref="Cmdline"/>).</summary>
        public string[] Argv
        {
            get
            {
                string c = Cmdline;
                int n = 0, len = ArgsLength;
                for (int i = 0; i < len; i++) if (c[i] == ArgEnd) n++;
                string[] argv = new string[n];
                int start = 0;
                for (int a = 0; a < n; a++)
                {
                    int end = c.IndexOf(ArgEnd, start);
                    argv[a] = c.Substring(start, end - start);
                    start = end + 1;
                }
                return argv;
            }
            set { Cmdline = Join(JoinArgs(value), Environ); }
        }

        /// <summary>Each string followed by <see cref="ArgEnd"/> (argv for Cmdline, envp for Environ).</summary>
        public static string JoinArgs(string[] argv)
        {
            if (argv == null) return "";
            int len = 0;
            for (int a = 0; a < argv.Length; a++) len += argv[a].Length + 1;
            char[] c = new char[len];
            int at = 0;
            for (int a = 0; a < argv.Length; a++)
            {
                string s = argv[a];
                for (int i = 0; i < s.Length; i++) c[at++] = s[i];
                c[at++] = ArgEnd;
            }
            return new string(c);
        }

        // State (an ASCII letter, bits 0-7), dumpable (bit 8) and the exit code (bits 16-31) share one field.
        private int _status = Sleeping | DumpableBit;
        private const int DumpableBit = 0x100;

        /// <summary>R, S, Z or X as ps shows it.</summary>
        public char State
        {
            get { return (char)(_status & 0xFF); }
            set { _status = (_status & ~0xFF) | (value & 0xFF); }
        }

        /// <summary>Cleared when a task changes credentials (like Linux's dumpable flag); ptrace-style
        /// access by others then needs root.</summary>
        public bool Dumpable
        {
            get { return (_status & DumpableBit) != 0; }
            set { _status = value ? _status | DumpableBit : _status & ~DumpableBit; }
        }

        public int ExitCode
        {
            get { return _status >> 16; }
            set { _status = (_status & 0xFFFF) | (value << 16); }
        }

        /// <summary>The leader of the task's process group (and session). There is no setpgid/setsid here:
        /// every session the console starts (a child of init) leads one, and a task belongs to the group of the
        /// session that started it: the ancestor whose parent is an init (pid 1 of its namespace). Init leads its
        /// own; a task orphaned to init leads one from then on (Linux would keep its old pgid).</summary>
        public Task GroupLeader
        {
            get
            {
                Task p = this;
                while (p.Parent != null && p.Parent.Pid.NrIn(p.Parent.PidNs) != 1) p = p.Parent;
                return p;
            }
        }

        /// <summary>The pid namespace the task was made in: its pid's deepest.</summary>
        public PidNamespace PidNs => Pid.Ns;

        // Each id reads from the shared cred; setting one gives this task a cred of its own.
        public int Uid { get { return Cred.Uid; } set { Cred = Cred.WithUids(value, Cred.Euid, Cred.Suid, Cred.Fsuid); } }
        public int Euid { get { return Cred.Euid; } set { Cred = Cred.WithUids(Cred.Uid, value, Cred.Suid, Cred.Fsuid); } }
        public int Suid { get { return Cred.Suid; } set { Cred = Cred.WithUids(Cred.Uid, Cred.Euid, value, Cred.Fsuid); } }
        public int Fsuid { get { return Cred.Fsuid; } set { Cred = Cred.WithUids(Cred.Uid, Cred.Euid, Cred.Suid, value); } }
        public int Gid { get { return Cred.Gid; } set { Cred = Cred.WithGids(value, Cred.Egid, Cred.Sgid, Cred.Fsgid); } }
        public int Egid { get { return Cred.Egid; } set { Cred = Cred.WithGids(Cred.Gid, value, Cred.Sgid, Cred.Fsgid); } }
        public int Sgid { get { return Cred.Sgid; } set { Cred = Cred.WithGids(Cred.Gid, Cred.Egid, value, Cred.Fsgid); } }
        public int Fsgid { get { return Cred.Fsgid; } set { Cred = Cred.WithGids(Cred.Gid, Cred.Egid, Cred.Sgid, value); } }

        /// <summary>The command name as exec gives it: the base name of the first argument, at most 15
        /// characters (TASK_COMM_LEN - 1). It is a range of <see cref="Cmdline"/>, not a string of its own (36 B
        /// of the device's heap a task); /proc writes it from there (<see cref="CommStart"/>, <see cref="CommLength"/>).</summary>
        public override string Comm => Cmdline.Substring(CommStart, CommLength);

        /// <summary>Where the command name starts in <see cref="Cmdline"/>: after the first argument's last '/'.</summary>
        public int CommStart => CommStartIn(Cmdline);

        /// <summary>The command name's length in <see cref="Cmdline"/>.</summary>
        public int CommLength => CommLengthIn(Cmdline);

        /// <summary>Where the command name starts in a command line kept as <see cref="Cmdline"/> is.</summary>
        public static int CommStartIn(string cmdline)
        {
            int start = 0;
            for (int i = 0; i < cmdline.Length && cmdline[i] != ArgEnd && cmdline[i] != EnvMark; i++) if (cmdline[i] == '/') start = i + 1;
            return start;
        }

        /// <summary>The command name's length in such a command line (at most 15).</summary>
        public static int CommLengthIn(string cmdline)
        {
            int start = CommStartIn(cmdline), end = start;
            while (end < cmdline.Length && cmdline[end] != ArgEnd && cmdline[end] != EnvMark) end++;
            return end - start > 15 ? 15 : end - start;
        }
    }
}
