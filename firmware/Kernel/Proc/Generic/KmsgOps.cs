namespace ProcNano
{
    /// <summary>
    /// /proc/kmsg: the kernel log for root only (EACCES otherwise, as the syslog check refuses). Reading takes
    /// the text from the log as syslog(2) does: one position for all readers, so what one read returned no later
    /// read returns again (a reader that fell behind skips to the oldest text left); dmesg still shows it all.
    /// The file offset is ignored. Unlike Linux, a read with nothing new returns 0 at once instead of sleeping,
    /// so `cat /proc/kmsg` on the serial shell ends.
    /// </summary>
    public sealed class KmsgOps : ProcOps
    {
        public override int Open(ProcFile pf, Task current)
        {
            return current != null && current.Euid != 0 ? -Errno.EACCES : 0;
        }

        public override int Read(ProcFile pf, Task current, long pos, byte[] buf, int off, int count)
        {
            return pf.K.Log.Consume(buf, off, count);
        }
    }
}
