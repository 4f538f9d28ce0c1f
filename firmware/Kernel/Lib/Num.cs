namespace ProcNano
{
    /// <summary>Number parsing for commands and /proc writes: decimal or 0x hex, optional minus, no
    /// allocation (the device has no char.IsDigit and Parse throws).</summary>
    public static class Num
    {
        public static bool TryParse(string s, out long value)
        {
            value = 0;
            if (s == null) return false;
            int i = 0, n = s.Length;
            bool neg = false;
            if (i < n && (s[i] == '-' || s[i] == '+')) { neg = s[i] == '-'; i++; }
            if (i >= n) return false;
            bool hex = i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X');
            if (hex) { i += 2; if (i >= n) return false; }
            ulong v = 0, radix = hex ? 16UL : 10UL;
            for (; i < n; i++)
            {
                int d = Digit(s[i]);
                if (d < 0 || (ulong)d >= radix) return false;
                // Checked before multiplying: a wrapped product can land anywhere, even above v.
                if (v > (0x7FFFFFFFFFFFFFFFUL - (ulong)d) / radix) return false;
                v = v * radix + (ulong)d;
            }
            value = neg ? -(long)v : (long)v;
            return true;
        }

        /// <summary>Digit value of an ASCII hex digit, or -1.</summary>
        public static int Digit(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
