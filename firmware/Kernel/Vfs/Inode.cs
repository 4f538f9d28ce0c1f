namespace ProcNano
{
    /// <summary>
    /// A file system object. File systems subclass it and override what they support; every operation
    /// returns a count, 0, or -errno. <c>current</c> is the caller's credentials and cwd (null: the kernel);
    /// ramfs gives new inodes its fsuid/fsgid, and procfs casts it back to the task for /proc/self and its
    /// access checks.
    /// </summary>
    public abstract class Inode
    {
        /// <summary>Most regions one inode may back (its count has 16 bits).</summary>
        public const int MaxMapped = 0xFFFF;

        public SuperBlock Sb;
        public int Ino;
        public long MTime;
        // Inodes are the kernel's most numerous objects: small figures share a field (12 B each on the
        // device). Mode in the low 16 bits and the mapping count in the high 16; uid and gid in one long.
        private int _modeMapped;
        private long _owner;

        /// <summary>Type and permission bits (S_IFREG | 0644 ...).</summary>
        public int Mode
        {
            get { return _modeMapped & 0xFFFF; }
            set { _modeMapped = (_modeMapped & ~0xFFFF) | (value & 0xFFFF); }
        }

        /// <summary>Regions mapping this inode (Linux's i_mmap count, at most 65535): a ramfs file may not
        /// move its pages while mapped.</summary>
        public int Mapped
        {
            get { return (int)((uint)_modeMapped >> 16); }
            set { _modeMapped = (_modeMapped & 0xFFFF) | (value << 16); }
        }

        public int Uid
        {
            get { return (int)(_owner & 0xFFFFFFFFL); }
            set { _owner = (_owner & ~0xFFFFFFFFL) | (uint)value; }
        }

        public int Gid
        {
            get { return (int)(_owner >> 32); }
            set { _owner = (_owner & 0xFFFFFFFFL) | ((long)value << 32); }
        }

        public bool IsDir => (Mode & Stat.S_IFMT) == Stat.S_IFDIR;
        public bool IsReg => (Mode & Stat.S_IFMT) == Stat.S_IFREG;
        public bool IsLink => (Mode & Stat.S_IFMT) == Stat.S_IFLNK;

        public virtual long Size => 0;
        /// <summary>Hard links (stat's st_nlink).</summary>
        public virtual int Nlink => IsDir ? 2 : 1;

        /// <summary>What a permission check the mode bits refused finally answers (an inode's own
        /// i_op->permission after generic_permission said no): -EACCES, or 0 where a file system grants more.</summary>
        public virtual int Denied(VfsCaller current) { return -Errno.EACCES; }

        // ---- file operations ----
        /// <summary>Called for every open; may refuse with -errno.</summary>
        public virtual int Open(File f, VfsCaller current) { return 0; }
        /// <summary>Called once when the last reference to an open file goes.</summary>
        public virtual void Release(File f) { }
        public virtual int Read(File f, VfsCaller current, long pos, byte[] buf, int off, int count) { return -Errno.EINVAL; }
        public virtual int Write(File f, VfsCaller current, long pos, byte[] buf, int off, int count) { return -Errno.EINVAL; }
        public virtual int Truncate(long size) { return -Errno.EINVAL; }
        /// <summary>llseek: the new position or -errno; this is generic_file_llseek (SEEK_SET, SEEK_CUR, SEEK_END
        /// from the size), which files with a fixed answer override.</summary>
        public virtual long Llseek(File f, long offset, int whence)
        {
            long pos;
            if (whence == 0) pos = offset;
            else if (whence == 1) pos = f.Pos + offset;
            else if (whence == 2) pos = Size + offset;
            else return -Errno.EINVAL;
            if (pos < 0) return -Errno.EINVAL;
            f.Pos = pos;
            return pos;
        }
        /// <summary>A device node's st_rdev (major &lt;&lt; 8 | minor); 0 for other inodes.</summary>
        public virtual int Rdev => 0;

        // ---- NOMMU mmap support (Linux's mmap_capabilities + get_unmapped_area) ----
        /// <summary>MapCap bits: DIRECT and/or COPY, and which protections a direct map may have. 0 (the
        /// default) means the file system has no mmap at all (Linux: no f_op->mmap, ENODEV), as procfs.</summary>
        public virtual int MapCaps => 0;
        /// <summary>For a DIRECT map: the address where file page <paramref name="pgoff"/> lives, with at least
        /// <paramref name="len"/> bytes contiguous behind it; or -errno (-ENOSYS: cannot, fall back to a copy).</summary>
        public virtual long DirectAddress(int pgoff, int len) { return -Errno.ENOSYS; }

        // ---- directory operations ----
        /// <summary>Whether a name Lookup did not find may be made here (Linux: a negative dentry). procfs says
        /// no: its lookups fail outright (ERR_PTR(-ENOENT)), so creating in /proc is ENOENT, not EACCES/EROFS.</summary>
        public virtual bool CanCreate => true;
        public virtual int Lookup(VfsCaller current, string name, out Inode child) { child = null; return IsDir ? -Errno.ENOENT : -Errno.ENOTDIR; }
        /// <summary>Entry number <paramref name="index"/> (after "." and ".."): 1 and the entry, or 0 past the end.</summary>
        public virtual int ReadDir(VfsCaller current, int index, out string name, out Inode child) { name = null; child = null; return IsDir ? 0 : -Errno.ENOTDIR; }
        public virtual int Create(VfsCaller current, string name, int mode, out Inode child) { child = null; return -Errno.EROFS; }
        public virtual int Mkdir(VfsCaller current, string name, int mode, out Inode child) { child = null; return -Errno.EROFS; }
        public virtual int Unlink(VfsCaller current, string name) { return -Errno.EROFS; }
        public virtual int Rmdir(VfsCaller current, string name) { return -Errno.EROFS; }
        /// <summary>mknod: a device node <paramref name="name"/> in this directory.</summary>
        public virtual int Mknod(VfsCaller current, string name, int mode, int rdev, out Inode child) { child = null; return -Errno.EPERM; }
        /// <summary>Makes a symlink <paramref name="name"/> in this directory pointing at <paramref name="target"/>.</summary>
        public virtual int Symlink(VfsCaller current, string name, string target, out Inode child) { child = null; return -Errno.EROFS; }
        /// <summary>Moves entry <paramref name="oldName"/> of this directory to <paramref name="newName"/> in
        /// <paramref name="newDir"/> (same file system), replacing what is there; the VFS checked the types,
        /// permissions and mounts. No rename op: EPERM, as Linux's vfs_rename without i_op->rename.</summary>
        public virtual int Rename(VfsCaller current, string oldName, Inode newDir, string newName) { return -Errno.EPERM; }

        // ---- symlinks ----
        /// <summary>The link's target text, or null with <paramref name="err"/> set.</summary>
        public virtual string ReadLink(VfsCaller current, out int err) { err = -Errno.EINVAL; return null; }
    }

    /// <summary>Linux's NOMMU mapping capabilities (NOMMU_MAP_*/BDI_CAP_*).</summary>
    public static class MapCap
    {
        public const int Copy = 0x01;    // can be read into a private copy
        public const int Direct = 0x02;  // can be mapped where the bytes are
        public const int Read = 0x04;    // a direct map may be readable
        public const int Write = 0x08;   // ... writable
        public const int Exec = 0x10;    // ... executable
        public const int DirectAll = Direct | Read | Write | Exec;
    }

    /// <summary>File type and permission bits as in Linux's stat.h.</summary>
    public static class Stat
    {
        public const int S_IFMT = 0xF000, S_IFSOCK = 0xC000, S_IFLNK = 0xA000, S_IFREG = 0x8000, S_IFBLK = 0x6000,
            S_IFDIR = 0x4000, S_IFCHR = 0x2000, S_IFIFO = 0x1000;
        public const int S_IRUGO = 0x124, S_IWUSR = 0x80, S_IXUGO = 0x49;
    }
}
