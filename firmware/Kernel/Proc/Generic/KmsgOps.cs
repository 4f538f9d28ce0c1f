namespace ProcNano
{
    /// <summary>
    /// /proc/kmsg: the kernel log ring for root only (EACCES otherwise, as the syslog check refuses). Each open
    /// reads from its own position, starting at the oldest text still in the ring; a reader that fell behind
    /// skips to what is left. The file offset is ignored. Unlike Linux, a read with nothing new returns 0 at
    /// once instead of sleeping, so `cat /proc/kmsg` on the serial shell ends.
    /// </summary>
    public sealed class KmsgOps : ProcOps
    {
        public override int Open(ProcFile pf, Task current)
        {
            if (current != null && current.Euid != 0) return -Errno.EACCES;
            pf.Cursor = pf.K.Log.Tail;
            return 0;
        }

        public override int Read(ProcFile pf, Task current, long pos, byte[] buf, int off, int count)
        {
            KernelLog log = pf.K.Log;
            long from = pf.Cursor;
            long tail = log.Tail;
            if (from < tail) from = tail;
            int n = log.Read(from, buf, off, count);
            pf.Cursor = from + n;
            return n;
        }
    }
}
