namespace ProcNano
{
    // File syscalls. Signatures fixed; bodies belong to the VFS (owner: Vfs/ work).
    public sealed partial class Syscalls
    {
        /// <summary>open(2): returns fd or -errno. Relative paths start at the task's cwd.</summary>
        public int Open(Task t, string path, int flags, int mode) { return -Errno.ENOSYS; }
        public int Close(Task t, int fd) { return -Errno.ENOSYS; }
        /// <summary>read(2) at the file position; returns bytes read (0 at EOF) or -errno.</summary>
        public int Read(Task t, int fd, byte[] buf, int off, int count) { return -Errno.ENOSYS; }
        public int Write(Task t, int fd, byte[] buf, int off, int count) { return -Errno.ENOSYS; }
        /// <summary>lseek(2) with whence 0/1/2; returns the new position or -errno.</summary>
        public long Lseek(Task t, int fd, long offset, int whence) { return -Errno.ENOSYS; }
        public int Stat(Task t, string path, StatInfo st) { return -Errno.ENOSYS; }
        /// <summary>lstat(2): like Stat, not following a final symlink.</summary>
        public int Lstat(Task t, string path, StatInfo st) { return -Errno.ENOSYS; }
        public int Fstat(Task t, int fd, StatInfo st) { return -Errno.ENOSYS; }
        /// <summary>Directory entry number <paramref name="index"/> of the open directory fd ("." and ".." first):
        /// 1 with name and type (S_IF* bits) filled, 0 past the end, or -errno.</summary>
        public int ReadDir(Task t, int fd, int index, out string name, out int type) { name = null; type = 0; return -Errno.ENOSYS; }
        public int Mkdir(Task t, string path, int mode) { return -Errno.ENOSYS; }
        public int Rmdir(Task t, string path) { return -Errno.ENOSYS; }
        public int Unlink(Task t, string path) { return -Errno.ENOSYS; }
        public int Truncate(Task t, string path, long size) { return -Errno.ENOSYS; }
        /// <summary>readlink(2): the target, or null with err = -errno.</summary>
        public string ReadLink(Task t, string path, out int err) { err = -Errno.ENOSYS; return null; }
        public int Chdir(Task t, string path) { return -Errno.ENOSYS; }
        /// <summary>The task's cwd as an absolute path.</summary>
        public string Getcwd(Task t) { return t.Cwd; }
        /// <summary>mount(2) of a registered file system type at <paramref name="target"/> (root only: EPERM).</summary>
        public int Mount(Task t, string source, string target, string fsType) { return -Errno.ENOSYS; }
        public int Umount(Task t, string target) { return -Errno.ENOSYS; }
    }
}
