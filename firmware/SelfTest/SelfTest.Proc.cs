namespace ProcNano
{
    // Scenarios of procfs (checks 32-40), read as the calling task: its links, an entry removed while open, a
    // task gone while its file is open, the files that check what they are given, and two formats.
    public sealed partial class SelfTest
    {
        private string LinkIs(string path, string expect)
        {
            int err;
            string target = _sys.ReadLink(_t, path, out err);
            if (target == null) return Got("readlink " + path, err);
            return target == expect ? null : path + " -> " + target + ", expected " + expect;
        }

        private string ProcSelf(int check)
        {
            Tamper(check);
            return LinkIs("/proc/self", _sys.Getpid(_t).ToString());
        }

        private string ProcLinks(int check)
        {
            Tamper(check);
            string fail = LinkIs("/proc/net", "self/net");
            return fail != null ? fail : LinkIs("/proc/mounts", "self/mounts");
        }

        private string RemovedEntry(int check)
        {
            ProcEntry entry = null;
            int fd = -1;
            string fail = null;
            try
            {
                int e = _proc.TryCreate("selftest", 0x124, new VersionOps(), null, out entry);
                if (e < 0) return fail = Got("create /proc/selftest", e);
                fd = _sys.Open(_t, "/proc/selftest", File.O_RDONLY, 0);
                if (fd < 0) return fail = Got("open /proc/selftest", fd);
                int n = _sys.Read(_t, fd, _buf, 0, 8);
                if (n <= 0) return fail = Got("read /proc/selftest", n);
                e = _proc.Remove(entry);
                entry = null;
                if (e < 0) return fail = Got("remove /proc/selftest", e);
                Tamper(check);
                n = _sys.Read(_t, fd, _buf, 0, 8);
                int again = _sys.Open(_t, "/proc/selftest", File.O_RDONLY, 0);
                if (again >= 0) _sys.Close(_t, again);
                if (n != -Errno.EIO) fail = Got("read after the entry went", n);
                else if (again != -Errno.ENOENT) fail = Got("open after the entry went", again);
            }
            finally
            {
                if (fd >= 0) _sys.Close(_t, fd);
                if (entry != null) _proc.Remove(entry);
            }
            return fail;
        }

        private string ExitedTask(int check)
        {
            int pid = -1, fd = -1;
            try
            {
                pid = Exec(Hold, 0);
                if (pid < 0) return Got("exec " + Hold, pid);
                string path = "/proc/" + pid.ToString() + "/status";
                fd = _sys.Open(_t, path, File.O_RDONLY, 0);
                Kill(pid);
                pid = -1;
                if (fd < 0) return Got("open " + path, fd);
                Tamper(check);
                int n = _sys.Read(_t, fd, _buf, 0, 8);
                return n == -Errno.ESRCH ? null : Got("read of " + path + " after the task went", n);
            }
            finally
            {
                Kill(pid);
                if (fd >= 0) _sys.Close(_t, fd);
            }
        }

        /// <summary>A write or read of <paramref name="path"/> that must fail with -<paramref name="errno"/>.</summary>
        private string Refused(int check, string path, bool write, string text, int count, int errno)
        {
            int fd = -1;
            try
            {
                fd = _sys.Open(_t, path, write ? File.O_WRONLY : File.O_RDONLY, 0);
                if (fd < 0) return Got("open " + path, fd);
                for (int i = 0; text != null && i < text.Length; i++) _buf[i] = (byte)text[i];
                Tamper(check);
                int n = write ? _sys.Write(_t, fd, _buf, 0, text.Length) : _sys.Read(_t, fd, _buf, 0, count);
                return n == -errno ? null : Got((write ? "write to " : "read of ") + path, n);
            }
            finally
            {
                if (fd >= 0) _sys.Close(_t, fd);
            }
        }

        private string PagemapAlign(int check)
        {
            return Refused(check, "/proc/self/pagemap", false, null, 7, Errno.EINVAL);
        }

        private string ClearRefs(int check)
        {
            return Refused(check, "/proc/self/clear_refs", true, "4", 0, Errno.EINVAL);
        }

        private string TrimSysctl(int check)
        {
            int old = _mem.NrTrimPages;
            string fail = Refused(check, "/proc/sys/vm/nr_trim_pages", true, "lots", 0, Errno.EINVAL);
            if (fail == null && _mem.NrTrimPages != old) fail = "nr_trim_pages changed to " + _mem.NrTrimPages.ToString();
            _mem.NrTrimPages = old;
            return fail;
        }

        /// <summary>meminfo's line <paramref name="line"/> (28 bytes each: "%-16s%8lu kB\n") says <paramref name="label"/>
        /// and <paramref name="pages"/> pages in kB.</summary>
        private string MeminfoLine(byte[] text, int line, string label, long pages)
        {
            long kb = (pages << _mem.PageShift) >> 10;
            string value = kb.ToString();
            int at = line * 28;
            bool ok = true;
            for (int i = 0; i < 16 && ok; i++) ok = text[at + i] == (i < label.Length ? label[i] : ' ');
            for (int i = 0; i < 8 && ok; i++) ok = text[at + 16 + i] == (i < 8 - value.Length ? ' ' : value[i - (8 - value.Length)]);
            ok = ok && text[at + 24] == ' ' && text[at + 25] == 'k' && text[at + 26] == 'B' && text[at + 27] == '\n';
            return ok ? null : "meminfo line " + (line + 1).ToString() + " is not \"" + label + "\" with " + value + " kB";
        }

        private string Meminfo(int check)
        {
            byte[] text = new byte[12 * 28];
            int fd = -1;
            try
            {
                fd = _sys.Open(_t, "/proc/meminfo", File.O_RDONLY, 0);
                if (fd < 0) return Got("open /proc/meminfo", fd);
                int got = 0;
                lock (_lock)   // one moment: the figures below are the ones read
                {
                    while (got < text.Length)
                    {
                        int n = _sys.Read(_t, fd, text, got, text.Length - got);
                        if (n <= 0) break;
                        got += n;
                    }
                    Tamper(check);
                    if (got < text.Length) return "meminfo is " + got.ToString() + " bytes, shorter than 12 lines";
                    string fail = MeminfoLine(text, 0, "MemTotal:", _pages.Pages);
                    return fail != null ? fail : MeminfoLine(text, 11, "MmapCopy:", _mem.MmapPagesAllocated);
                }
            }
            finally
            {
                if (fd >= 0) _sys.Close(_t, fd);
            }
        }

        private string MapsColumn(int check)
        {
            int page = _mem.PageSize;
            int file = -1, fd = -1;
            long a = -1;
            string fail = null;
            try
            {
                int e = MakeFile(TmpFile, page);
                if (e < 0) return fail = Got("create " + TmpFile, e);
                file = _sys.Open(_t, TmpFile, File.O_RDONLY, 0);
                a = file < 0 ? file : _sys.Mmap(_t, 0, page, Vm.PROT_READ, Vm.MAP_SHARED, file, 0);
                fd = a < 0 ? (int)a : _sys.Open(_t, "/proc/maps", File.O_RDONLY, 0);
                if (fd < 0) return fail = Got("map " + TmpFile + " and open /proc/maps", fd);
                Tamper(check);
                int col = 0, lines = 0, pathLines = 0, bad = -1;
                bool inPath = false;
                int n;
                while ((n = _sys.Read(_t, fd, _buf, 0, _buf.Length)) > 0)
                {
                    for (int i = 0; i < n; i++)
                    {
                        byte c = _buf[i];
                        if (c == '\n')
                        {
                            lines++;
                            col = 0;
                            inPath = false;
                            continue;
                        }
                        if (c == '/' && !inPath)
                        {
                            inPath = true;
                            pathLines++;
                            if (col != 49 && bad < 0) bad = lines + 1;
                        }
                        col++;
                    }
                }
                if (n < 0) fail = Got("read /proc/maps", n);
                else if (bad >= 0) fail = "line " + bad.ToString() + " of /proc/maps has its path elsewhere than column 49";
                else if (pathLines == 0) fail = "no line of /proc/maps shows a path";
            }
            finally
            {
                if (fd >= 0) _sys.Close(_t, fd);
                if (a >= 0) _sys.Munmap(_t, (uint)a, page);
                if (file >= 0) _sys.Close(_t, file);
                _sys.Unlink(_t, TmpFile);
            }
            return fail;
        }
    }
}
