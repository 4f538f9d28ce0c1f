namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/pagemap (MMU-only in Linux, carried over on purpose): a binary file of one little-endian
    /// u64 per virtual page of the 32-bit address space, at offset vpage × 8 (<see cref="PageMap.Entry"/>).
    /// Not a seq file: any 8-aligned position is served directly. Position or count not a multiple of 8 →
    /// EINVAL (as Linux from ~3.0 on); a task without an mm reads as empty.
    /// </summary>
    public sealed class PagemapOps : ProcOps
    {
        public const int EntrySize = 8;

        public override int Read(ProcFile pf, Task current, long pos, byte[] buf, int off, int count)
        {
            if ((pos & (EntrySize - 1)) != 0 || (count & (EntrySize - 1)) != 0 || pos < 0) return -Errno.EINVAL;
            Task t = pf.Pid.Task;
            if (t == null) return -Errno.ESRCH;
            IKernelView k = pf.K;
            long size = PageMap.FileSize(k);
            if (count == 0 || pos >= size) return 0;
            if (count > size - pos) count = (int)(size - pos);
            lock (k.Lock)
            {
                Mm mm = t.Mm;
                if (mm == null) return 0;
                ulong vpage = (ulong)pos / EntrySize;
                for (int n = 0; n < count; n += EntrySize, vpage++)
                {
                    ulong e = PageMap.Entry(k, mm, vpage);
                    for (int b = 0; b < EntrySize; b++)
                    {
                        buf[off + n + b] = (byte)e;
                        e >>= 8;
                    }
                }
            }
            return count;
        }
    }
}
