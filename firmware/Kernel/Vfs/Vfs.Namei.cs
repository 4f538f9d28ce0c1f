namespace ProcNano
{
    // Path operations: lookup, open, create and remove, each with Linux's errnos in Linux's order.
    public sealed partial class Vfs
    {
        /// <summary>Access bits for <see cref="Permission"/> (MAY_EXEC, MAY_WRITE, MAY_READ).</summary>
        public const int MayExec = 1, MayWrite = 2, MayRead = 4;

        /// <summary>inode_permission: EROFS for a write on a read-only file system, then the owner/group/other
        /// bits against the caller's fsuid/fsgid. Root passes, except that exec of a non-directory needs
        /// some x bit. A null caller is the kernel and passes.</summary>
        public int Permission(VfsCaller t, Inode i, int mask)
        {
            if ((mask & MayWrite) != 0 && i.Sb != null && i.Sb.ReadOnly && (i.IsReg || i.IsDir || i.IsLink))
                return -Errno.EROFS;
            if (t == null) return 0;
            if (t.Cred.Fsuid == 0)
            {
                if ((mask & MayExec) == 0 || i.IsDir || (i.Mode & Stat.S_IXUGO) != 0) return 0;
                return -Errno.EACCES;
            }
            int m = i.Mode;
            if (t.Cred.Fsuid == i.Uid) m >>= 6;
            else if (t.Cred.Fsgid == i.Gid) m >>= 3;
            return (m & mask) == mask ? 0 : i.Denied(t);
        }

        /// <summary>Looks <paramref name="path"/> up from the caller's cwd (or the root). A final symlink is
        /// followed only if <paramref name="followLast"/>. Gives the inode and its absolute path, or -errno.</summary>
        public int Resolve(VfsCaller t, string path, bool followLast, out Inode inode, out string absPath)
        {
            inode = null;
            absPath = null;
            PathWalk w = new PathWalk(this, t);
            int e = w.Walk(path, followLast);
            if (e < 0) return e;
            inode = w.Inode;
            absPath = w.AbsPath;
            return 0;
        }

        /// <summary>open(2) without the fd: the new file (one reference, for the caller to install or close
        /// with <see cref="FileTable.Close"/>) or -errno. Honours O_CREAT, O_EXCL, O_TRUNC, O_DIRECTORY.</summary>
        public int OpenFile(VfsCaller t, string path, int flags, int mode, out File f)
        {
            f = null;
            if ((flags & File.O_ACCMODE) == File.O_ACCMODE) return -Errno.EINVAL;
            Inode inode;
            string abs;
            int e;
            if ((flags & File.O_CREAT) == 0)
            {
                e = Resolve(t, path, true, out inode, out abs);
                return e < 0 ? e : OpenInode(t, inode, abs, flags, false, out f);
            }
            PathWalk w = new PathWalk(this, t);
            e = w.WalkParent(path);
            if (e < 0) return e;
            if (w.LastType != PathWalk.LastNorm || w.TrailingSlash) return -Errno.EISDIR;
            Inode dir = w.Inode;
            e = dir.Lookup(t, w.Last, out inode);
            if (e == 0)
            {
                if ((flags & File.O_EXCL) != 0) return -Errno.EEXIST;
                // Exists: open it as a plain open would (through a symlink, into a mount).
                e = Resolve(t, path, true, out inode, out abs);
                return e < 0 ? e : OpenInode(t, inode, abs, flags, false, out f);
            }
            if (e != -Errno.ENOENT || !dir.CanCreate) return e;
            e = Permission(t, dir, MayWrite | MayExec);
            if (e < 0) return e;
            e = dir.Create(t, w.Last, Stat.S_IFREG | (mode & 0xFFF), out inode);
            if (e < 0) return e;
            return OpenInode(t, inode, w.LastPath, flags, true, out f);
        }

        /// <summary>open_exec: the program file for exec, opened read-only for the kernel. Only MAY_EXEC is
        /// checked (a --x file runs for a user who may not read it); not a regular file → EACCES. The caller
        /// closes it with <see cref="FileTable.Close"/>.</summary>
        public int OpenExec(VfsCaller t, string path, out File f)
        {
            f = null;
            Inode inode;
            string abs;
            int e = Resolve(t, path, true, out inode, out abs);
            if (e < 0) return e;
            if (!inode.IsReg) return -Errno.EACCES;
            e = Permission(t, inode, MayExec);
            if (e < 0) return e;
            return OpenInode(t, inode, abs, File.O_RDONLY, true, out f);
        }

        // may_open and the file system's open. A file just created is not checked again (Linux neither);
        // nor is a program file, which OpenExec checked for MAY_EXEC.
        private int OpenInode(VfsCaller t, Inode inode, string abs, int flags, bool permitted, out File f)
        {
            f = null;
            int acc = flags & File.O_ACCMODE;
            bool trunc = (flags & File.O_TRUNC) != 0;
            bool write = acc != File.O_RDONLY || trunc;
            if (inode.IsLink) return -Errno.ELOOP;
            if ((flags & File.O_DIRECTORY) != 0 && !inode.IsDir) return -Errno.ENOTDIR;
            if (inode.IsDir && write) return -Errno.EISDIR;
            if (!permitted)
            {
                int mask = (acc != File.O_WRONLY ? MayRead : 0) | (write ? MayWrite : 0);
                int pe = Permission(t, inode, mask);
                if (pe < 0) return pe;
            }
            File nf = new File(inode, abs, flags);
            int e = inode.Open(nf, t);
            if (e < 0)
            {
                // The open failed: no release runs, but the superblock was pinned by the constructor.
                if (inode.Sb != null) inode.Sb.OpenFiles--;
                return e;
            }
            // Truncating an empty file is a no-op; so O_TRUNC works on files that cannot truncate (procfs).
            if (trunc && inode.IsReg && inode.Size != 0)
            {
                e = inode.Truncate(0);
                if (e < 0)
                {
                    Files.Close(nf);
                    return e;
                }
            }
            f = nf;
            return 0;
        }

        public int Mkdir(VfsCaller t, string path, int mode)
        {
            PathWalk w;
            int e = LookupCreate(t, path, true, out w);
            if (e < 0) return e;
            Inode child;
            return w.Inode.Mkdir(t, w.Last, Stat.S_IFDIR | (mode & 0xFFF), out child);
        }

        /// <summary>symlink(2): makes <paramref name="linkPath"/> a symlink whose text is <paramref name="target"/>.</summary>
        public int Symlink(VfsCaller t, string target, string linkPath)
        {
            if (target == null || target.Length == 0) return -Errno.ENOENT;
            if (target.Length >= PathWalk.PathMax) return -Errno.ENAMETOOLONG;
            PathWalk w;
            int e = LookupCreate(t, linkPath, false, out w);
            if (e < 0) return e;
            Inode child;
            return w.Inode.Symlink(t, w.Last, target, out child);
        }

        /// <summary>mknod(2) of a character device node (the kernel makes /dev/null and /dev/zero at boot):
        /// only root may (CAP_MKNOD, EPERM); <paramref name="rdev"/> is major &lt;&lt; 8 | minor.</summary>
        public int Mknod(VfsCaller t, string path, int mode, int rdev)
        {
            if ((mode & Stat.S_IFMT) != Stat.S_IFCHR) return -Errno.EINVAL;
            if (t != null && t.Cred.Euid != 0) return -Errno.EPERM;
            PathWalk w;
            int e = LookupCreate(t, path, false, out w);
            if (e < 0) return e;
            Inode child;
            return w.Inode.Mknod(t, w.Last, mode, rdev, out child);
        }

        // lookup_create: walks to the parent of a name about to be made and checks that it may be made there:
        // EEXIST if taken, ENOENT for "name/" unless a directory is made, then EROFS/EACCES on the directory.
        private int LookupCreate(VfsCaller t, string path, bool isDir, out PathWalk w)
        {
            w = new PathWalk(this, t);
            int e = w.WalkParent(path);
            if (e < 0) return e;
            if (w.LastType != PathWalk.LastNorm) return -Errno.EEXIST;
            Inode dir = w.Inode, child;
            e = dir.Lookup(t, w.Last, out child);
            if (e == 0) return -Errno.EEXIST;
            if (e != -Errno.ENOENT || !dir.CanCreate) return e;
            if (w.TrailingSlash && !isDir) return -Errno.ENOENT;
            return Permission(t, dir, MayWrite | MayExec);
        }

        public int Rmdir(VfsCaller t, string path)
        {
            PathWalk w = new PathWalk(this, t);
            int e = w.WalkParent(path);
            if (e < 0) return e;
            if (w.LastType == PathWalk.LastDot) return -Errno.EINVAL;
            if (w.LastType == PathWalk.LastDotDot) return -Errno.ENOTEMPTY;
            if (w.LastType == PathWalk.LastRoot) return -Errno.EBUSY;
            Inode dir = w.Inode, child;
            e = dir.Lookup(t, w.Last, out child);
            if (e < 0) return e;
            e = MayDelete(t, dir, child);
            if (e < 0) return e;
            if (!child.IsDir) return -Errno.ENOTDIR;
            if (IsMountPoint(child)) return -Errno.EBUSY;
            return dir.Rmdir(t, w.Last);
        }

        public int Unlink(VfsCaller t, string path)
        {
            PathWalk w = new PathWalk(this, t);
            int e = w.WalkParent(path);
            if (e < 0) return e;
            if (w.LastType != PathWalk.LastNorm) return -Errno.EISDIR;
            Inode dir = w.Inode, child;
            e = dir.Lookup(t, w.Last, out child);
            if (e < 0) return e;
            if (w.TrailingSlash) return child.IsDir ? -Errno.EISDIR : -Errno.ENOTDIR;
            e = MayDelete(t, dir, child);
            if (e < 0) return e;
            if (child.IsDir) return -Errno.EISDIR;
            return dir.Unlink(t, w.Last);
        }

        // may_delete: write+search on the directory; in a sticky directory (/tmp) only the owner of the
        // entry or of the directory (or root) may remove it.
        private int MayDelete(VfsCaller t, Inode dir, Inode child)
        {
            int e = Permission(t, dir, MayWrite | MayExec);
            if (e < 0) return e;
            const int sticky = 0x200;
            if (t != null && t.Cred.Fsuid != 0 && (dir.Mode & sticky) != 0 && t.Cred.Fsuid != child.Uid && t.Cred.Fsuid != dir.Uid)
                return -Errno.EPERM;
            return 0;
        }

        /// <summary>truncate(2): EINVAL for a negative size or a non-regular file, EISDIR for a directory.</summary>
        public int Truncate(VfsCaller t, string path, long size)
        {
            if (size < 0) return -Errno.EINVAL;
            Inode inode;
            string abs;
            int e = Resolve(t, path, true, out inode, out abs);
            if (e < 0) return e;
            if (inode.IsDir) return -Errno.EISDIR;
            if (!inode.IsReg) return -Errno.EINVAL;
            e = Permission(t, inode, MayWrite);
            if (e < 0) return e;
            return inode.Truncate(size);
        }

        /// <summary>readlink(2): the link's text, or null with <paramref name="err"/> = -errno (EINVAL if the
        /// path is not a symlink).</summary>
        public string ReadLink(VfsCaller t, string path, out int err)
        {
            Inode inode;
            string abs;
            err = Resolve(t, path, false, out inode, out abs);
            if (err < 0) return null;
            if (!inode.IsLink)
            {
                err = -Errno.EINVAL;
                return null;
            }
            string s = inode.ReadLink(t, out err);
            if (s != null) err = 0;
            return s;
        }

        /// <summary>chdir(2): sets the caller's cwd to the directory's absolute path.</summary>
        public int Chdir(VfsCaller t, string path)
        {
            Inode inode;
            string abs;
            int e = Resolve(t, path, true, out inode, out abs);
            if (e < 0) return e;
            if (!inode.IsDir) return -Errno.ENOTDIR;
            e = Permission(t, inode, MayExec);
            if (e < 0) return e;
            t.Cwd = abs;
            return 0;
        }

        /// <summary>stat/lstat of a path into <paramref name="st"/>.</summary>
        public int StatPath(VfsCaller t, string path, bool followLast, StatInfo st)
        {
            Inode inode;
            string abs;
            int e = Resolve(t, path, followLast, out inode, out abs);
            if (e < 0) return e;
            FillStat(inode, st);
            return 0;
        }

        public static void FillStat(Inode i, StatInfo st)
        {
            st.Mode = i.Mode;
            st.Ino = i.Ino;
            st.Major = i.Sb == null ? 0 : i.Sb.Major;
            st.Minor = i.Sb == null ? 0 : i.Sb.Minor;
            st.Uid = i.Uid;
            st.Gid = i.Gid;
            st.Nlink = i.Nlink;
            st.Size = i.Size;
            st.MTime = i.MTime;
            st.Rdev = i.Rdev;
        }

        /// <summary>Opens an inode linked in no directory (a SysV shm segment's) read-write, by the kernel, shown
        /// as <paramref name="name"/>. The caller holds the one reference and closes it with
        /// <see cref="FileTable.Close"/>.</summary>
        public int OpenUnlinked(Inode inode, string name, out File f)
        {
            return OpenInode(null, inode, name, File.O_RDWR, true, out f);
        }
    }
}
