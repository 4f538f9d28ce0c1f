namespace ProcNano
{
    /// <summary>Argument parsing shared by the commands: numbers, protections, escapes, paths.</summary>
    public static class ShellArgs
    {
        /// <summary>
        /// Parses decimal or 0x hex (an optional leading '-'), with an optional K or M suffix (x1024,
        /// x1048576) for sizes. Rejects empty text, stray characters and values beyond 64 bits.
        /// </summary>
        public static bool TryParse(string s, out long v)
        {
            v = 0;
            if (s == null || s.Length == 0) return false;
            long mul = 1;
            char last = s[s.Length - 1];
            bool hex = s.IndexOf('x') >= 0 || s.IndexOf('X') >= 0;
            if (!hex && (last == 'k' || last == 'K')) mul = 1024;
            else if (!hex && (last == 'm' || last == 'M')) mul = 1024 * 1024;
            long n;
            if (!Num.TryParse(mul == 1 ? s : s.Substring(0, s.Length - 1), out n)) return false;
            if (n > long.MaxValue / mul || n < -(long.MaxValue / mul)) return false;
            v = n * mul;
            return true;
        }

        /// <summary>
        /// "rwx" style protection: each of r, w, x present or '-' (any order; "-" or "---" alone is
        /// PROT_NONE). Returns PROT_* bits or -1.
        /// </summary>
        public static int ParseProt(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 3) return -1;
            int prot = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                int bit = c == 'r' ? Vm.PROT_READ : c == 'w' ? Vm.PROT_WRITE : c == 'x' ? Vm.PROT_EXEC : 0;
                if (bit == 0 && c != '-') return -1;
                if ((prot & bit) != 0) return -1;
                prot |= bit;
            }
            return prot;
        }

        /// <summary>
        /// Decodes the escapes poke accepts (\n \r \t \0 \\ \xHH) into <paramref name="dst"/>; other
        /// characters are taken as one byte each. Returns the byte count, or -1 if it does not fit or an
        /// escape is malformed.
        /// </summary>
        public static int Unescape(string s, byte[] dst)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (n == dst.Length) return -1;
                char c = s[i];
                if (c != '\\' || i + 1 == s.Length)
                {
                    dst[n++] = (byte)c;
                    continue;
                }
                c = s[++i];
                switch (c)
                {
                    case 'n': dst[n++] = 10; break;
                    case 'r': dst[n++] = 13; break;
                    case 't': dst[n++] = 9; break;
                    case '0': dst[n++] = 0; break;
                    case '\\': dst[n++] = (byte)'\\'; break;
                    case 'x':
                        if (i + 2 >= s.Length) return -1;
                        int hi = Num.Digit(s[i + 1]), lo = Num.Digit(s[i + 2]);
                        if (hi < 0 || lo < 0) return -1;
                        dst[n++] = (byte)((hi << 4) | lo);
                        i += 2;
                        break;
                    default:
                        return -1;
                }
            }
            return n;
        }

        /// <summary>dir + "/" + name, without doubling the slash.</summary>
        public static string Join(string dir, string name)
        {
            if (dir.Length > 0 && dir[dir.Length - 1] == '/') return dir + name;
            return dir + "/" + name;
        }

        /// <summary>The last path component ("/a/b/" gives "b").</summary>
        public static string BaseName(string path)
        {
            int end = path.Length;
            while (end > 1 && path[end - 1] == '/') end--;
            int start = path.LastIndexOf('/', end - 1);
            return path.Substring(start + 1, end - start - 1);
        }
    }
}
