namespace ProcNano
{
    // File syscalls: the fd layer over Vfs (path operations live in Vfs/Vfs.Namei.cs).
    public sealed partial class Syscalls
    {
        /// <summary>open(2): returns fd or -errno. Relative paths start at the task's cwd.</summary>
        public int Open(Task t, string path, int flags, int mode)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                if ((flags & File.O_CREAT) != 0 && HeapLow()) return -Errno.ENOMEM;
                if (_k.Vfs.OpenFileCount() >= _k.Board.FileMax) return -Errno.ENFILE;
                if ((flags & File.O_CREAT) != 0 && NoInodeFor(t, path)) return -Errno.ENOSPC;
                File f;
                int e = _k.Vfs.OpenFile(t, path, flags, mode, out f);
                if (e < 0) return e;
                int fd = t.Fds.Install(f, _k.Board.NrOpen);
                if (fd < 0) _k.Vfs.Files.Close(f);
                return fd;
            }
        }

        public int Close(Task t, int fd)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                File f = t.Fds.Remove(fd);
                if (f == null) return -Errno.EBADF;
                _k.Vfs.Files.Close(f);
                return 0;
            }
        }

        /// <summary>read(2) at the file position; returns bytes read (0 at EOF) or -errno.</summary>
        public int Read(Task t, int fd, byte[] buf, int off, int count)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                File f = t.Fds.Get(fd);
                if (f == null || !f.CanRead) return -Errno.EBADF;
                if (f.Inode.IsDir) return -Errno.EISDIR;
                if (!BufferOk(buf, off, count)) return -Errno.EFAULT;
                int n = f.Inode.Read(f, t, f.Pos, buf, off, count);
                if (n > 0) f.Pos += n;
                return n;
            }
        }

        public int Write(Task t, int fd, byte[] buf, int off, int count)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                File f = t.Fds.Get(fd);
                if (f == null || !f.CanWrite) return -Errno.EBADF;
                if (!BufferOk(buf, off, count)) return -Errno.EFAULT;
                if ((f.Flags & File.O_APPEND) != 0) f.Pos = f.Inode.Size;
                int n = f.Inode.Write(f, t, f.Pos, buf, off, count);
                if (n > 0) f.Pos += n;
                return n;
            }
        }

        /// <summary>fs.inode-max is reached (the in-memory file systems' inodes, counted when asked) and
        /// <paramref name="path"/> would need a new one: ENOSPC for the caller, as a full tmpfs gives.</summary>
        private bool NoInodeFor(Task t, string path)
        {
            Vfs vfs = _k.Vfs;
            int n = 0;
            for (int i = 0; i < vfs.MountCount; i++)
            {
                SuperBlock sb = vfs.MountAt(i).Sb;
                if (sb is RamfsSuper) n += sb.CachedInodes();
            }
            return n >= _k.Board.InodeMax && vfs.StatPath(t, path, false, new StatInfo()) == -Errno.ENOENT;
        }

        private static bool BufferOk(byte[] buf, int off, int count)
        {
            return count >= 0 && (count == 0 || (buf != null && off >= 0 && off <= buf.Length - count));
        }

        /// <summary>lseek(2) with whence 0/1/2; returns the new position or -errno.</summary>
        public long Lseek(Task t, int fd, long offset, int whence)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                File f = t.Fds.Get(fd);
                if (f == null) return -Errno.EBADF;
                return f.Inode.Llseek(f, offset, whence);
            }
        }

        public int Stat(Task t, string path, StatInfo st)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Vfs.StatPath(t, path, true, st);
        }

        /// <summary>lstat(2): like Stat, not following a final symlink.</summary>
        public int Lstat(Task t, string path, StatInfo st)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Vfs.StatPath(t, path, false, st);
        }

        public int Fstat(Task t, int fd, StatInfo st)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                File f = t.Fds.Get(fd);
                if (f == null) return -Errno.EBADF;
                Vfs.FillStat(f.Inode, st);
                return 0;
            }
        }

        /// <summary>Directory entry number <paramref name="index"/> of the open directory fd ("." and ".." first):
        /// 1 with name and type (S_IF* bits) filled, 0 past the end, or -errno.</summary>
        public int ReadDir(Task t, int fd, int index, out string name, out int type)
        {
            name = null;
            type = 0;
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                File f = t.Fds.Get(fd);
                if (f == null) return -Errno.EBADF;
                if (!f.Inode.IsDir) return -Errno.ENOTDIR;
                if (index < 0) return -Errno.EINVAL;
                if (index < 2)
                {
                    name = index == 0 ? "." : "..";
                    type = global::ProcNano.Stat.S_IFDIR;
                    return 1;
                }
                Inode child;
                int r = f.Inode.ReadDir(t, index - 2, out name, out child);
                if (r > 0 && child != null) type = child.Mode & global::ProcNano.Stat.S_IFMT;
                return r;
            }
        }

        public int Mkdir(Task t, string path, int mode)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : HeapLow() ? -Errno.ENOMEM : NoInodeFor(t, path) ? -Errno.ENOSPC : _k.Vfs.Mkdir(t, path, mode);
        }

        public int Rmdir(Task t, string path)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Vfs.Rmdir(t, path);
        }

        public int Unlink(Task t, string path)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Vfs.Unlink(t, path);
        }

        /// <summary>symlink(2): creates <paramref name="linkPath"/> pointing at <paramref name="target"/>.</summary>
        public int Symlink(Task t, string target, string linkPath)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : NoInodeFor(t, linkPath) ? -Errno.ENOSPC : _k.Vfs.Symlink(t, target, linkPath);
        }

        /// <summary>rename(2): see <see cref="Vfs.Rename"/> for the errnos.</summary>
        public int Rename(Task t, string oldPath, string newPath)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Vfs.Rename(t, oldPath, newPath);
        }

        public int Truncate(Task t, string path, long size)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Vfs.Truncate(t, path, size);
        }

        /// <summary>readlink(2): the target, or null with err = -errno.</summary>
        public string ReadLink(Task t, string path, out int err)
        {
            lock (_k.Lock)
            {
                err = -Errno.ESRCH;
                return Dead(t) ? null : _k.Vfs.ReadLink(t, path, out err);
            }
        }

        public int Chdir(Task t, string path)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Vfs.Chdir(t, path);
        }

        /// <summary>The task's cwd as an absolute path.</summary>
        public string Getcwd(Task t) { return t.Cwd; }

        /// <summary>mount(2) of a registered file system type at <paramref name="target"/> (root only: EPERM).</summary>
        public int Mount(Task t, string source, string target, string fsType)
        {
            lock (_k.Lock)
            {
                if (t != null && Dead(t)) return -Errno.ESRCH;   // null: the kernel
                if (t != null && !t.IsRoot) return -Errno.EPERM;
                return _k.Vfs.Mount(t, source, target, fsType);
            }
        }

        /// <summary>getfsstat, one mount per call (as TaskAt hands out tasks): fills <paramref name="st"/> for
        /// mount <paramref name="index"/> of the mount table, returns the index to ask for next, 0 past the end.</summary>
        public int StatFsAt(Task t, int index, StatFsInfo st)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                Vfs vfs = _k.Vfs;
                if (index < 0 || index >= vfs.MountCount) return 0;
                FillStatFs(vfs.MountAt(index), st);
                return index + 1;
            }
        }

        /// <summary>statfs(2) of the file system holding <paramref name="path"/>: 0 or -errno.</summary>
        public int StatFs(Task t, string path, StatFsInfo st)
        {
            lock (_k.Lock)
            {
                if (Dead(t)) return -Errno.ESRCH;
                Inode inode;
                string abs;
                int e = _k.Vfs.Resolve(t, path, true, out inode, out abs);
                if (e < 0) return e;
                Vfs vfs = _k.Vfs;
                for (int i = vfs.MountCount - 1; i >= 0; i--)
                {
                    VfsMount m = vfs.MountAt(i);
                    if (m.Sb != inode.Sb) continue;
                    FillStatFs(m, st);
                    return 0;
                }
                return -Errno.ENOENT;   // a file system mounted nowhere (the shm store)
            }
        }

        private static void FillStatFs(VfsMount m, StatFsInfo st)
        {
            m.Sb.StatFs(st);
            st.MountPoint = m.Point;
            st.Source = m.DevName;
            st.FsType = m.FsType;
        }

        public int Umount(Task t, string target)
        {
            lock (_k.Lock)
            {
                if (t != null && Dead(t)) return -Errno.ESRCH;   // null: the kernel
                if (t != null && !t.IsRoot) return -Errno.EPERM;
                return _k.Vfs.Umount(t, target);
            }
        }
    }
}
