namespace ProcNano
{
    /// <summary>The kernel log ring behind dmesg and /proc/kmsg: a fixed byte ring, oldest text overwritten.
    /// Each line is stamped "[%5lu.%06lu] " like printk with timestamps.</summary>
    public sealed class KernelLog
    {
        private readonly byte[] _ring;
        private long _head;   // total bytes ever written
        private long _consumed;   // what /proc/kmsg readers have taken (syslog's log_start)
        private readonly IClock _platform;

        public KernelLog(int size, IClock platform)
        {
            _ring = new byte[size];
            _platform = platform;
        }

        public int Size => _ring.Length;
        /// <summary>Total bytes ever logged; readers keep their own position against it.</summary>
        public long Head => _head;
        /// <summary>Oldest position still held in the ring.</summary>
        public long Tail => _head > _ring.Length ? _head - _ring.Length : 0;

        /// <summary>Logs one line (a trailing newline is added).</summary>
        public void Print(string text)
        {
            LockOrder.Check(_ring, LockOrder.LeafRank); lock (_ring)
            {
                long ms = _platform == null ? 0 : _platform.UptimeMs;
                if (ms < 0) ms = 0;
                PutByte((byte)'[');
                PutDec(ms / 1000, 5, (byte)' ');
                PutByte((byte)'.');
                PutDec((ms % 1000) * 1000, 6, (byte)'0');
                PutByte((byte)']');
                PutByte((byte)' ');
                for (int i = 0; i < text.Length; i++) PutByte((byte)text[i]);
                PutByte((byte)'\n');
            }
        }

        // %*lu straight into the ring (the log keeps no line buffer of its own).
        private void PutDec(long v, int width, byte pad)
        {
            int n = 1;
            long top = 1;
            while (v / top >= 10) { top *= 10; n++; }
            for (; n < width; n++) PutByte(pad);
            for (; top != 0; top /= 10) PutByte((byte)('0' + (int)(v / top % 10)));
        }

        private void PutByte(byte b)
        {
            _ring[(int)(_head % _ring.Length)] = b;
            _head++;
        }

        /// <summary>Copies log bytes from absolute position <paramref name="pos"/> (clamped to the tail).
        /// Returns the count copied; 0 at the head.</summary>
        public int Read(long pos, byte[] buf, int off, int count)
        {
            LockOrder.Check(_ring, LockOrder.LeafRank); lock (_ring)
            {
                if (pos < Tail) pos = Tail;
                int n = 0;
                while (n < count && pos < _head)
                {
                    buf[off + n++] = _ring[(int)(pos % _ring.Length)];
                    pos++;
                }
                return n;
            }
        }

        /// <summary>syslog(2)'s SYSLOG_ACTION_READ: the bytes no reader has taken yet (from the oldest still in
        /// the ring), which are then gone for every reader; dmesg's <see cref="Read"/> leaves them.</summary>
        public int Consume(byte[] buf, int off, int count)
        {
            LockOrder.Check(_ring, LockOrder.LeafRank); lock (_ring)
            {
                int n = Read(_consumed, buf, off, count);
                if (_consumed < Tail) _consumed = Tail;
                _consumed += n;
                return n;
            }
        }

        /// <summary>True if the ring holds <paramref name="text"/> anywhere (for tests and diagnostics).</summary>
        public bool Contains(string text)
        {
            LockOrder.Check(_ring, LockOrder.LeafRank); lock (_ring)
            {
                long start = Tail;
                for (long p = start; p + text.Length <= _head; p++)
                {
                    int i = 0;
                    while (i < text.Length && _ring[(int)((p + i) % _ring.Length)] == (byte)text[i]) i++;
                    if (i == text.Length) return true;
                }
                return false;
            }
        }
    }
}
