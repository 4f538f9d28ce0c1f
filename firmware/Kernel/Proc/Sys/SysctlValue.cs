namespace ProcNano
{
    /// <summary>How a sysctl write is parsed (Linux's proc_handlers): the value is returned to the table, which
    /// stores it.</summary>
    public static class SysctlValue
    {
        /// <summary>
        /// An int with bounds (proc_dointvec_minmax): leading blanks skipped, optional '-', then a number in C
        /// notation (0x.. hex, 0.. octal, else decimal) that must be followed by a blank, a NUL or the end of
        /// the write. No number, trailing junk, or a value out of [min, max] → EINVAL. Else <paramref name="count"/>.
        /// </summary>
        public static int StoreInt(byte[] buf, int off, int count, int min, int max, out int value)
        {
            value = 0;
            long v;
            int r = ParseInt(buf, off, count, out v);
            if (r < 0) return r;
            if (v < min || v > max) return -Errno.EINVAL;
            value = (int)v;
            return count;
        }

        /// <summary>A string (proc_dostring): the bytes before the first newline or NUL, cut to
        /// <paramref name="maxLen"/> - 1 characters; the whole write is always consumed.</summary>
        public static int StoreString(byte[] buf, int off, int count, int maxLen, out string value)
        {
            value = null;
            if (count == 0) return 0;
            int n = 0;
            while (n < count && buf[off + n] != 0 && buf[off + n] != (byte)'\n') n++;
            if (n > maxLen - 1) n = maxLen - 1;
            char[] c = new char[n];
            for (int i = 0; i < n; i++) c[i] = (char)buf[off + i];
            value = new string(c);
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
}
