namespace ProcNano
{
    /// <summary>
    /// Append-only ASCII text into a fixed byte buffer, with the printf conversions procfs needs
    /// (%*d, %0*x, column padding) done digit by digit so that formatting never allocates.
    /// Writing past the end sets <see cref="Overflow"/> instead of throwing; the caller (seq output) then
    /// retries the record with a larger buffer or splits it.
    /// </summary>
    public sealed class OutBuf
    {
        private byte[] _buf;
        private int _len;
        private int _lineStart;
        private bool _overflow;

        public OutBuf(int capacity) { _buf = new byte[capacity]; }
        public OutBuf(byte[] buffer) { _buf = buffer; }

        public byte[] Buffer => _buf;
        public int Length => _len;
        public int Capacity => _buf.Length;
        public bool Overflow => _overflow;
        /// <summary>Column of the next byte within the current line.</summary>
        public int Column => _len - _lineStart;

        public void Clear() { _len = 0; _lineStart = 0; _overflow = false; }

        /// <summary>Drops everything after <paramref name="length"/> (used to undo a record that did not fit,
        /// or to keep a partial line moved to the front). The line then starts after the last newline kept.</summary>
        public void Truncate(int length)
        {
            if (length < _len) _len = length;
            _lineStart = _len;
            while (_lineStart > 0 && _buf[_lineStart - 1] != (byte)'\n') _lineStart--;
            _overflow = false;
        }

        public void Char(char c)
        {
            if (_len >= _buf.Length) { _overflow = true; return; }
            _buf[_len++] = (byte)c;
            if (c == '\n') _lineStart = _len;
        }

        public void Byte(byte b)
        {
            if (_len >= _buf.Length) { _overflow = true; return; }
            _buf[_len++] = b;
            if (b == (byte)'\n') _lineStart = _len;
        }

        public void Str(string s)
        {
            if (s == null) return;
            for (int i = 0; i < s.Length; i++) Char(s[i]);
        }

        /// <summary><paramref name="count"/> characters of the string from <paramref name="start"/>.</summary>
        public void Str(string s, int start, int count)
        {
            for (int i = start; i < start + count; i++) Char(s[i]);
        }

        /// <summary>%-*s: the string, then spaces up to <paramref name="width"/>.</summary>
        public void StrLeft(string s, int width)
        {
            int n = s == null ? 0 : s.Length;
            Str(s);
            for (int i = n; i < width; i++) Char(' ');
        }

        /// <summary>%*s: spaces, then the string, right-aligned in <paramref name="width"/>.</summary>
        public void StrRight(string s, int width)
        {
            int n = s == null ? 0 : s.Length;
            for (int i = n; i < width; i++) Char(' ');
            Str(s);
        }

        public void Bytes(byte[] src, int off, int count)
        {
            for (int i = 0; i < count; i++) Byte(src[off + i]);
        }

        public void Spaces(int n)
        {
            for (int i = 0; i < n; i++) Char(' ');
        }

        /// <summary>Pads with spaces until the current line is <paramref name="column"/> characters long;
        /// if it already is longer, writes one space (as seq_pad does).</summary>
        public void PadTo(int column)
        {
            if (Column >= column) { Char(' '); return; }
            while (Column < column) Char(' ');
        }

        public void Dec(long v) { Dec(v, 0, ' '); }

        /// <summary>%*ld (pad ' ') or %0*ld (pad '0'); a negative width left-aligns (%-*ld).</summary>
        public void Dec(long v, int width, char pad)
        {
            bool neg = v < 0;
            ulong u = neg ? (ulong)(-(v + 1)) + 1 : (ulong)v;
            int n = 1;
            ulong top = 1;   // 10^(n-1): the weight of the leading digit
            while (u / top >= 10) { top *= 10; n++; }
            Pad(n, neg, width, pad);
            for (; top != 0; top /= 10) Char((char)('0' + (int)(u / top % 10)));
            if (width < 0) PadRight(n + (neg ? 1 : 0), -width);
        }

        /// <summary>%*lx / %0*lx of the unsigned value, lower-case hex.</summary>
        public void Hex(ulong u, int width, char pad) { Radix(u, 4, width, pad); }

        /// <summary>%*o of the unsigned value.</summary>
        public void Oct(ulong u, int width, char pad) { Radix(u, 3, width, pad); }

        // Digits of a power-of-two base, most significant first: no digit buffer (one less array per buffer).
        private void Radix(ulong u, int bits, int width, char pad)
        {
            int n = 1;
            while (n * bits < 64 && (u >> (n * bits)) != 0) n++;
            Pad(n, false, width, pad);
            ulong mask = (1UL << bits) - 1;
            for (int i = n - 1; i >= 0; i--)
            {
                int d = (int)((u >> (i * bits)) & mask);
                Char((char)(d < 10 ? '0' + d : 'a' + d - 10));
            }
            if (width < 0) PadRight(n, -width);
        }

        // What goes before the digits: right-aligned padding, the sign, zero padding.
        private void Pad(int n, bool neg, int width, char pad)
        {
            int total = n + (neg ? 1 : 0);
            if (width > 0 && pad == ' ') for (int i = total; i < width; i++) Char(' ');
            if (neg) Char('-');
            if (width > 0 && pad == '0') for (int i = total; i < width; i++) Char('0');
        }

        private void PadRight(int total, int width) { for (int i = total; i < width; i++) Char(' '); }

        /// <summary>The text so far as a string (allocates: for tests, the shell and error paths only).</summary>
        public override string ToString()
        {
            char[] c = new char[_len];
            for (int i = 0; i < _len; i++) c[i] = (char)_buf[i];
            return new string(c);
        }
    }
}
