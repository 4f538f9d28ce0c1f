namespace ProcNano
{
    /// <summary>
    /// printf FORMAT [ARG...], as coreutils and busybox: conversions %s %c %d %i %u %x %X %o and %%
    /// with flags '-' and '0' and a width; escapes \n \t \r \\ \a \b \f \v \e \0NNN \xHH in FORMAT; the
    /// format is reused while arguments remain; a missing argument is "" or 0; a number that does not parse
    /// prints "printf: invalid number 'X'", counts as 0 and makes the status 1. Characters go out one per byte.
    /// </summary>
    public static partial class TextCommands
    {
        public static int Printf(Shell sh, string[] argv, int argc)
        {
            if (argc < 2) return sh.Usage("printf");
            string fmt = argv[1];
            int arg = 2, status = Shell.StatusOk;
            do
            {
                int used = arg;
                if (Once(sh, fmt, argv, argc, ref arg) != 0) status = Shell.StatusError;
                if (arg == used) break;   // the format takes no arguments: once is enough
            } while (arg < argc);
            return status;
        }

        // One pass over the format; returns 1 if an argument was not a number.
        private static int Once(Shell sh, string f, string[] argv, int argc, ref int arg)
        {
            ShellWriter o = sh.Out;
            int bad = 0;
            for (int i = 0; i < f.Length; i++)
            {
                char c = f[i];
                if (c == '\\')
                {
                    i = Escape(o, f, i);
                    continue;
                }
                if (c != '%' || i + 1 >= f.Length)
                {
                    o.Char(c);
                    continue;
                }
                if (f[i + 1] == '%')
                {
                    o.Char('%');
                    i++;
                    continue;
                }
                bool left = false, zero = false;
                int j = i + 1;
                for (; j < f.Length && (f[j] == '-' || f[j] == '0'); j++)
                {
                    if (f[j] == '-') left = true;
                    else zero = true;
                }
                int width = 0;
                for (; j < f.Length && f[j] >= '0' && f[j] <= '9'; j++) width = width * 10 + (f[j] - '0');
                if (j >= f.Length)
                {
                    o.Str(f.Substring(i));
                    break;
                }
                char conv = f[j];
                string a = arg < argc ? argv[arg++] : null;
                string text;
                if (conv == 's') text = a == null ? "" : a;
                else if (conv == 'c') text = a == null || a.Length == 0 ? "" : a.Substring(0, 1);
                else if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'X' || conv == 'o')
                {
                    long v = 0;
                    if (a != null && a.Length > 0 && !Number(a, out v))
                    {
                        sh.Complain("printf", "invalid number '" + a + "'");
                        bad = 1;
                    }
                    text = Format(v, conv);
                }
                else
                {
                    // Not a conversion printf knows: print it as it stands, as busybox does.
                    if (a != null) arg--;
                    o.Str(f.Substring(i, j - i + 1));
                    i = j;
                    continue;
                }
                Pad(o, text, width, left, zero && !left && conv != 's' && conv != 'c');
                i = j;
            }
            return bad;
        }

        // A number as printf's %d takes it: decimal, 0x hex, a leading 0 octal, 'c for a character code.
        private static bool Number(string s, out long v)
        {
            v = 0;
            if (s.Length >= 2 && (s[0] == '\'' || s[0] == '"'))
            {
                v = s[1];
                return true;
            }
            bool neg = s[0] == '-';
            int k = neg || s[0] == '+' ? 1 : 0;
            if (k >= s.Length) return false;
            int radix = 10;
            if (s.Length > k + 1 && s[k] == '0' && (s[k + 1] == 'x' || s[k + 1] == 'X'))
            {
                radix = 16;
                k += 2;
            }
            else if (s.Length > k + 1 && s[k] == '0') radix = 8;
            if (k >= s.Length) return false;
            for (; k < s.Length; k++)
            {
                int d = Num.Digit(s[k]);
                if (d < 0 || d >= radix) return false;
                v = v * radix + d;
            }
            if (neg) v = -v;
            return true;
        }

        private static string Format(long v, char conv)
        {
            if (conv == 'd' || conv == 'i') return v.ToString();
            ulong u = (ulong)v;
            if (conv == 'u') return u.ToString();
            int shift = conv == 'o' ? 3 : 4;
            string digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            string s = "";
            do
            {
                s = digits[(int)(u & (ulong)((1 << shift) - 1))] + s;
                u >>= shift;
            } while (u != 0);
            return s;
        }

        private static void Pad(ShellWriter o, string s, int width, bool left, bool zero)
        {
            int pad = width - s.Length;
            if (left)
            {
                o.Str(s);
                o.Spaces(pad > 0 ? pad : 0);
                return;
            }
            if (zero && pad > 0 && s.Length > 0 && s[0] == '-')
            {
                o.Char('-');
                s = s.Substring(1);
            }
            for (int k = 0; k < pad; k++) o.Char(zero ? '0' : ' ');
            o.Str(s);
        }

        // Prints the escape at f[i] (a backslash); returns the index of its last character.
        private static int Escape(ShellWriter o, string f, int i)
        {
            if (i + 1 >= f.Length)
            {
                o.Char('\\');
                return i;
            }
            char c = f[++i];
            switch (c)
            {
                case 'n': o.Char('\n'); return i;
                case 't': o.Char('\t'); return i;
                case 'r': o.Char('\r'); return i;
                case 'a': o.Char((char)7); return i;
                case 'b': o.Char((char)8); return i;
                case 'f': o.Char((char)12); return i;
                case 'v': o.Char((char)11); return i;
                case 'e': o.Char((char)27); return i;
                case '\\': o.Char('\\'); return i;
                case '"': o.Char('"'); return i;
                case 'x':
                case '0':
                {
                    int radix = c == 'x' ? 16 : 8, max = c == 'x' ? 2 : 3, v = 0, n = 0;
                    while (n < max && i + 1 < f.Length)
                    {
                        int d = Num.Digit(f[i + 1]);
                        if (d < 0 || d >= radix) break;
                        v = v * radix + d;
                        i++;
                        n++;
                    }
                    if (c == 'x' && n == 0)
                    {
                        o.Str("\\x");
                        return i;
                    }
                    o.Char((char)(v & 0xff));
                    return i;
                }
            }
            o.Char('\\');
            o.Char(c);
            return i;
        }
    }
}
