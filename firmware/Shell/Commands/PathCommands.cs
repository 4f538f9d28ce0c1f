namespace ProcNano
{
    /// <summary>
    /// mv and ln -s: names moved and made through rename(2) and symlink(2). A DST (or LINK) that is a
    /// directory receives the source under its own name, as coreutils does. Errors name the operand:
    /// "mv: /tmp/a: No such file or directory".
    /// </summary>
    public static partial class PathCommands
    {
        /// <summary>mv SRC DST / mv SRC... DIR. Across file systems (EXDEV) a regular file is copied and the
        /// source removed, as mv(1) falls back to; a directory is not (mv: DIR: Invalid cross-device link).</summary>
        public static int Mv(Shell sh, string[] argv, int argc)
        {
            if (argc < 3) return sh.Usage("mv");
            string dst = argv[argc - 1];
            bool intoDir = IsDir(sh, dst);
            if (argc > 3 && !intoDir) return sh.Fail("mv", dst, -Errno.ENOTDIR);
            int status = Shell.StatusOk;
            for (int i = 1; i < argc - 1; i++)
            {
                string src = argv[i];
                string to = intoDir ? ShellArgs.Join(dst, ShellArgs.BaseName(src)) : dst;
                int r = sh.Sys.Rename(sh.Task, src, to);
                if (r == -Errno.EXDEV && IsRegular(sh, src))
                {
                    // The copy prints its own error ("cp: ..."): then the source stays.
                    if (FileCommands.Cp(sh, new string[] { "cp", src, to }, 3) != Shell.StatusOk)
                    {
                        status = Shell.StatusError;
                        continue;
                    }
                    r = sh.Sys.Unlink(sh.Task, src);
                }
                if (r < 0) status = sh.Fail("mv", r == -Errno.ENOENT || r == -Errno.EXDEV ? src : to, r);
            }
            return status;
        }

        /// <summary>ln -s TARGET LINK: TARGET is stored as it is (it need not exist).</summary>
        public static int Ln(Shell sh, string[] argv, int argc)
        {
            if (argc != 4 || argv[1] != "-s") return sh.Usage("ln");
            string target = argv[2], link = argv[3];
            if (IsDir(sh, link)) link = ShellArgs.Join(link, ShellArgs.BaseName(target));
            int r = sh.Sys.Symlink(sh.Task, target, link);
            return r < 0 ? sh.Fail("ln", link, r) : Shell.StatusOk;
        }

        private static bool IsDir(Shell sh, string path)
        {
            StatInfo st = new StatInfo();
            return sh.Sys.Stat(sh.Task, path, st) == 0 && (st.Mode & Stat.S_IFMT) == Stat.S_IFDIR;
        }

        private static bool IsRegular(Shell sh, string path)
        {
            StatInfo st = new StatInfo();
            return sh.Sys.Lstat(sh.Task, path, st) == 0 && (st.Mode & Stat.S_IFMT) == Stat.S_IFREG;
        }
    }
}
