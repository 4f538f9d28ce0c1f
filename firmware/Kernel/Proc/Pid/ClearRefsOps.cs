namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/clear_refs (write-only, 0200; MMU-only in Linux, carried over on purpose): "1" forgets
    /// the referenced bit of every page of the task, "2" of anonymous VMAs only, "3" of file-backed ones only
    /// (2.6.32's values). Surrounding white space (a trailing newline) is fine; anything else EINVAL. Like
    /// Linux, at most 12 bytes are looked at and the count returned is the count looked at. Writers need
    /// the ptrace-style access (owner or root): EACCES otherwise; a task that has exited: ESRCH.
    /// </summary>
    public sealed class ClearRefsOps : ProcOps
    {
        private const int MaxInput = 12;   // PROC_NUMBUF - 1

        public override int Read(ProcFile pf, Task current, long pos, byte[] buf, int off, int count)
        {
            return -Errno.EINVAL;   // no read method: vfs_read's EINVAL
        }

        public override int Write(ProcFile pf, Task current, long pos, byte[] buf, int off, int count)
        {
            Task t = pf.Pid.Task;
            if (t == null) return -Errno.ESRCH;
            if (!ProcAccess.MayPtraceRead(current, t)) return -Errno.EACCES;
            if (count > MaxInput) count = MaxInput;
            int what = Parse(buf, off, count);
            if (what < 0) return -Errno.EINVAL;
            IKernelView k = pf.K;
            int r;
            lock (k.Lock) r = WorkingSet.ClearRefs(k, t, what);
            return r < 0 ? r : count;
        }

        /// <summary>A decimal number between optional white space, or -1.</summary>
        private static int Parse(byte[] buf, int off, int count)
        {
            int i = off, end = off + count;
            while (i < end && IsSpace(buf[i])) i++;
            while (end > i && IsSpace(buf[end - 1])) end--;
            if (i == end) return -1;
            int v = 0;
            for (; i < end; i++)
            {
                int d = buf[i] - '0';
                if (d < 0 || d > 9 || v > 100000) return -1;
                v = v * 10 + d;
            }
            return v;
        }

        private static bool IsSpace(byte c) { return c == ' ' || (c >= 9 && c <= 13); }
    }
}
