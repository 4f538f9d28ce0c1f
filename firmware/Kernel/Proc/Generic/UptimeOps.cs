namespace ProcNano
{
    /// <summary>
    /// /proc/uptime: "%lu.%02lu %lu.%02lu\n", seconds since boot and the summed idle time of all CPUs, both
    /// with centiseconds. ProcNano keeps no idle accounting (the runtime does not report it), so idle is 0.00.
    /// </summary>
    public sealed class UptimeOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            IPlatform p = s.K.Platform;
            long ms = p == null ? 0 : p.UptimeMs;
            Centi(o, ms);
            o.Char(' ');
            Centi(o, 0);
            o.Char('\n');
            return 0;
        }

        private static void Centi(OutBuf o, long ms)
        {
            o.Dec(ms / 1000);
            o.Char('.');
            o.Dec((ms % 1000) / 10, 2, '0');
        }
    }
}
