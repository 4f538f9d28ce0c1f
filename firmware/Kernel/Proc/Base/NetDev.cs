namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/net/dev (and so /proc/net/dev): the interfaces of the task's net namespace in Linux's
    /// format. ProcNano has no network stack, so every counter is 0. Record 0 is the two header lines.
    /// </summary>
    public sealed class NetDevOps : SeqOps
    {
        public override int Start(SeqFile s, int index)
        {
            NetNamespace net = s.Target.NetNs;
            int n = net == null || net.Interfaces == null ? 0 : net.Interfaces.Length;
            return index <= n ? index : End;
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            if (cursor == 0)
            {
                o.Str("Inter-|   Receive                                                |  Transmit\n");
                o.Str(" face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n");
                return 0;
            }
            // "%6s:%8lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu %8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n"
            o.StrRight(s.Target.NetNs.Interfaces[cursor - 1], 6);
            o.Char(':');
            o.Dec(0, 8, ' ');
            Zero(o, 7); Zero(o, 4); Zero(o, 4); Zero(o, 4); Zero(o, 5); Zero(o, 10); Zero(o, 9);
            Zero(o, 8); Zero(o, 7); Zero(o, 4); Zero(o, 4); Zero(o, 4); Zero(o, 5); Zero(o, 7); Zero(o, 10);
            o.Char('\n');
            return 0;
        }

        private static void Zero(OutBuf o, int width)
        {
            o.Char(' ');
            o.Dec(0, width, ' ');
        }
    }
}
