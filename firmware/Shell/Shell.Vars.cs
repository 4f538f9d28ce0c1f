namespace ProcNano
{
    // Shell variables and jobs: fixed slots, made on first use (a shell that never sets one pays nothing).
    public sealed partial class Shell
    {
        /// <summary>Variables one shell holds; one more is "too many variables".</summary>
        public const int MaxVars = 16;
        /// <summary>Background jobs one shell tracks at once.</summary>
        public const int MaxJobs = 8;

        // "NAME=value" per slot (null: free).
        private string[] _vars;
        // Pids of the background jobs (0: free slot), then the last one started ($!), then the exported
        // variables' slots as bits (bit i: slot i is in the environment of programs). Two fields, not four.
        private int[] _jobs;
        private int _exported
        {
            get { return _jobs == null ? 0 : _jobs[MaxJobs + 1]; }
            set
            {
                if (_jobs == null && value == 0) return;
                if (_jobs == null) _jobs = new int[MaxJobs + 2];
                _jobs[MaxJobs + 1] = value;
            }
        }

        /// <summary>A variable's value, null when unset: $?, $$, $! or a NAME from a line's bytes.</summary>
        public string VarValue(byte[] line, int start, int n)
        {
            if (n == 1)
            {
                byte c = line[start];
                if (c == (byte)'?') return _status.ToString();
                if (c == (byte)'$') return _sys.Getpid(_task).ToString();
                if (c == (byte)'!') return _jobs == null || _jobs[MaxJobs] == 0 ? "" : _jobs[MaxJobs].ToString();
            }
            int i = Slot(line, start, n);
            if (i < 0) return null;
            string v = _vars[i];
            return v.Substring(n + 1);
        }

        /// <summary>The value of <paramref name="name"/>, null when unset.</summary>
        public string Var(string name)
        {
            int i = Slot(name);
            return i < 0 ? null : _vars[i].Substring(name.Length + 1);
        }

        /// <summary>Sets NAME to value (and exports it when <paramref name="export"/>). -ENOMEM when every
        /// slot is taken.</summary>
        public int SetVar(string name, string value, bool export)
        {
            int i = Slot(name);
            if (i < 0)
            {
                if (_vars == null) _vars = new string[MaxVars];
                for (i = 0; i < MaxVars && _vars[i] != null; i++) { }
                if (i == MaxVars) return -Errno.ENOMEM;
                _exported &= ~(1 << i);
            }
            if (value != null) _vars[i] = name + "=" + value;
            else if (_vars[i] == null) _vars[i] = name + "=";
            if (export) _exported |= 1 << i;
            return 0;
        }

        /// <summary>Removes NAME (unset).</summary>
        public void UnsetVar(string name)
        {
            int i = Slot(name);
            if (i < 0) return;
            _vars[i] = null;
            _exported &= ~(1 << i);
        }

        /// <summary>Slot <paramref name="i"/>'s "NAME=value" when it is exported (the environment), else null.</summary>
        public string EnvEntry(int i)
        {
            return _vars != null && i < MaxVars && (_exported & (1 << i)) != 0 ? _vars[i] : null;
        }

        /// <summary>The environment a program gets: the exported variables, or null when none.</summary>
        public string[] Environment()
        {
            int n = 0;
            for (int i = 0; i < MaxVars; i++) if (EnvEntry(i) != null) n++;
            if (n == 0) return null;
            string[] env = new string[n];
            n = 0;
            for (int i = 0; i < MaxVars; i++) if (EnvEntry(i) != null) env[n++] = EnvEntry(i);
            return env;
        }

        /// <summary>True for a valid variable name.</summary>
        public static bool IsName(string s, int len)
        {
            if (len <= 0) return false;
            for (int i = 0; i < len; i++) if (!ShellLexer.IsNameChar((byte)s[i], i == 0)) return false;
            return true;
        }

        private int Slot(string name)
        {
            if (_vars == null) return -1;
            for (int i = 0; i < MaxVars; i++)
            {
                string v = _vars[i];
                if (v != null && v.Length > name.Length && v[name.Length] == '=' && v.StartsWith(name)) return i;
            }
            return -1;
        }

        private int Slot(byte[] line, int start, int n)
        {
            if (_vars == null) return -1;
            for (int i = 0; i < MaxVars; i++)
            {
                string v = _vars[i];
                if (v == null || v.Length <= n || v[n] != '=') continue;
                int k = 0;
                while (k < n && v[k] == (char)line[start + k]) k++;
                if (k == n) return i;
            }
            return -1;
        }

        /// <summary>Job slot <paramref name="i"/>'s pid, 0 when free.</summary>
        public int JobPid(int i) { return _jobs == null || i >= MaxJobs ? 0 : _jobs[i]; }

        /// <summary>Records a background job; returns its job number (1-based), or 0 when the table is full
        /// (the program still runs; `wait` still reaps it).</summary>
        public int AddJob(int pid)
        {
            if (_jobs == null) _jobs = new int[MaxJobs + 2];
            _jobs[MaxJobs] = pid;
            for (int i = 0; i < MaxJobs; i++)
            {
                if (_jobs[i] != 0) continue;
                _jobs[i] = pid;
                return i + 1;
            }
            return 0;
        }

        /// <summary>Forgets job <paramref name="pid"/> (it was reaped).</summary>
        public void RemoveJob(int pid)
        {
            if (_jobs == null) return;
            for (int i = 0; i < MaxJobs; i++) if (_jobs[i] == pid) _jobs[i] = 0;
        }

        /// <summary>sh FILE: <paramref name="text"/> runs in a child shell task (/bin/sh FILE, with the exported
        /// variables as its environment and imported as its own), writing where this shell writes. Returns
        /// its status; the child is reaped.</summary>
        public int RunChild(string text, string path)
        {
            int pid = _sys.Exec(_task, "/bin/sh", new string[] { "sh", path }, Environment(), 0);
            if (pid == -Errno.ENOENT) pid = _sys.SpawnEmpty(_task, "sh");   // a kernel without /bin/sh
            if (pid < 0) return Fail("sh", pid);
            Task child = _sys.FindTask(_task, pid);
            if (child == null) return Fail("sh", -Errno.ESRCH);
            Shell c = new Shell(this, child);
            int status = c.RunScript(text);
            if (child.State == Task.Dead) status = child.ExitCode & 0xff;
            _sys.Exit(child, status);
            int code;
            _sys.Wait(_task, pid, out code);
            return status;
        }

        // A child shell: its own variables (the environment imported), this shell's writers and tty.
        private Shell(Shell parent, Task child) : this(parent._sys, child, parent._ld, parent._lex.MaxLine)
        {
            Out = parent.Out;
            Err = parent.Err;
            _logPrefix = parent._logPrefix;
            string env = child.Environ;
            int start = 0;
            while (env != null && start < env.Length)
            {
                int end = env.IndexOf(Task.ArgEnd, start);
                if (end < 0) end = env.Length;
                int eq = env.IndexOf('=', start);
                if (eq > start && eq < end) SetVar(env.Substring(start, eq - start), env.Substring(eq + 1, end - eq - 1), true);
                start = end + 1;
            }
        }
    }
}
