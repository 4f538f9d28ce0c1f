namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/fd/: one symlink per open descriptor, named by its number, pointing at the file's path;
    /// /proc/&lt;pid&gt;/fdinfo/: one file per descriptor, its position and flags (<see cref="FdInfoOps"/>).
    /// The inode keeps the number (proc_inode.fd) and looks the descriptor up again on every readlink and read,
    /// so a closed descriptor gives ENOENT. The directory rows carry the ptrace check.
    /// </summary>
    public static class FdDir
    {
        public static int Lookup(PidInode dir, string name, out Inode child)
        {
            child = null;
            Task t = dir.Task;
            if (t == null) return -Errno.ENOENT;
            int fd = ParseFd(name);
            if (fd < 0 || t.Fds == null) return -Errno.ENOENT;
            File f = t.Fds.Get(fd);
            if (f == null) return -Errno.ENOENT;
            child = NewLink(dir, fd, f);
            return 0;
        }

        public static int ReadDir(PidInode dir, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            Task t = dir.Task;
            if (t == null) return -Errno.ENOENT;
            if (t.Fds == null) return 0;
            int seen = 0;
            for (int fd = 0; fd < t.Fds.Size; fd++)
            {
                File f = t.Fds.Get(fd);
                if (f == null) continue;
                if (seen++ == index)
                {
                    name = fd.ToString();
                    child = NewLink(dir, fd, f);
                    return 1;
                }
            }
            return 0;
        }

        /// <summary>/proc/&lt;pid&gt;/fd/&lt;n&gt;: readlink gives the open file's path.</summary>
        public static string LinkTarget(ProcInode link, out int err)
        {
            Task t = link.Task;
            File f = t == null || t.Fds == null ? null : t.Fds.Get(link.Fd);
            if (f == null) { err = -Errno.ENOENT; return null; }
            err = 0;
            return ExeLink.PathOf(f);
        }

        /// <summary>Link mode follows the open mode: r-x for reading, -wx for writing (Linux's tid_fd_revalidate).
        /// Under fdinfo/ the entry is a 0400 file.</summary>
        private static Inode NewLink(PidInode dir, int fd, File f)
        {
            if (dir.Row == PidTable.FdInfo) return new PidInode(dir.PSb, dir.Pid, PidTable.FdInfoFile, null, fd, Stat.S_IFREG | 0x100);
            int mode = Stat.S_IFLNK;
            if (f.CanRead) mode |= 0x100 | 0x40;   // S_IRUSR | S_IXUSR
            if (f.CanWrite) mode |= 0x80 | 0x40;   // S_IWUSR | S_IXUSR
            return new PidInode(dir.PSb, dir.Pid, PidTable.FdLink, null, fd, mode);
        }

        private static int ParseFd(string s)
        {
            int v = PidDirs.ParsePid(s);
            if (v > 0) return v;
            return s == "0" ? 0 : -1;
        }
    }

    /// <summary>/proc/&lt;pid&gt;/fdinfo/&lt;n&gt;: "pos:\t%lli\nflags:\t0%o\n" as 2.6.29's proc_fd_info prints
    /// them; the flags are the open flags less those only open itself acts on (O_CREAT, O_EXCL, O_NOCTTY,
    /// O_TRUNC), as Linux keeps f_flags. ENOENT once the descriptor is closed.</summary>
    public sealed class FdInfoOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            Task t = s.Target;
            File f = t == null || t.Fds == null ? null : t.Fds.Get(s.Pf.Inode.Fd);
            if (f == null) return -Errno.ENOENT;
            o.Str("pos:\t");
            o.Dec(f.Pos, 0, ' ');
            o.Str("\nflags:\t0");
            int flags = f.Flags & ~(File.O_CREAT | File.O_EXCL | File.O_TRUNC | 0x100);
            Octal(o, flags);
            o.Char('\n');
            return 0;
        }

        private static void Octal(OutBuf o, int v)
        {
            int shift = 30;
            while (shift > 0 && ((v >> shift) & 7) == 0) shift -= 3;
            for (; shift >= 0; shift -= 3) o.Char((char)('0' + ((v >> shift) & 7)));
        }
    }
}
