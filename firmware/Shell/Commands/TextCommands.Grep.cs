namespace ProcNano
{
    /// <summary>
    /// grep [-vcni] PATTERN FILE...: lines holding PATTERN as a fixed string (grep -F; no regular expressions).
    /// Lines gather in <see cref="Shell.IoBuf"/>: the unfinished tail of one read moves to the front before
    /// the next, so memory stays fixed; a line longer than the buffer (256 bytes) is matched in pieces of
    /// that size (a match across a piece boundary is missed). Several files prefix "FILE:". Status as grep:
    /// 0 a line was selected, 1 none, 2 an error.
    /// </summary>
    public static partial class TextCommands
    {
        private const int Invert = 1, CountOnly = 2, Numbers = 4, NoCase = 8;

        public static int Grep(Shell sh, string[] argv, int argc)
        {
            int opts = 0, i = 1;
            for (; i < argc && argv[i].Length > 1 && argv[i][0] == '-'; i++)
            {
                for (int j = 1; j < argv[i].Length; j++)
                {
                    char c = argv[i][j];
                    if (c == 'v') opts |= Invert;
                    else if (c == 'c') opts |= CountOnly;
                    else if (c == 'n') opts |= Numbers;
                    else if (c == 'i') opts |= NoCase;
                    else if (c != 'F') return GrepUsage(sh);
                }
            }
            if (argc - i < 2) return GrepUsage(sh);
            string pattern = argv[i++];
            bool names = argc - i > 1;
            int status = Shell.StatusError;   // 1: nothing selected yet
            bool failed = false;
            for (; i < argc; i++)
            {
                long r = GrepFile(sh, pattern, argv[i], names, opts);
                if (r < 0) failed = true;
                else if (r > 0) status = Shell.StatusOk;
            }
            return failed ? Shell.StatusSyntax : status;
        }

        private static int GrepUsage(Shell sh)
        {
            sh.Usage("grep");
            return Shell.StatusSyntax;
        }

        // One file: the number of lines selected, or -1 after printing the error.
        private static long GrepFile(Shell sh, string pattern, string path, bool names, int opts)
        {
            int fd = sh.Sys.Open(sh.Task, path, File.O_RDONLY, 0);
            if (fd < 0)
            {
                sh.Fail("grep", path, fd);
                return -1;
            }
            byte[] buf = sh.IoBuf;
            int have = 0;
            long lineNo = 0, selected = 0;
            bool eof = false;
            while (!eof || have > 0)
            {
                if (!eof && have < buf.Length)
                {
                    int r = sh.Sys.Read(sh.Task, fd, buf, have, buf.Length - have);
                    if (r < 0)
                    {
                        sh.Sys.Close(sh.Task, fd);
                        sh.Fail("grep", path, r);
                        return -1;
                    }
                    if (r == 0) eof = true;
                    have += r;
                }
                int start = 0;
                for (int j = 0; j < have; j++)
                {
                    if (buf[j] != (byte)'\n') continue;
                    selected += GrepLine(sh, pattern, path, names, opts, buf, start, j - start, ++lineNo);
                    start = j + 1;
                }
                // No newline in a full buffer, or the last line of the file without one: a line of its own.
                if (start == 0 && have > 0 && (have == buf.Length || eof))
                {
                    selected += GrepLine(sh, pattern, path, names, opts, buf, 0, have, ++lineNo);
                    start = have;
                }
                for (int j = start; j < have; j++) buf[j - start] = buf[j];
                have -= start;
            }
            sh.Sys.Close(sh.Task, fd);
            if ((opts & CountOnly) != 0)
            {
                if (names)
                {
                    sh.Out.Str(path);
                    sh.Out.Char(':');
                }
                sh.Out.Dec(selected);
                sh.Out.Char('\n');
            }
            return selected;
        }

        // Prints the line (without its newline in b) if selected; 1 if it was, else 0.
        private static int GrepLine(Shell sh, string pattern, string path, bool names, int opts, byte[] b, int off, int len, long no)
        {
            bool hit = Contains(b, off, len, pattern, (opts & NoCase) != 0);
            if (hit == ((opts & Invert) != 0)) return 0;
            if ((opts & CountOnly) != 0) return 1;
            ShellWriter o = sh.Out;
            if (names)
            {
                o.Str(path);
                o.Char(':');
            }
            if ((opts & Numbers) != 0)
            {
                o.Dec(no);
                o.Char(':');
            }
            o.Bytes(b, off, len);
            o.Char('\n');
            return 1;
        }

        /// <summary>True if <paramref name="p"/> occurs in b[off..off+len) (one char per byte, as the shell reads
        /// text); ASCII letters match either case with <paramref name="noCase"/>.</summary>
        public static bool Contains(byte[] b, int off, int len, string p, bool noCase)
        {
            for (int s = 0; s + p.Length <= len; s++)
            {
                int k = 0;
                while (k < p.Length && Same((char)b[off + s + k], p[k], noCase)) k++;
                if (k == p.Length) return true;
            }
            return false;
        }

        private static bool Same(char a, char b, bool noCase)
        {
            if (a == b) return true;
            if (!noCase) return false;
            if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
            if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
            return a == b;
        }
    }
}
