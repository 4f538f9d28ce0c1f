namespace ProcNano
{
    /// <summary>File and directory commands: everything goes through the syscalls as the shell's task, and
    /// data streams through the shell's fixed I/O buffer, never a whole file at once.</summary>
    public static class FileCommands
    {
        private const int Mode644 = 0x1a4, Mode755 = 0x1ed;

        public static int Echo(Shell sh, string[] argv, int argc)
        {
            int i = 1;
            bool newline = true;
            if (argc > 1 && argv[1] == "-n")
            {
                newline = false;
                i = 2;
            }
            for (int first = i; i < argc; i++)
            {
                if (i > first) sh.Out.Char(' ');
                sh.Out.Str(argv[i]);
            }
            if (newline) sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        public static int Cat(Shell sh, string[] argv, int argc)
        {
            if (argc < 2) return sh.Usage("cat");
            int status = Shell.StatusOk;
            for (int i = 1; i < argc; i++)
            {
                if (Stream(sh, "cat", argv[i]) != 0) status = Shell.StatusError;
            }
            return status;
        }

        private static bool IsOutputFile(Shell sh, int fd)
        {
            if (!sh.Out.ToFile) return false;
            StatInfo a = new StatInfo(), b = new StatInfo();
            if (sh.Sys.Fstat(sh.Task, fd, a) < 0 || sh.Sys.Fstat(sh.Task, sh.Out.FileFd, b) < 0) return false;
            return (a.Mode & Stat.S_IFMT) == Stat.S_IFREG && a.Ino == b.Ino && a.Major == b.Major && a.Minor == b.Minor;
        }

        /// <summary>Copies a file to the shell's output through <see cref="Shell.IoBuf"/>. 0 or 1.</summary>
        public static int Stream(Shell sh, string cmd, string path)
        {
            Task t = sh.Task;
            int fd = sh.Sys.Open(t, path, File.O_RDONLY, 0);
            if (fd < 0) return sh.Fail(cmd, path, fd);
            if (IsOutputFile(sh, fd))
            {
                // `cat f >> f` would read what it writes until the file system is full.
                sh.Sys.Close(t, fd);
                return sh.Complain(cmd, path + ": input file is output file");
            }
            int status = Shell.StatusOk;
            while (true)
            {
                int n = sh.Sys.Read(t, fd, sh.IoBuf, 0, sh.IoBuf.Length);
                if (n == 0) break;
                if (n < 0)
                {
                    status = sh.Fail(cmd, path, n);
                    break;
                }
                sh.Out.Bytes(sh.IoBuf, 0, n);
            }
            sh.Sys.Close(t, fd);
            return status;
        }

        public static int Cd(Shell sh, string[] argv, int argc)
        {
            if (argc > 2) return sh.Usage("cd");
            string path = argc == 2 ? argv[1] : "/";
            int r = sh.Sys.Chdir(sh.Task, path);
            return r < 0 ? sh.Fail("cd", path, r) : Shell.StatusOk;
        }

        public static int Pwd(Shell sh, string[] argv, int argc)
        {
            sh.Out.Line(sh.Sys.Getcwd(sh.Task));
            return Shell.StatusOk;
        }

        public static int Readlink(Shell sh, string[] argv, int argc)
        {
            // GNU readlink: a failure (not a link, no such file) is only the exit status; -v says why.
            bool verbose = argc == 3 && argv[1] == "-v";
            if (argc != 2 && !verbose) return sh.Usage("readlink");
            string path = argv[argc - 1];
            int err;
            string target = sh.Sys.ReadLink(sh.Task, path, out err);
            if (target == null) return verbose ? sh.Fail("readlink", path, err) : Shell.StatusError;
            sh.Out.Line(target);
            return Shell.StatusOk;
        }

        public static int Mkdir(Shell sh, string[] argv, int argc)
        {
            int i = 1;
            bool parents = false;
            if (argc > 1 && argv[1] == "-p")
            {
                parents = true;
                i = 2;
            }
            if (i >= argc) return sh.Usage("mkdir");
            int status = Shell.StatusOk;
            for (; i < argc; i++)
            {
                string path = argv[i];
                int r = parents ? MkdirParents(sh, path) : sh.Sys.Mkdir(sh.Task, path, Mode755);
                if (r < 0) status = sh.Fail("mkdir", path, r);
            }
            return status;
        }

        // mkdir -p: every prefix in turn; "already there" is fine.
        private static int MkdirParents(Shell sh, string path)
        {
            int r = 0;
            for (int end = 1; end <= path.Length; end++)
            {
                if (end < path.Length && path[end] != '/') continue;
                if (path[end - 1] == '/') continue;
                r = sh.Sys.Mkdir(sh.Task, path.Substring(0, end), Mode755);
                if (r == -Errno.EEXIST) r = 0;
                if (r < 0) return r;
            }
            return r;
        }

        public static int Rm(Shell sh, string[] argv, int argc)
        {
            int i = 1;
            bool dirs = false;
            if (argc > 1 && argv[1] == "-d")
            {
                dirs = true;
                i = 2;
            }
            if (i >= argc) return sh.Usage("rm");
            int status = Shell.StatusOk;
            for (; i < argc; i++)
            {
                int r = sh.Sys.Unlink(sh.Task, argv[i]);
                if (r == -Errno.EISDIR && dirs) r = sh.Sys.Rmdir(sh.Task, argv[i]);
                if (r < 0) status = sh.Fail("rm", argv[i], r);
            }
            return status;
        }

        public static int Cp(Shell sh, string[] argv, int argc)
        {
            if (argc != 3) return sh.Usage("cp");
            Task t = sh.Task;
            string src = argv[1], dst = argv[2];
            StatInfo st = new StatInfo();
            if (sh.Sys.Stat(t, dst, st) == 0 && (st.Mode & Stat.S_IFMT) == Stat.S_IFDIR) dst = ShellArgs.Join(dst, ShellArgs.BaseName(src));
            // Opening the destination truncates it: onto the source itself that would lose the file.
            StatInfo sst = new StatInfo();
            if (sh.Sys.Stat(t, src, sst) == 0 && sh.Sys.Stat(t, dst, st) == 0 && st.Ino == sst.Ino
                && st.Major == sst.Major && st.Minor == sst.Minor)
                return sh.Complain("cp", "'" + src + "' and '" + dst + "' are the same file");
            if (sst.Mode != 0 && (sst.Mode & Stat.S_IFMT) == Stat.S_IFDIR)
                return sh.Complain("cp", "-r not specified; omitting directory '" + src + "'");
            int from = sh.Sys.Open(t, src, File.O_RDONLY, 0);
            if (from < 0) return sh.Fail("cp", src, from);
            // A new file gets the source's permission bits, as cp(1) does: a copied program stays executable.
            int mode = sh.Sys.Fstat(t, from, st) == 0 ? st.Mode & 0x1ff : Mode644;
            int to = sh.Sys.Open(t, dst, File.O_WRONLY | File.O_CREAT | File.O_TRUNC, mode);
            if (to < 0)
            {
                sh.Sys.Close(t, from);
                return sh.Fail("cp", dst, to);
            }
            int status = Shell.StatusOk;
            while (status == Shell.StatusOk)
            {
                int n = sh.Sys.Read(t, from, sh.IoBuf, 0, sh.IoBuf.Length);
                if (n == 0) break;
                if (n < 0)
                {
                    status = sh.Fail("cp", src, n);
                    break;
                }
                for (int off = 0; off < n;)
                {
                    int w = sh.Sys.Write(t, to, sh.IoBuf, off, n - off);
                    if (w <= 0)
                    {
                        status = sh.Fail("cp", dst, w < 0 ? w : -Errno.EIO);
                        break;
                    }
                    off += w;
                }
            }
            sh.Sys.Close(t, from);
            int c = sh.Sys.Close(t, to);
            if (c < 0 && status == Shell.StatusOk) status = sh.Fail("cp", dst, c);
            return status;
        }

        public static int Truncate(Shell sh, string[] argv, int argc)
        {
            if (argc < 4 || argv[1] != "-s") return sh.Usage("truncate");
            long size;
            if (!sh.Number("truncate", argv[2], out size)) return Shell.StatusError;
            if (size < 0) return sh.Fail("truncate", argv[2], -Errno.EINVAL);
            int status = Shell.StatusOk;
            for (int i = 3; i < argc; i++)
            {
                string path = argv[i];
                int r = sh.Sys.Truncate(sh.Task, path, size);
                if (r == -Errno.ENOENT)
                {
                    // Like coreutils: a missing file is created at that size.
                    int fd = sh.Sys.Open(sh.Task, path, File.O_WRONLY | File.O_CREAT, Mode644);
                    r = fd;
                    if (fd >= 0)
                    {
                        sh.Sys.Close(sh.Task, fd);
                        r = sh.Sys.Truncate(sh.Task, path, size);
                    }
                }
                if (r < 0) status = sh.Fail("truncate", path, r);
            }
            return status;
        }

        public static int Mount(Shell sh, string[] argv, int argc)
        {
            if (argc == 1) return Stream(sh, "mount", "/proc/mounts");
            if (argc < 4 || argc > 5 || argv[1] != "-t") return sh.Usage("mount");
            string type = argv[2];
            string source = argc == 5 ? argv[3] : type;
            string dir = argv[argc - 1];
            int r = sh.Sys.Mount(sh.Task, source, dir, type);
            return r < 0 ? sh.Fail("mount", dir, r) : Shell.StatusOk;
        }

        public static int Umount(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage("umount");
            int r = sh.Sys.Umount(sh.Task, argv[1]);
            return r < 0 ? sh.Fail("umount", argv[1], r) : Shell.StatusOk;
        }

        public static int Ls(Shell sh, string[] argv, int argc)
        {
            bool longForm = false, all = false;
            int i = 1;
            for (; i < argc && argv[i].Length > 1 && argv[i][0] == '-'; i++)
            {
                string opt = argv[i];
                for (int j = 1; j < opt.Length; j++)
                {
                    if (opt[j] == 'l') longForm = true;
                    else if (opt[j] == 'a') all = true;
                    else return sh.Usage("ls");
                }
            }
            int paths = argc - i;
            if (paths == 0) return ListPath(sh, ".", longForm, all, false);
            int status = Shell.StatusOk;
            for (; i < argc; i++)
            {
                if (ListPath(sh, argv[i], longForm, all, paths > 1) != 0) status = Shell.StatusError;
            }
            return status;
        }

        private static int ListPath(Shell sh, string path, bool longForm, bool all, bool header)
        {
            Task t = sh.Task;
            StatInfo st = new StatInfo();
            // ls -l names a symlink operand itself (coreutils without -H/-L); plain ls lists what it points at.
            int r = longForm ? sh.Sys.Lstat(t, path, st) : sh.Sys.Stat(t, path, st);
            if (r < 0) return sh.Fail("ls", path, r);
            if ((st.Mode & Stat.S_IFMT) != Stat.S_IFDIR)
            {
                if (longForm) return LongLine(sh, path, path, st);
                sh.Out.Line(path);
                return Shell.StatusOk;
            }
            int fd = sh.Sys.Open(t, path, File.O_RDONLY | File.O_DIRECTORY, 0);
            if (fd < 0) return sh.Fail("ls", path, fd);
            if (header)
            {
                sh.Out.Str(path);
                sh.Out.Line(":");
            }
            int status = Shell.StatusOk;
            for (int index = 0; ; index++)
            {
                string name;
                int type;
                r = sh.Sys.ReadDir(t, fd, index, out name, out type);
                if (r == 0) break;
                if (r < 0)
                {
                    status = sh.Fail("ls", path, r);
                    break;
                }
                if (!all && name.Length > 0 && name[0] == '.') continue;
                if (longForm)
                {
                    string full = ShellArgs.Join(path, name);
                    int lr = sh.Sys.Lstat(t, full, st);
                    if (lr < 0) status = sh.Fail("ls", full, lr);
                    else LongLine(sh, full, name, st);
                }
                else sh.Out.Line(name);
            }
            sh.Sys.Close(t, fd);
            return status;
        }

        // "drwxr-xr-x    2 root     root            0 name [-> target]"
        private static int LongLine(Shell sh, string path, string name, StatInfo st)
        {
            ShellWriter o = sh.Out;
            int type = st.Mode & Stat.S_IFMT;
            o.Char(type == Stat.S_IFDIR ? 'd' : type == Stat.S_IFLNK ? 'l' : type == Stat.S_IFCHR ? 'c' :
                type == Stat.S_IFBLK ? 'b' : type == Stat.S_IFIFO ? 'p' : type == Stat.S_IFSOCK ? 's' : '-');
            for (int shift = 6; shift >= 0; shift -= 3)
            {
                int bits = st.Mode >> shift;
                o.Char((bits & 4) != 0 ? 'r' : '-');
                o.Char((bits & 2) != 0 ? 'w' : '-');
                o.Char((bits & 1) != 0 ? 'x' : '-');
            }
            o.Dec(st.Nlink, 5);
            o.Char(' ');
            o.StrLeft(TaskCommands.UserName(st.Uid), 8);
            o.Char(' ');
            o.StrLeft(TaskCommands.UserName(st.Gid), 8);
            if (type == Stat.S_IFCHR || type == Stat.S_IFBLK)
            {
                o.Dec(st.Rdev >> 8, 5);   // "   1,    3" in place of the size, as busybox's "%4u, %4u"
                o.Str(", ");
                o.Dec(st.Rdev & 0xFF, 4);
            }
            else o.Dec(st.Size, 9);
            o.Char(' ');
            o.Str(name);
            if (type == Stat.S_IFLNK)
            {
                int err;
                string target = sh.Sys.ReadLink(sh.Task, path, out err);
                if (target != null)
                {
                    o.Str(" -> ");
                    o.Str(target);
                }
            }
            o.Char('\n');
            return Shell.StatusOk;
        }
    }
}
