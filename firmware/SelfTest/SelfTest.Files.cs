namespace ProcNano
{
    // Scenarios of file maps (checks 18-25): ramfs maps in place, flash only by copy, procfs not at all. Each
    // makes its own file (a dot file in /tmp or on the flash mount) and removes it.
    public sealed partial class SelfTest
    {
        private const string TmpFile = "/tmp/.selftest";

        /// <summary>The flash mount's test file, or null on a board without flash.</summary>
        private string FlashFile(string name)
        {
            string m = _board.FlashMount;
            return m == null || m.Length == 0 || _fs.Platform == null || _fs.Platform.Flash == null ? null : m + "/" + name;
        }

        /// <summary>Byte <paramref name="i"/> of every test file: never 0, so a copy's zero tail shows.</summary>
        private static byte Pattern(int i) { return (byte)(i * 7 + 1 | 1); }

        /// <summary>Creates (or truncates) <paramref name="path"/> with <paramref name="size"/> bytes of the pattern; 0 or -errno.</summary>
        private int MakeFile(string path, int size)
        {
            int fd = _sys.Open(_t, path, File.O_WRONLY | File.O_CREAT | File.O_TRUNC, 0x1A4);
            if (fd < 0) return fd;
            int e = 0;
            for (int done = 0; done < size && e >= 0; )
            {
                int n = size - done < _buf.Length ? size - done : _buf.Length;
                for (int i = 0; i < n; i++) _buf[i] = Pattern(done + i);
                e = _sys.Write(_t, fd, _buf, 0, n);
                if (e == 0) e = -Errno.EIO;
                done += n;
            }
            _sys.Close(_t, fd);
            if (e < 0) _sys.Unlink(_t, path);   // a full store: nothing half-written stays
            return e < 0 ? e : 0;
        }

        /// <summary>The first byte of <paramref name="fd"/>'s file, read without keeping its position moved.</summary>
        private int FirstByte(int fd)
        {
            long pos = _sys.Lseek(_t, fd, 0, 1);
            _sys.Lseek(_t, fd, 0, 0);
            int n = _sys.Read(_t, fd, _buf, 0, 1);
            _sys.Lseek(_t, fd, pos, 0);
            return n == 1 ? _buf[0] : n;
        }

        private RamfsFile RamfsOf(int fd)
        {
            File f = _t.Fds.Get(fd);
            return f == null ? null : f.Inode as RamfsFile;
        }

        private string RamfsShared(int check)
        {
            int page = _mem.PageSize;
            int fd = -1;
            long a = -1, b = -1;
            string fail = null;
            try
            {
                int e = MakeFile(TmpFile, 2 * page);
                if (e < 0) return fail = Got("create " + TmpFile, e);
                fd = _sys.Open(_t, TmpFile, File.O_RDWR, 0);
                int before = _mem.MmapPagesAllocated;
                a = fd < 0 ? fd : _sys.Mmap(_t, 0, page, RW, Vm.MAP_SHARED, fd, 0);
                b = a < 0 ? a : _sys.Mmap(_t, 0, page, RW, Vm.MAP_SHARED, fd, 0);
                if (b < 0) return fail = Got("shared mmap of " + TmpFile, b);
                _buf[0] = (byte)'X';
                e = _sys.WriteMem(_t, _t, (uint)b, _buf, 0, 1);
                Tamper(check);
                RamfsFile rf = RamfsOf(fd);
                int v = VmaAt((uint)a);
                if (e < 0) fail = Got("write through the map", e);
                else if (a != b) fail = "two shared maps of one file got two addresses";
                else if (rf == null || (uint)a != _phys.PageAddress(rf.Pfn)) fail = "the map is not at the file's own pages";
                else if (_mem.MmapPagesAllocated != before) fail = "a shared ramfs map counted in MmapCopy";
                else if (v < 0 || _mem.Regions.Usage(_mem.Vmas.Region(v)) != 2) fail = "the two maps do not share one region";
                else if (FirstByte(fd) != 'X') fail = "the file does not see a write through its map";
            }
            finally
            {
                if (b >= 0) _sys.Munmap(_t, (uint)b, page);
                if (a >= 0) _sys.Munmap(_t, (uint)a, page);
                if (fd >= 0) _sys.Close(_t, fd);
                _sys.Unlink(_t, TmpFile);
            }
            return fail;
        }

        private string PrivateCopy(int check)
        {
            int page = _mem.PageSize;
            const int size = 10;
            int fd = -1;
            long a = -1;
            string fail = null;
            try
            {
                int e = MakeFile(TmpFile, size);
                if (e < 0) return fail = Got("create " + TmpFile, e);
                fd = _sys.Open(_t, TmpFile, File.O_RDONLY, 0);
                int before = _mem.MmapPagesAllocated;
                a = fd < 0 ? fd : _sys.Mmap(_t, 0, page, RW, Vm.MAP_PRIVATE, fd, 0);
                if (a < 0) return fail = Got("private mmap of " + TmpFile, a);
                int n = _sys.ReadMem(_t, _t, (uint)a, _buf, 0, size + 1);
                bool same = n == size + 1;
                for (int i = 0; same && i < size; i++) same = _buf[i] == Pattern(i);
                bool zeroTail = same && _buf[size] == 0;
                _buf[0] = (byte)'Y';
                e = _sys.WriteMem(_t, _t, (uint)a, _buf, 0, 1);
                Tamper(check);
                RamfsFile rf = RamfsOf(fd);
                if (!same) fail = "the copy does not hold the file's bytes";
                else if (!zeroTail) fail = "the copy is not zero past the end of the file";
                else if (e < 0) fail = Got("write through the private map", e);
                else if (rf != null && (uint)a == _phys.PageAddress(rf.Pfn)) fail = "a writable private map maps the file in place";
                else if (_mem.MmapPagesAllocated - before != 1) fail = "MmapCopy grew by " + (_mem.MmapPagesAllocated - before).ToString() + " pages, expected 1";
                else if (FirstByte(fd) != Pattern(0)) fail = "a write through a private map reached the file";
            }
            finally
            {
                if (a >= 0) _sys.Munmap(_t, (uint)a, page);
                if (fd >= 0) _sys.Close(_t, fd);
                _sys.Unlink(_t, TmpFile);
            }
            return fail;
        }

        private string FilePosition(int check)
        {
            int page = _mem.PageSize;
            int fd = -1;
            long a = -1;
            string fail = null;
            try
            {
                int e = MakeFile(TmpFile, page);
                if (e < 0) return fail = Got("create " + TmpFile, e);
                fd = _sys.Open(_t, TmpFile, File.O_RDONLY, 0);
                if (fd >= 0) _sys.Lseek(_t, fd, 5, 0);
                a = fd < 0 ? fd : _sys.Mmap(_t, 0, page, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
                if (a < 0) return fail = Got("mmap of " + TmpFile, a);
                Tamper(check);
                long pos = _sys.Lseek(_t, fd, 0, 1);
                if (pos != 5) fail = "the file position moved to " + pos.ToString();
            }
            finally
            {
                if (a >= 0) _sys.Munmap(_t, (uint)a, page);
                if (fd >= 0) _sys.Close(_t, fd);
                _sys.Unlink(_t, TmpFile);
            }
            return fail;
        }

        private string FlashShare(int check)
        {
            string path = FlashFile(".selftest");
            if (path == null) return Skipped;
            int page = _mem.PageSize;
            int fd = -1;
            long a = -1, b = -1;
            string fail = null;
            try
            {
                int e = MakeFile(path, page);
                if (e < 0) return fail = Got("create " + path, e);
                fd = _sys.Open(_t, path, File.O_RDONLY, 0);
                int before = _mem.MmapPagesAllocated;
                a = fd < 0 ? fd : _sys.Mmap(_t, 0, page, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
                b = a < 0 ? a : _sys.Mmap(_t, 0, page, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
                if (b < 0) return fail = Got("mmap of " + path, b);
                Tamper(check);
                int v = VmaAt((uint)a);
                int r = v < 0 ? -1 : _mem.Vmas.Region(v);
                if (a != b) fail = "two read-only maps of one range got two copies";
                else if (r < 0 || !IsCopy(_mem.Regions.Flags(r))) fail = "a flash map is not a copy";
                else if (_mem.Regions.Usage(r) != 2) fail = "the copy's usage is " + _mem.Regions.Usage(r).ToString() + ", expected 2";
                else if (_mem.MmapPagesAllocated - before != 1) fail = "MmapCopy grew by " + (_mem.MmapPagesAllocated - before).ToString() + " pages, expected 1";
            }
            finally
            {
                if (b >= 0) _sys.Munmap(_t, (uint)b, page);
                if (a >= 0) _sys.Munmap(_t, (uint)a, page);
                if (fd >= 0) _sys.Close(_t, fd);
                _sys.Unlink(_t, path);
            }
            return fail;
        }

        private string FlashMismatch(int check)
        {
            string path = FlashFile(".selftest");
            if (path == null) return Skipped;
            int page = _mem.PageSize;
            int fd = -1;
            long a = -1, b = -1;
            string fail = null;
            try
            {
                int e = MakeFile(path, 2 * page);
                if (e < 0) return fail = Got("create " + path, e);
                fd = _sys.Open(_t, path, File.O_RDONLY, 0);
                int before = _mem.MmapPagesAllocated;
                a = fd < 0 ? fd : _sys.Mmap(_t, 0, page, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
                if (a < 0) return fail = Got("mmap of " + path, a);
                b = _sys.Mmap(_t, 0, 2L * page, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
                Tamper(check);
                if (b != -Errno.EINVAL) fail = Got("mmap overlapping a copy partly", b);
                else if (_mem.MmapPagesAllocated - before != 1) fail = "the refused map left pages counted";
            }
            finally
            {
                if (b >= 0) _sys.Munmap(_t, (uint)b, 2L * page);
                if (a >= 0) _sys.Munmap(_t, (uint)a, page);
                if (fd >= 0) _sys.Close(_t, fd);
                _sys.Unlink(_t, path);
            }
            return fail;
        }

        /// <summary>mmap of <paramref name="path"/> (made with <paramref name="size"/> bytes unless 0: it exists)
        /// opened with <paramref name="openFlags"/> must fail with <paramref name="errno"/>.</summary>
        private string MapRefused(int check, string path, int size, int openFlags, int prot, int flags, int errno)
        {
            if (path == null) return Skipped;
            int page = _mem.PageSize;
            int fd = -1;
            long a = -1;
            string fail = null;
            try
            {
                int e = size > 0 ? MakeFile(path, size) : 0;
                if (e < 0) return fail = Got("create " + path, e);
                fd = _sys.Open(_t, path, openFlags, 0);
                if (fd < 0) return fail = Got("open " + path, fd);
                Tamper(check);
                a = _sys.Mmap(_t, 0, page, prot, flags, fd, 0);
                if (a != -errno) fail = Got("mmap of " + path, a);
            }
            finally
            {
                if (a >= 0) _sys.Munmap(_t, (uint)a, page);
                if (fd >= 0) _sys.Close(_t, fd);
                if (size > 0) _sys.Unlink(_t, path);
            }
            return fail;
        }

        private string FlashSharedNoDev(int check)
        {
            return MapRefused(check, FlashFile(".selftest"), _mem.PageSize, File.O_RDONLY, Vm.PROT_READ, Vm.MAP_SHARED, Errno.ENODEV);
        }

        private string ProcNoDev(int check)
        {
            return MapRefused(check, "/proc/version", 0, File.O_RDONLY, Vm.PROT_READ, Vm.MAP_PRIVATE, Errno.ENODEV);
        }

        private string ReadOnlyShared(int check)
        {
            return MapRefused(check, TmpFile, _mem.PageSize, File.O_RDONLY, RW, Vm.MAP_SHARED, Errno.EACCES);
        }
    }
}
