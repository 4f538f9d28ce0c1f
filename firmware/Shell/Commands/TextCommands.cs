namespace ProcNano
{
    /// <summary>
    /// head, tail and wc over files, streamed through <see cref="Shell.IoBuf"/>: no line is kept, so a file
    /// of any size costs the same. tail reads a file twice (count, then print) instead of keeping its last
    /// lines, the price of fixed memory; a /proc file that changes between the two reads shows the second.
    /// Several files get coreutils' "==> FILE <==" headers. There are no pipes, so a FILE is required.
    /// </summary>
    public static partial class TextCommands
    {
        public static int Head(Shell sh, string[] argv, int argc) { return HeadTail(sh, "head", argv, argc, false); }

        public static int Tail(Shell sh, string[] argv, int argc) { return HeadTail(sh, "tail", argv, argc, true); }

        private static int HeadTail(Shell sh, string cmd, string[] argv, int argc, bool tail)
        {
            long count = 10;
            bool bytes = false;
            int i = 1;
            while (i < argc && (argv[i] == "-n" || argv[i] == "-c"))
            {
                if (i + 1 >= argc) return sh.Usage(cmd);
                bytes = argv[i] == "-c";
                if (!ShellArgs.TryParse(argv[i + 1], out count) || count < 0)
                    return sh.Complain(cmd, "invalid number '" + argv[i + 1] + "'");
                i += 2;
            }
            if (i >= argc) return sh.Usage(cmd);
            int status = Shell.StatusOk;
            bool headers = argc - i > 1;
            for (int f = i; f < argc; f++)
            {
                if (headers)
                {
                    if (f > i) sh.Out.Char('\n');
                    sh.Out.Str("==> ");
                    sh.Out.Str(argv[f]);
                    sh.Out.Line(" <==");
                }
                long skip = 0, n = count;
                if (tail)
                {
                    // First pass: how many lines (or bytes) there are, so the second knows where to start.
                    long total = Count(sh, cmd, argv[f], bytes);
                    if (total < 0)
                    {
                        status = Shell.StatusError;
                        continue;
                    }
                    skip = total > count ? total - count : 0;
                    n = total - skip;
                }
                if (Copy(sh, cmd, argv[f], bytes, skip, n) != 0) status = Shell.StatusError;
            }
            return status;
        }

        /// <summary>Lines (a last line without a newline counts) or bytes in a file; -1 after printing the error.</summary>
        private static long Count(Shell sh, string cmd, string path, bool bytes)
        {
            int fd = sh.Sys.Open(sh.Task, path, File.O_RDONLY, 0);
            if (fd < 0)
            {
                sh.Fail(cmd, path, fd);
                return -1;
            }
            long n = 0;
            byte last = (byte)'\n';
            while (true)
            {
                int r = sh.Sys.Read(sh.Task, fd, sh.IoBuf, 0, sh.IoBuf.Length);
                if (r < 0)
                {
                    sh.Sys.Close(sh.Task, fd);
                    sh.Fail(cmd, path, r);
                    return -1;
                }
                if (r == 0) break;
                if (bytes) n += r;
                else for (int j = 0; j < r; j++) if (sh.IoBuf[j] == (byte)'\n') n++;
                last = sh.IoBuf[r - 1];
            }
            sh.Sys.Close(sh.Task, fd);
            if (!bytes && last != (byte)'\n') n++;
            return n;
        }

        /// <summary>Prints a file from line (or byte) <paramref name="skip"/> on, at most <paramref name="count"/>
        /// of them. 0, or 1 after printing the error.</summary>
        private static int Copy(Shell sh, string cmd, string path, bool bytes, long skip, long count)
        {
            int fd = sh.Sys.Open(sh.Task, path, File.O_RDONLY, 0);
            if (fd < 0) return sh.Fail(cmd, path, fd);
            long seen = 0;   // lines or bytes passed so far
            int status = Shell.StatusOk;
            while (seen < skip + count)
            {
                int r = sh.Sys.Read(sh.Task, fd, sh.IoBuf, 0, sh.IoBuf.Length);
                if (r < 0)
                {
                    status = sh.Fail(cmd, path, r);
                    break;
                }
                if (r == 0) break;
                int from = 0, to = r;
                if (bytes)
                {
                    if (seen + r <= skip) from = r;
                    else if (seen < skip) from = (int)(skip - seen);
                    if (seen + r > skip + count) to = (int)(skip + count - seen);
                    seen += r;
                }
                else
                {
                    for (int j = 0; j < r; j++)
                    {
                        if (seen < skip) from = j + 1;
                        if (sh.IoBuf[j] != (byte)'\n') continue;
                        seen++;
                        if (seen == skip + count)
                        {
                            to = j + 1;
                            break;
                        }
                    }
                    if (seen < skip) from = r;
                }
                if (to > from) sh.Out.Bytes(sh.IoBuf, from, to - from);
            }
            sh.Sys.Close(sh.Task, fd);
            return status;
        }

        /// <summary>wc [-lwc] FILE...: lines, words, bytes (the asked ones, in that order), each right-aligned in
        /// 7 columns, then the name; a total line for several files.</summary>
        public static int Wc(Shell sh, string[] argv, int argc)
        {
            const int L = 1, W = 2, C = 4;
            int what = 0, i = 1;
            for (; i < argc && argv[i].Length > 1 && argv[i][0] == '-'; i++)
            {
                for (int j = 1; j < argv[i].Length; j++)
                {
                    char c = argv[i][j];
                    if (c == 'l') what |= L;
                    else if (c == 'w') what |= W;
                    else if (c == 'c') what |= C;
                    else return sh.Usage("wc");
                }
            }
            if (i >= argc) return sh.Usage("wc");
            if (what == 0) what = L | W | C;
            long tl = 0, tw = 0, tc = 0;
            int status = Shell.StatusOk;
            for (int f = i; f < argc; f++)
            {
                long l = 0, w = 0, c = 0;
                int fd = sh.Sys.Open(sh.Task, argv[f], File.O_RDONLY, 0);
                if (fd < 0)
                {
                    status = sh.Fail("wc", argv[f], fd);
                    continue;
                }
                bool inWord = false;
                while (true)
                {
                    int r = sh.Sys.Read(sh.Task, fd, sh.IoBuf, 0, sh.IoBuf.Length);
                    if (r < 0) status = sh.Fail("wc", argv[f], r);
                    if (r <= 0) break;
                    c += r;
                    for (int j = 0; j < r; j++)
                    {
                        byte b = sh.IoBuf[j];
                        if (b == (byte)'\n') l++;
                        bool space = b == (byte)' ' || (b >= 9 && b <= 13);
                        if (!space && !inWord) w++;
                        inWord = !space;
                    }
                }
                sh.Sys.Close(sh.Task, fd);
                WcLine(sh.Out, what, l, w, c, argv[f]);
                tl += l;
                tw += w;
                tc += c;
            }
            if (argc - i > 1) WcLine(sh.Out, what, tl, tw, tc, "total");
            return status;
        }

        private static void WcLine(ShellWriter o, int what, long l, long w, long c, string name)
        {
            if ((what & 1) != 0) { o.Dec(l, 7); o.Char(' '); }
            if ((what & 2) != 0) { o.Dec(w, 7); o.Char(' '); }
            if ((what & 4) != 0) { o.Dec(c, 7); o.Char(' '); }
            o.Line(name);
        }
    }
}
