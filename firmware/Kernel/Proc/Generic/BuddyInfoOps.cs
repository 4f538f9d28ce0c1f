namespace ProcNano
{
    /// <summary>
    /// /proc/buddyinfo: free blocks of each order in the one zone, as Linux's frag_show prints them:
    /// "Node %d, zone %8s " then "%6lu " per order 0 .. MAX_ORDER-1, then a newline (so the line ends in a
    /// space, as Linux's does). Fragmentation at a glance: the arena's largest possible mmap is the highest
    /// order with a non-zero count.
    /// </summary>
    public sealed class BuddyInfoOps : SingleSeqOps
    {
        public override bool KernelLocked => true;

        public const string ZoneName = "Normal";

        public override int Show(SeqFile s, OutBuf o)
        {
            IKernelView k = s.K;
            o.Str("Node 0, zone ");
            o.StrRight(ZoneName, 8);
            o.Char(' ');
            for (int order = 0; order < PageAllocator.MaxOrder; order++)
            {
                o.Dec(k.Pages.FreeBlocks(order), 6, ' ');
                o.Char(' ');
            }
            o.Char('\n');
            return 0;
        }
    }
}
