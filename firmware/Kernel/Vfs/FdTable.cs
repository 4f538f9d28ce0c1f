namespace ProcNano
{
    /// <summary>A task's open files by descriptor number. Empty until the first open (most tasks here open
    /// nothing), then 4 slots, doubling up to the limit the caller gives (fs.nr_open). It is the base of
    /// <see cref="VfsCaller"/>, so a task's table is part of the task object (Linux's files_struct folded in:
    /// no fd sharing here), one object fewer a task: 24 B of the device's heap.</summary>
    public abstract class FdTable
    {
        /// <summary>The default limit (the host board's nr_open).</summary>
        public const int MaxFds = 256;
        // Null while empty: a shared empty array would cost the device a static slot and the array itself.
        private File[] _fds;

        /// <summary>Current table size (FDSize in /proc/&lt;pid&gt;/status).</summary>
        public int Size => _fds == null ? 0 : _fds.Length;

        public File Get(int fd) { return fd < 0 || fd >= Size ? null : _fds[fd]; }

        /// <summary>Installs <paramref name="f"/> at the lowest free number; -EMFILE when full.</summary>
        public int Install(File f) { return Install(f, MaxFds); }

        /// <summary>Installs <paramref name="f"/> at the lowest free number below <paramref name="max"/>; -EMFILE
        /// when there is none.</summary>
        public int Install(File f, int max)
        {
            int size = Size;
            for (int i = 0; i < size && i < max; i++)
            {
                if (_fds[i] == null) { _fds[i] = f; return i; }
            }
            if (size >= max) return -Errno.EMFILE;
            int grown = size == 0 ? 4 : size * 2;
            File[] n = new File[grown < max ? grown : max];
            for (int i = 0; i < size; i++) n[i] = _fds[i];
            n[size] = f;
            _fds = n;
            return size;
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
