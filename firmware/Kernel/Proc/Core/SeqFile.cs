using System.Threading;

namespace ProcNano
{
    /// <summary>
    /// The streaming reader behind every record-based proc file (Linux's seq_file). It holds one record at a
    /// time in a small buffer taken from the tree's pool at open, hands out as many bytes as the caller asked
    /// for at the position asked for, and produces the next record only when the previous one is used up. So
    /// `cat` with 1-byte and with 4 KiB reads sees the same bytes, and a read allocates nothing once warm.
    /// A record larger than the buffer is printed again into a buffer twice the size (kept for the rest of the
    /// open, as seq_file keeps its grown page), up to <see cref="MaxRecord"/> bytes; beyond that ENOMEM.
    /// </summary>
    public sealed class SeqFile
    {
        public const int MaxRecord = 64 * 1024;

        public readonly ProcFile Pf;
        public readonly SeqOps Ops;
        /// <summary>Free for the ops between Start and Stop (or for the whole open).</summary>
        public object Private;
        /// <summary>Per-pid files: the task, found again before each Start (valid until Stop).</summary>
        public Task Target;
        /// <summary>The task making the current read.</summary>
        public Task Reader;

        private OutBuf _buf;
        private int _from;      // first unread byte of the record in _buf
        private int _pending;   // unread bytes left in _buf
        private int _index;     // number of the next record to produce
        private long _pos;      // file position matching this state
        private readonly ProcTree _tree;

        internal SeqFile(ProcTree tree, ProcFile pf, SeqOps ops, OutBuf buf)
        {
            _tree = tree;
            Pf = pf;
            Ops = ops;
            _buf = buf;
        }

        public IKernelView K => Pf.K;
        public ProcSuperBlock Sb => Pf.Sb;

        /// <summary>read(2) at <paramref name="pos"/>: bytes copied (0 at the end) or -errno.</summary>
        public int Read(Task reader, long pos, byte[] buf, int off, int count)
        {
            if (_buf == null) return -Errno.EIO;
            if (count <= 0) return 0;
            if (pos < 0) return -Errno.EINVAL;
            Reader = reader;
            // A /proc/<pid>/ file finds its task again on every read: gone means ESRCH, even mid-record.
            if (Pf.Pid != null && Pf.Pid.Task == null) return -Errno.ESRCH;
            if (pos != _pos)
            {
                int r = Seek(pos);
                if (r < 0) return r;
            }

            int copied = Drain(buf, off, count);
            if (copied == count) return copied;

            if (!FindTarget()) return copied > 0 ? copied : -Errno.ESRCH;
            int err = 0;
            int cursor = Begin(_index);
            try
            {
                while (cursor != SeqOps.End)
                {
                    if (cursor < 0) { err = cursor; break; }
                    int len = Render(cursor);
                    if (len < 0) { err = len; break; }
                    _index++;
                    _from = 0;
                    _pending = len;
                    copied += Drain(buf, off + copied, count - copied);
                    if (copied == count) break;
                    cursor = Ops.Next(this, cursor, _index);
                }
            }
            finally
            {
                // Even if a Show throws (a bug): Start may have taken a lock that Stop gives back.
                Finish();
            }
            if (err < 0 && copied == 0) return err;
            return copied;
        }

        // Start of a pass over the records: under the kernel lock for files that read its tables.
        private int Begin(int index)
        {
            if (!Ops.KernelLocked) return Ops.Start(this, index);
            Monitor.Enter(K.Lock);
            try
            {
                return Ops.Start(this, index);
            }
            catch
            {
                Monitor.Exit(K.Lock);
                throw;
            }
        }

        private void Finish()
        {
            try
            {
                Ops.Stop(this);
            }
            finally
            {
                Target = null;
                if (Ops.KernelLocked) Monitor.Exit(K.Lock);
            }
        }

        /// <summary>Returns the buffer to the pool (at release).</summary>
        internal void Free()
        {
            OutBuf b = _buf;
            _buf = null;
            if (b != null) _tree.PutBuf(b);
        }

        private bool FindTarget()
        {
            if (Pf.Pid == null) return true;
            Target = Pf.Pid.Task;
            return Target != null;
        }

        private int Drain(byte[] dst, int off, int count)
        {
            int n = _pending < count ? _pending : count;
            byte[] src = _buf.Buffer;
            System.Array.Copy(src, _from, dst, off, n);
            _from += n;
            _pending -= n;
            _pos += n;
            return n;
        }

        /// <summary>Prints record <paramref name="cursor"/> into the buffer, growing it as needed; its length or -errno.</summary>
        private int Render(int cursor)
        {
            while (true)
            {
                _buf.Clear();
                int r = Ops.Show(this, cursor, _buf);
                if (r < 0) return r;
                if (!_buf.Overflow) return _buf.Length;
                if (_buf.Capacity >= MaxRecord) return -Errno.ENOMEM;
                OutBuf bigger = new OutBuf(_buf.Capacity * 2);
                _tree.PutBuf(_buf);
                _buf = bigger;
            }
        }

        /// <summary>Rebuilds the state for an arbitrary position by walking records from the start (as seq_file's
        /// traverse does); a position past the end leaves nothing pending.</summary>
        private int Seek(long pos)
        {
            _index = 0;
            _pos = 0;
            _from = 0;
            _pending = 0;
            if (pos == 0) return 0;
            if (!FindTarget()) return -Errno.ESRCH;
            int err = 0;
            int cursor = Begin(0);
            try
            {
                while (cursor != SeqOps.End)
                {
                    if (cursor < 0) { err = cursor; break; }
                    int len = Render(cursor);
                    if (len < 0) { err = len; break; }
                    _index++;
                    if (_pos + len > pos)
                    {
                        _from = (int)(pos - _pos);
                        _pending = len - _from;
                        break;
                    }
                    _pos += len;
                    cursor = Ops.Next(this, cursor, _index);
                }
            }
            finally
            {
                Finish();
            }
            if (err < 0)
            {
                _index = 0;
                _pos = 0;
                return err;
            }
            _pos = pos;
            return 0;
        }
    }
}
