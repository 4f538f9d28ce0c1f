namespace ProcNano
{
    /// <summary>
    /// The lines a console remembers for the up arrow: at most <see cref="Depth"/> lines packed into one byte
    /// budget, oldest first, each as a length byte (length - 1) and its bytes. The oldest lines fall out when a
    /// new one needs the room. One small array where a slot per line of the longest length cost a kilobyte.
    /// </summary>
    public sealed class LineHistory
    {
        private readonly byte[] _buf;
        private readonly int _depth;
        private int _used;
        private int _count;

        public LineHistory(int depth, int bytes)
        {
            _depth = depth < 0 ? 0 : depth;
            _buf = new byte[_depth == 0 || bytes < 2 ? 0 : bytes];
        }

        public int Count => _count;
        public int Depth => _depth;

        public void Clear() { _used = 0; _count = 0; }

        /// <summary>Remembers the first <paramref name="n"/> bytes of <paramref name="line"/> (not an empty line,
        /// not the newest line again, not a line longer than the whole budget).</summary>
        public void Add(byte[] line, int n)
        {
            if (n <= 0 || n > 256 || n + 1 > _buf.Length) return;
            if (_count > 0 && Same(Start(1), line, n)) return;
            while (_count > 0 && (_count == _depth || _used + n + 1 > _buf.Length)) DropOldest();
            _buf[_used] = (byte)(n - 1);
            for (int i = 0; i < n; i++) _buf[_used + 1 + i] = line[i];
            _used += n + 1;
            _count++;
        }

        /// <summary>Copies the line <paramref name="back"/> steps back (1 = the newest) into
        /// <paramref name="dest"/>; its length, or 0 if there is none.</summary>
        public int Get(int back, byte[] dest)
        {
            if (back < 1 || back > _count) return 0;
            int at = Start(back);
            int n = _buf[at] + 1;
            if (n > dest.Length) n = dest.Length;
            for (int i = 0; i < n; i++) dest[i] = _buf[at + 1 + i];
            return n;
        }

        // Offset of the entry 'back' steps from the newest: a walk from the oldest.
        private int Start(int back)
        {
            int at = 0;
            for (int i = _count - back; i > 0; i--) at += _buf[at] + 2;
            return at;
        }

        private bool Same(int at, byte[] line, int n)
        {
            if (_buf[at] + 1 != n) return false;
            for (int i = 0; i < n; i++) if (_buf[at + 1 + i] != line[i]) return false;
            return true;
        }

        private void DropOldest()
        {
            int size = _buf[0] + 2;
            for (int i = size; i < _used; i++) _buf[i - size] = _buf[i];
            _used -= size;
            _count--;
        }
    }
}
