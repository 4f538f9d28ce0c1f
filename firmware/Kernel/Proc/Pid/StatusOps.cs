namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/status (2.6.29 array.c + task_nommu.c): name, state, ids as the reading superblock's
    /// pid namespace numbers them, credentials, FDSize, Groups (ProcNano has no supplementary groups), the NOMMU
    /// memory lines Mem/Slack/Shared from <see cref="TaskMem"/>, then Threads. The signal, capability and
    /// context-switch lines Linux prints after Threads are left out: ProcNano has none of those.
    /// </summary>
    public sealed class StatusOps : SeqOps
    {
        // Two records (names and ids; memory), each well inside the 256-byte seq buffer, so a read never makes
        // the buffer grow.
        public override int Start(SeqFile s, int index) { return index < 2 ? index : End; }

        public override bool KernelLocked => true;

        public override int Open(ProcFile pf, Task current)
        {
            int r = base.Open(pf, current);
            if (r == 0) pf.Seq.Private = new TaskMem();   // one per open: reads allocate nothing
            return r;
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            Task t = s.Target;
            if (cursor == 1)
            {
                TaskMem tm = (TaskMem)s.Private;
                tm.Compute(s.K.Mem, t);
                PidFormat.Bytes(o, "Mem:", tm.Mem);
                PidFormat.Bytes(o, "Slack:", tm.Slack);
                PidFormat.Bytes(o, "Shared:", tm.Shared);
                PidFormat.Field(o, "Threads:", 1);
                return 0;
            }
            o.Str("Name:\t");
            Escaped(o, t.Cmdline, t.CommStart, t.CommLength);
            o.Char('\n');
            o.Str("State:\t");
            o.Str(StateName(t.State));
            o.Char('\n');
            int nr = PidFormat.Nr(t, s);
            PidFormat.Field(o, "Tgid:", nr);
            PidFormat.Field(o, "Pid:", nr);
            PidFormat.Field(o, "PPid:", PidFormat.Nr(t.Parent, s));
            PidFormat.Field(o, "TracerPid:", 0);
            Ids(o, "Uid:", t.Uid, t.Euid, t.Suid, t.Fsuid);
            Ids(o, "Gid:", t.Gid, t.Egid, t.Sgid, t.Fsgid);
            PidFormat.Field(o, "FDSize:", t.Fds == null ? 0 : t.Fds.Size);
            o.Str("Groups:\t\n");
            return 0;
        }

        /// <summary>The state names of get_task_state.</summary>
        public static string StateName(char state)
        {
            switch (state)
            {
                case 'R': return "R (running)";
                case 'S': return "S (sleeping)";
                case 'D': return "D (disk sleep)";
                case 'T': return "T (stopped)";
                case 'Z': return "Z (zombie)";
                default: return "X (dead)";
            }
        }

        private static void Ids(OutBuf o, string label, int real, int effective, int saved, int fs)
        {
            o.Str(label);
            o.Char('\t'); o.Dec(real);
            o.Char('\t'); o.Dec(effective);
            o.Char('\t'); o.Dec(saved);
            o.Char('\t'); o.Dec(fs);
            o.Char('\n');
        }

        // task_name: a backslash and a newline are escaped so that one name stays one line.
        private static void Escaped(OutBuf o, string name, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                char c = name[i];
                if (c == '\\') { o.Char('\\'); o.Char('\\'); }
                else if (c == '\n') { o.Char('\\'); o.Char('n'); }
                else o.Char(c);
            }
        }
    }
}
