namespace ProcNano
{
    /// <summary>How a sysctl value is printed and stored (Linux's proc_handler).</summary>
    public abstract class SysctlHandler
    {
        /// <summary>Prints the value and a newline.</summary>
        public abstract void Show(Kernel k, OutBuf o);

        /// <summary>Parses a write; returns <paramref name="count"/> or -errno (the value is then unchanged).</summary>
        public abstract int Store(Kernel k, Task t, byte[] buf, int off, int count);
    }

    /// <summary>
    /// An int value with bounds (proc_dointvec_minmax): leading blanks skipped, optional '-', then a number in
    /// C notation (0x.. hex, 0.. octal, else decimal) that must be followed by a blank, a NUL or the end of
    /// the write. No number, trailing junk, or a value out of [Min, Max] → EINVAL with the value unchanged.
    /// </summary>
    public abstract class IntSysctl : SysctlHandler
    {
        public readonly int Min;
        public readonly int Max;

        protected IntSysctl(int min, int max)
        {
            Min = min;
            Max = max;
        }

        protected abstract int Get(Kernel k);
        protected abstract void Set(Kernel k, int v);

        public override void Show(Kernel k, OutBuf o)
        {
            o.Dec(Get(k));
            o.Char('\n');
        }

        public override int Store(Kernel k, Task t, byte[] buf, int off, int count)
        {
            long v;
            int r = ParseInt(buf, off, count, out v);
            if (r < 0) return r;
            if (v < Min || v > Max) return -Errno.EINVAL;
            Set(k, (int)v);
            return count;
        }

        public static int ParseInt(byte[] buf, int off, int count, out long value)
        {
            value = 0;
            int i = off, end = off + count;
            while (i < end && IsSpace(buf[i])) i++;
            if (i == end) return -Errno.EINVAL;
            bool neg = false;
            if (buf[i] == (byte)'-' && end - i > 1) { neg = true; i++; }
            if (!IsDigit(buf[i], 10)) return -Errno.EINVAL;
            int radix = 10;
            if (buf[i] == (byte)'0')
            {
                radix = 8;
                i++;
                if (i + 1 < end && (buf[i] == (byte)'x' || buf[i] == (byte)'X') && IsDigit(buf[i + 1], 16))
                {
                    radix = 16;
                    i++;
                }
            }
            long v = 0;
            while (i < end && IsDigit(buf[i], radix))
            {
                v = v * radix + DigitValue(buf[i]);
                if (v > 0x80000000L) return -Errno.EINVAL;
                i++;
            }
            if (i < end && buf[i] != 0 && !IsSpace(buf[i])) return -Errno.EINVAL;
            value = neg ? -v : v;
            return 0;
        }

        private static bool IsSpace(byte c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C; }

        private static bool IsDigit(byte c, int radix)
        {
            int d = DigitValue(c);
            return d >= 0 && d < radix;
        }

        private static int DigitValue(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }

    /// <summary>
    /// A string value (proc_dostring): a write keeps the bytes before the first newline or NUL, cut to
    /// MaxLen - 1 characters, and always consumes the whole write.
    /// </summary>
    public abstract class StringSysctl : SysctlHandler
    {
        public readonly int MaxLen;

        protected StringSysctl(int maxLen) { MaxLen = maxLen; }

        protected abstract string Get(Kernel k);
        protected virtual void Set(Kernel k, string v) { }

        public override void Show(Kernel k, OutBuf o)
        {
            o.Str(Get(k));
            o.Char('\n');
        }

        public override int Store(Kernel k, Task t, byte[] buf, int off, int count)
        {
            if (count == 0) return 0;
            int n = 0;
            while (n < count && buf[off + n] != 0 && buf[off + n] != (byte)'\n') n++;
            if (n > MaxLen - 1) n = MaxLen - 1;
            char[] c = new char[n];
            for (int i = 0; i < n; i++) c[i] = (char)buf[off + i];
            Set(k, new string(c));
            return count;
        }
    }
}
