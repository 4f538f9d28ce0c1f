namespace ProcNano
{
    /// <summary>
    /// Memory commands. Each acts for the shell's own task, or with "-p PID" on that task's address space,
    /// which needs the right to attach to it (root, or the same uid and a dumpable task: EPERM otherwise);
    /// files are opened by the shell, with its credentials. Memory is read and written only through the kernel's accessors, which check the VMAs:
    /// EFAULT where nothing is mapped, EACCES where the protection forbids it. Addresses print as 0x%08x.
    /// Errors read "cmd: strerror" ("munmap: Invalid argument"); only a file named by mmap is quoted
    /// ("mmap: /flash/x: No such device").
    /// </summary>
    public static class MemoryCommands
    {
        private const int IPC_CREAT = 0x200, IPC_EXCL = 0x400, IPC_RMID = 0, Mode666 = 0x1b6;
        private const int BytesPerLine = 16;

        public static int Mmap(Shell sh, string[] argv, int argc)
        {
            Task target;
            int i;
            if (!sh.TargetTask("mmap", argv, argc, out target, out i)) return Shell.StatusError;
            // -a ADDR: an address hint (NOMMU ignores it); -f ADDR: MAP_FIXED, which NOMMU refuses (EINVAL).
            uint hint = 0;
            bool fixedAt = false;
            if (argc - i >= 2 && (argv[i] == "-a" || argv[i] == "-f"))
            {
                fixedAt = argv[i] == "-f";
                if (!Address(sh, "mmap", argv[i + 1], out hint)) return Shell.StatusError;
                i += 2;
            }
            int left = argc - i;
            if (left < 3 || left > 5) return sh.Usage("mmap");
            long len, offset = 0;
            if (!sh.Number("mmap", argv[i], out len)) return Shell.StatusError;
            int prot = ShellArgs.ParseProt(argv[i + 1]);
            if (prot < 0) return sh.Complain("mmap", "invalid protection '" + argv[i + 1] + "' (r, w, x or -)");
            int flags;
            if (argv[i + 2] == "shared") flags = Vm.MAP_SHARED;
            else if (argv[i + 2] == "private") flags = Vm.MAP_PRIVATE;
            else return sh.Usage("mmap");
            if (fixedAt) flags |= Vm.MAP_FIXED;
            string path = left >= 4 ? argv[i + 3] : null;
            if (left == 5 && !sh.Number("mmap", argv[i + 4], out offset)) return Shell.StatusError;
            int fd = -1;
            if (path == null) flags |= Vm.MAP_ANONYMOUS;
            else
            {
                // A writable shared map needs the file open for writing; anything else reads it. The shell opens
                // it (its own credentials and fd table), whichever task the map is for.
                bool rw = flags == Vm.MAP_SHARED && (prot & Vm.PROT_WRITE) != 0;
                fd = sh.Sys.Open(sh.Task, path, rw ? File.O_RDWR : File.O_RDONLY, 0);
                if (fd < 0) return sh.Fail("mmap", path, fd);
            }
            long addr = sh.Sys.Mmap(sh.Task, target, hint, len, prot, flags, fd, offset);
            // The mapping holds its own reference to the file.
            if (fd >= 0) sh.Sys.Close(sh.Task, fd);
            if (addr < 0) return path == null ? sh.Fail("mmap", (int)addr) : sh.Fail("mmap", path, (int)addr);
            sh.Out.Addr(addr);
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        public static int Munmap(Shell sh, string[] argv, int argc)
        {
            Task target;
            int i;
            if (!sh.TargetTask("munmap", argv, argc, out target, out i)) return Shell.StatusError;
            if (argc - i != 2) return sh.Usage("munmap");
            uint addr;
            long len;
            if (!Address(sh, "munmap", argv[i], out addr) || !sh.Number("munmap", argv[i + 1], out len)) return Shell.StatusError;
            int r = sh.Sys.Munmap(sh.Task, target, addr, len);
            return r < 0 ? sh.Fail("munmap", r) : Shell.StatusOk;
        }

        /// <summary>shmget [-c] [-x] KEY SIZE [MODE]: -c IPC_CREAT, -x IPC_EXCL, MODE octal (default 0666). With
        /// none of the three, IPC_CREAT|0666 (get or create), as the command always did; with any, the flags are
        /// exactly those given, so a missing key without -c is ENOENT and -c -x of a present one EEXIST.</summary>
        public static int Shmget(Shell sh, string[] argv, int argc)
        {
            int flags = 0, i = 1;
            bool given = false;
            for (; i < argc && (argv[i] == "-c" || argv[i] == "-x" || argv[i] == "-cx" || argv[i] == "-xc"); i++)
            {
                given = true;
                if (argv[i].IndexOf('c') > 0) flags |= IPC_CREAT;
                if (argv[i].IndexOf('x') > 0) flags |= IPC_EXCL;
            }
            if (argc - i != 2 && argc - i != 3) return sh.Usage("shmget");
            long key, size;
            if (!sh.Number("shmget", argv[i], out key) || !sh.Number("shmget", argv[i + 1], out size)) return Shell.StatusError;
            if (key < int.MinValue || key > uint.MaxValue) return sh.Fail("shmget", -Errno.EINVAL);
            int mode = Mode666;
            if (argc - i == 3)
            {
                given = true;
                mode = Octal(argv[i + 2]);
                if (mode < 0) return sh.Complain("shmget", "invalid mode '" + argv[i + 2] + "'");
            }
            if (!given) flags = IPC_CREAT;
            int id = sh.Sys.Shmget(sh.Task, (int)(uint)(key & 0xffffffff), size, flags | mode);
            if (id < 0) return sh.Fail("shmget", id);
            sh.Out.Dec(id);
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        // "0640" or "640": a permission mode, or -1.
        private static int Octal(string s)
        {
            int v = 0;
            if (s.Length == 0 || s.Length > 4) return -1;
            for (int k = 0; k < s.Length; k++)
            {
                if (s[k] < '0' || s[k] > '7') return -1;
                v = v * 8 + (s[k] - '0');
            }
            return v > 0x1ff ? -1 : v;
        }

        public static int Shmat(Shell sh, string[] argv, int argc)
        {
            Task target;
            int i;
            if (!sh.TargetTask("shmat", argv, argc, out target, out i)) return Shell.StatusError;
            if (argc - i != 1) return sh.Usage("shmat");
            int id;
            if (!ShmId(sh, "shmat", argv[i], out id)) return Shell.StatusError;
            long addr = sh.Sys.Shmat(sh.Task, target, id, 0, 0);
            if (addr < 0) return sh.Fail("shmat", (int)addr);
            sh.Out.Addr(addr);
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        public static int Shmdt(Shell sh, string[] argv, int argc)
        {
            Task target;
            int i;
            if (!sh.TargetTask("shmdt", argv, argc, out target, out i)) return Shell.StatusError;
            if (argc - i != 1) return sh.Usage("shmdt");
            uint addr;
            if (!Address(sh, "shmdt", argv[i], out addr)) return Shell.StatusError;
            int r = sh.Sys.Shmdt(sh.Task, target, addr);
            return r < 0 ? sh.Fail("shmdt", r) : Shell.StatusOk;
        }

        public static int Shmrm(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage("shmrm");
            int id;
            if (!ShmId(sh, "shmrm", argv[1], out id)) return Shell.StatusError;
            int r = sh.Sys.Shmctl(sh.Task, id, IPC_RMID);
            return r < 0 ? sh.Fail("shmrm", r) : Shell.StatusOk;
        }

        /// <summary>hexdump -C layout, one line per 16 bytes, then the end address:
        /// "20000000  68 65 6c 6c 6f 0a 00 00  00 00 00 00 00 00 00 00  |hello...........|".</summary>
        public static int Hexdump(Shell sh, string[] argv, int argc)
        {
            if (argc == 3 && argv[1] == "-C") return TextCommands.HexdumpFile(sh, argv[2]);   // a file
            Task target;
            int i;
            if (!sh.TargetTask("hexdump", argv, argc, out target, out i)) return Shell.StatusError;
            if (argc - i != 2) return sh.Usage("hexdump");
            uint addr;
            long len;
            if (!Address(sh, "hexdump", argv[i], out addr) || !sh.Number("hexdump", argv[i + 1], out len)) return Shell.StatusError;
            if (len < 0 || len > 0x100000000L - addr) return sh.Fail("hexdump", -Errno.EINVAL);
            byte[] buf = sh.IoBuf;
            long done = 0;
            while (done < len)
            {
                int want = len - done < buf.Length ? (int)(len - done) : buf.Length;
                uint at = (uint)(addr + done);
                int n = sh.Sys.ReadMem(sh.Task, target, at, buf, 0, want);
                if (n <= 0) return sh.Fail("hexdump", n < 0 ? n : -Errno.EFAULT);
                for (int off = 0; off < n; off += BytesPerLine)
                {
                    int count = n - off < BytesPerLine ? n - off : BytesPerLine;
                    HexLine(sh.Out, (uint)(at + off), buf, off, count);
                }
                done += n;
            }
            if (len > 0)
            {
                sh.Out.Hex((uint)(addr + len), 8);
                sh.Out.Char('\n');
            }
            return Shell.StatusOk;
        }

        /// <summary>One hexdump -C line for <paramref name="count"/> (1..16) bytes at <paramref name="addr"/>.</summary>
        public static void HexLine(ShellWriter o, uint addr, byte[] b, int off, int count)
        {
            o.Hex(addr, 8);
            o.Str("  ");
            for (int j = 0; j < BytesPerLine; j++)
            {
                if (j < count)
                {
                    o.Hex(b[off + j], 2);
                    o.Char(' ');
                }
                else o.Str("   ");
                if (j == 7) o.Char(' ');
            }
            o.Str(" |");
            for (int j = 0; j < count; j++)
            {
                byte c = b[off + j];
                o.Char(c >= 0x20 && c < 0x7f ? (char)c : '.');
            }
            o.Str("|\n");
        }

        /// <summary>poke [-p PID] ADDR TEXT...: the words joined by single spaces, escapes decoded.</summary>
        public static int Poke(Shell sh, string[] argv, int argc)
        {
            Task target;
            int i;
            if (!sh.TargetTask("poke", argv, argc, out target, out i)) return Shell.StatusError;
            if (argc - i < 2) return sh.Usage("poke");
            uint addr;
            if (!Address(sh, "poke", argv[i], out addr)) return Shell.StatusError;
            string text = argv[i + 1];
            for (int j = i + 2; j < argc; j++) text = text + " " + argv[j];
            int n = ShellArgs.Unescape(text, sh.IoBuf);
            if (n < 0) return sh.Complain("poke", "bad text (escapes: \\n \\r \\t \\0 \\\\ \\xHH; at most " + sh.IoBuf.Length.ToString() + " bytes)");
            int w = sh.Sys.WriteMem(sh.Task, target, addr, sh.IoBuf, 0, n);
            if (w < 0) return sh.Fail("poke", w);
            if (w < n) return sh.Fail("poke", -Errno.EFAULT);
            return Shell.StatusOk;
        }

        private static bool Address(Shell sh, string cmd, string s, out uint addr)
        {
            addr = 0;
            long v;
            if (!sh.Number(cmd, s, out v)) return false;
            if (v < 0 || v > uint.MaxValue)
            {
                sh.Fail(cmd, -Errno.EINVAL);
                return false;
            }
            addr = (uint)v;
            return true;
        }

        private static bool ShmId(Shell sh, string cmd, string s, out int id)
        {
            id = 0;
            long v;
            if (!sh.Number(cmd, s, out v)) return false;
            if (v < 0 || v > int.MaxValue)
            {
                sh.Fail(cmd, -Errno.EINVAL);
                return false;
            }
            id = (int)v;
            return true;
        }
    }
}
