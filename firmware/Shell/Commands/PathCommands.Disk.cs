namespace ProcNano
{
    /// <summary>
    /// df and du. df lists every mount with a size (-a: all, procfs too) as busybox does:
    /// "Filesystem           1K-blocks      Used Available Use% Mounted on"; flash from the store (its files
    /// and its free bytes), ramfs from the page arena it grows into (size the arena, used what the arena
    /// holds, available its free pages), romfs the image (all used). du sums file sizes in 1K blocks
    /// (rounded up per file: there are no allocation blocks to count), per directory, without following
    /// symlinks or leaving the path's file system.
    /// </summary>
    public static partial class PathCommands
    {
        public static int Df(Shell sh, string[] argv, int argc)
        {
            bool all = false, human = false;
            int i = 1;
            for (; i < argc && argv[i].Length > 1 && argv[i][0] == '-'; i++)
            {
                for (int j = 1; j < argv[i].Length; j++)
                {
                    if (argv[i][j] == 'a') all = true;
                    else if (argv[i][j] == 'h') human = true;
                    else return sh.Usage("df");
                }
            }
            ShellWriter o = sh.Out;
            o.Line(human ? "Filesystem                Size      Used Available Use% Mounted on"
                         : "Filesystem           1K-blocks      Used Available Use% Mounted on");
            var st = new StatFsInfo();
            if (i < argc)
            {
                int status = Shell.StatusOk;
                for (; i < argc; i++)
                {
                    int r = sh.Sys.StatFs(sh.Task, argv[i], st);
                    if (r < 0) status = sh.Fail("df", argv[i], r);
                    else Row(o, st, human);
                }
                return status;
            }
            for (int next = sh.Sys.StatFsAt(sh.Task, 0, st); next > 0; next = sh.Sys.StatFsAt(sh.Task, next, st))
            {
                if (st.TotalBytes == 0 && !all) continue;
                Row(o, st, human);
            }
            return Shell.StatusOk;
        }

        private static void Row(ShellWriter o, StatFsInfo st, bool human)
        {
            long used = st.TotalBytes - st.FreeBytes;
            // A source longer than the column goes on a line of its own (busybox).
            o.StrLeft(st.Source, 20);
            if (st.Source.Length > 20)
            {
                o.Char('\n');
                o.Spaces(20);
            }
            Cell(o, st.TotalBytes, human);
            Cell(o, used, human);
            Cell(o, st.AvailBytes, human);
            long base_ = used + st.AvailBytes;
            long pct = base_ == 0 ? 0 : (used * 100 + base_ / 2) / base_;
            o.Dec(pct, 4);
            o.Str("% ");
            o.Line(st.MountPoint);
        }

        private static void Cell(ShellWriter o, long bytes, bool human)
        {
            o.Char(' ');
            if (!human)
            {
                o.Dec(bytes / 1024, 9);
                return;
            }
            string s = StatusCommands.Human(bytes);
            if (s.Length > 1 && s[s.Length - 1] == 'i') s = s.Substring(0, s.Length - 1);   // busybox's "1.0M"
            o.StrRight(s, 9);
        }

        /// <summary>du [-s] [PATH...] (default "."): "BLOCKS\tPATH" for each directory below PATH and PATH
        /// itself (-s: PATH only).</summary>
        public static int Du(Shell sh, string[] argv, int argc)
        {
            bool summary = false;
            int i = 1;
            if (i < argc && argv[i] == "-s")
            {
                summary = true;
                i++;
            }
            if (i < argc && argv[i].Length > 1 && argv[i][0] == '-') return sh.Usage("du");
            int status = Shell.StatusOk;
            var st = new StatInfo();
            if (i >= argc) return Tree(sh, ".", summary, 0, st) < 0 ? Shell.StatusError : Shell.StatusOk;
            for (; i < argc; i++) if (Tree(sh, argv[i], summary, 0, st) < 0) status = Shell.StatusError;
            return status;
        }

        private const int MaxDepth = 16;

        // Blocks under path (printed per directory unless summary, and always at depth 0); -1 if it could not
        // be read (printed). st is scratch, reused down the tree.
        private static long Tree(Shell sh, string path, bool summary, int depth, StatInfo st)
        {
            int r = sh.Sys.Lstat(sh.Task, path, st);
            if (r < 0)
            {
                sh.Fail("du", path, r);
                return -1;
            }
            int major = st.Major, minor = st.Minor;
            long total = (st.Mode & Stat.S_IFMT) == Stat.S_IFREG ? (st.Size + 1023) / 1024 : 0;
            if ((st.Mode & Stat.S_IFMT) == Stat.S_IFDIR && depth < MaxDepth)
            {
                int fd = sh.Sys.Open(sh.Task, path, File.O_RDONLY | File.O_DIRECTORY, 0);
                if (fd < 0)
                {
                    sh.Fail("du", path, fd);
                    return -1;
                }
                for (int index = 2; ; index++)   // after "." and ".."
                {
                    string name;
                    int type;
                    if (sh.Sys.ReadDir(sh.Task, fd, index, out name, out type) <= 0) break;
                    string child = ShellArgs.Join(path, name);
                    if (sh.Sys.Lstat(sh.Task, child, st) < 0 || st.Major != major || st.Minor != minor) continue;
                    long n = Tree(sh, child, summary, depth + 1, st);
                    if (n > 0) total += n;
                }
                sh.Sys.Close(sh.Task, fd);
            }
            else if (depth > 0) return total;   // a file inside a directory: counted, not listed
            if (!summary || depth == 0)
            {
                sh.Out.Dec(total);
                sh.Out.Char('\t');
                sh.Out.Line(path);
            }
            return total;
        }
    }
}
