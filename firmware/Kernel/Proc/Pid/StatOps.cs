namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/stat: 2.6.29's do_task_stat line of 44 fields. pgrp and session are the task's group
    /// leader (Task.GroupLeader). Fields ProcNano has no notion of are 0 (tty, flags, faults, times, signals, wchan, cpu, policy ...); where Linux prints
    /// the same constant for every ordinary task this prints it too: tty pgrp -1 (no controlling tty), priority
    /// 20 (nice 0), rsslim unlimited (RLIM_INFINITY as a 32-bit %lu), exit signal 17 (SIGCHLD).
    /// starttime is in clock ticks (USER_HZ 100). rss counts every page the task's VMAs cover: with no MMU all
    /// of it is resident (Linux prints 0 because NOMMU never updates the counter).
    /// </summary>
    public sealed class StatOps : SingleSeqOps
    {
        public override bool KernelLocked => true;

        public const int UserHz = 100;
        public const long RlimInfinity = 4294967295L;
        public const int Sigchld = 17;

        public override int Show(SeqFile s, OutBuf o)
        {
            Task t = s.Target;
            IKernelView k = s.K;
            long vsize = 0, rss = 0;
            uint startCode = 0, endCode = 0, startStack = 0;
            Mm mm = t.Mm;
            if (mm != null)
            {
                vsize = k.Mem.VSize(mm);
                rss = k.Mem.ResidentPages(mm);   // the memory manager's rule, which ps reads too
                startCode = mm.StartCode;
                endCode = mm.EndCode;
                startStack = mm.StartStack;
            }
            o.Dec(PidFormat.Nr(t, s));                  // 1 pid
            o.Str(" (");
            o.Str(t.Cmdline, t.CommStart, t.CommLength); // 2 comm
            o.Str(") ");
            o.Char(t.State);                            // 3 state
            PidFormat.Next(o, PidFormat.Nr(t.Parent, s)); // 4 ppid
            int pgrp = PidFormat.Nr(t.GroupLeader, s);
            PidFormat.Next(o, pgrp);                    // 5 pgrp
            PidFormat.Next(o, pgrp);                    // 6 session: each group is its session's only one
            Zeros(o, 1);                                // 7 tty_nr
            PidFormat.Next(o, -1);                      // 8 tty pgrp
            Zeros(o, 9);                                // 9 flags .. 17 cstime
            PidFormat.Next(o, 20);                      // 18 priority
            PidFormat.Next(o, 0);                       // 19 nice
            PidFormat.Next(o, 1);                       // 20 num_threads
            PidFormat.Next(o, 0);                       // 21 itrealvalue
            PidFormat.Next(o, t.StartMs / (1000 / UserHz)); // 22 starttime
            PidFormat.Next(o, vsize);                   // 23 vsize
            PidFormat.Next(o, rss);                     // 24 rss
            PidFormat.Next(o, RlimInfinity);            // 25 rsslim
            PidFormat.Next(o, startCode);               // 26 startcode
            PidFormat.Next(o, endCode);                 // 27 endcode
            PidFormat.Next(o, startStack);              // 28 startstack
            Zeros(o, 9);                                // 29 kstkesp .. 37 cnswap
            PidFormat.Next(o, Sigchld);                 // 38 exit_signal
            Zeros(o, 6);                                // 39 cpu .. 44 cguest_time
            o.Char('\n');
            return 0;
        }

        private static void Zeros(OutBuf o, int n)
        {
            for (int i = 0; i < n; i++) o.Str(" 0");
        }
    }
}
