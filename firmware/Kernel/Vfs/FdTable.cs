namespace ProcNano
{
    /// <summary>A task's open files by descriptor number. Empty until the first open (most tasks here open
    /// nothing), then 4 slots, doubling up to <see cref="MaxFds"/>.</summary>
    public sealed class FdTable
    {
        public const int MaxFds = 256;
        private File[] _fds = NoFiles;
        private static readonly File[] NoFiles = new File[0];


        /// <summary>Current table size (FDSize in /proc/&lt;pid&gt;/status).</summary>
        public int Size => _fds.Length;

        public File Get(int fd) { return fd < 0 || fd >= _fds.Length ? null : _fds[fd]; }

        /// <summary>Installs <paramref name="f"/> at the lowest free number; -EMFILE when full.</summary>
        public int Install(File f)
        {
            for (int i = 0; i < _fds.Length; i++)
            {
                if (_fds[i] == null) { _fds[i] = f; return i; }
            }
            if (_fds.Length >= MaxFds) return -Errno.EMFILE;
            File[] n = new File[_fds.Length == 0 ? 4 : _fds.Length * 2];
            for (int i = 0; i < _fds.Length; i++) n[i] = _fds[i];
            int fd = _fds.Length;
            n[fd] = f;
            _fds = n;
            return fd;
        }

        /// <summary>Removes and returns the file at <paramref name="fd"/> (null if none).</summary>
        public File Remove(int fd)
        {
            File f = Get(fd);
            if (f != null) _fds[fd] = null;
            return f;
        }
    }
}
