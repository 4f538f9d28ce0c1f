using System;
using System.IO;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>
    /// The simulator's flash: a real folder, one host file per flash file. Every host failure becomes an errno
    /// (<see cref="HostErrors"/>): nothing the host does escapes as an exception, and no message names a host
    /// path. A folder the simulator cannot write is a read-only store (flashfs then mounts read-only).
    /// </summary>
    public sealed class FolderStorage : IStorage
    {
        private readonly string _dir;
        private readonly IHostFiles _fs;

        /// <summary>Opens (creating it if missing) the folder <paramref name="dir"/>. Throws
        /// <see cref="IOException"/> when it cannot be a folder (it names a file), for the caller to report.</summary>
        public FolderStorage(string dir) : this(dir, HostFiles.Real) { }

        /// <summary>The same over <paramref name="fs"/>: tests inject host failures there.</summary>
        public FolderStorage(string dir, IHostFiles fs)
        {
            _dir = dir;
            _fs = fs;
            if (_fs.Kind(dir) != HostKind.Directory && _fs.Kind(dir) != HostKind.None) throw new IOException("Not a directory", 20);   // ENOTDIR
            _fs.CreateDirectory(dir);
            ReadOnly = !_fs.CanWrite(dir);
        }

        public string Folder => _dir;

        /// <summary>The folder cannot be written (its mode, a read-only mount).</summary>
        public bool ReadOnly { get; }

        // The folder's regular files, as kernel names. A name the kernel could not reach again is not listed:
        // not valid UTF-8 (the host's decoder made it U+FFFD), or holding a control character (a newline).
        private string[] Names()
        {
            try
            {
                string[] files = _fs.ListFiles(_dir);
                var names = new System.Collections.Generic.List<string>(files.Length);
                foreach (string f in files)
                {
                    string host = Path.GetFileName(f);
                    if (!Listable(host) || _fs.Kind(f) != HostKind.Regular) continue;
                    names.Add(KernelName(host));
                }
                names.Sort(StringComparer.Ordinal);
                return names.ToArray();
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                return new string[0];
            }
        }

        public int Count => Names().Length;
        public string NameAt(int index) { string[] n = Names(); return index >= 0 && index < n.Length ? n[index] : null; }

        private static bool Listable(string host)
        {
            foreach (char c in host) if (c < 0x20 || c == 0x7f || c == '\uFFFD') return false;
            return true;
        }

        // The kernel's strings hold bytes, one char each (UTF-8 as a terminal sends it); the host's are text.
        private static string KernelName(string host) { return System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(host)); }

        private static readonly System.Text.Encoding StrictUtf8 = new System.Text.UTF8Encoding(false, true);

        /// <summary>The host path of kernel name <paramref name="name"/>, or null for a name that is no single
        /// entry of the folder (a separator, "." or "..", bytes that are not UTF-8, a control character).</summary>
        private string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name == "." || name == "..") return null;
            foreach (char c in name) if (c > 0xff || c == '/' || c == '\\' || c == '\0') return null;
            string host;
            try { host = StrictUtf8.GetString(System.Text.Encoding.Latin1.GetBytes(name)); }
            catch (ArgumentException) { return null; }
            return Listable(host) ? Path.Combine(_dir, host) : null;
        }

        public long SizeOf(string name)
        {
            try
            {
                string p = PathOf(name);
                long n = p == null ? -1 : _fs.Length(p);
                return n < 0 ? -Errno.ENOENT : n;
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                return HostErrors.Errno(e);
            }
        }

        public int Read(string name, long pos, byte[] buf, int off, int count)
        {
            try
            {
                string p = PathOf(name);
                if (p == null || _fs.Kind(p) != HostKind.Regular) return -Errno.ENOENT;
                using var fs = _fs.Open(p, FileMode.Open, FileAccess.Read);
                fs.Position = pos;
                int total = 0;
                while (total < count)
                {
                    int n = fs.Read(buf, off + total, count - total);
                    if (n <= 0) break;
                    total += n;
                }
                return total;
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                return HostErrors.Errno(e);
            }
        }

        /// <summary>0 if <paramref name="name"/> may be opened for writing: absent or a regular file.</summary>
        private int Writable(string name)
        {
            if (ReadOnly) return -Errno.EROFS;
            if (PathOf(name) == null) return -Errno.EINVAL;
            HostKind k = _fs.Kind(PathOf(name));
            return k == HostKind.Directory ? -Errno.EISDIR : k == HostKind.Other ? -Errno.EACCES : 0;
        }

        public int Write(string name, long pos, byte[] buf, int off, int count)
        {
            try
            {
                int e = Writable(name);
                if (e < 0) return e;
                using var fs = _fs.Open(PathOf(name), FileMode.OpenOrCreate, FileAccess.Write);
                fs.Position = pos;
                fs.Write(buf, off, count);
                fs.Flush();
                return count;
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                return HostErrors.Errno(e);
            }
        }

        public int Truncate(string name, long size)
        {
            try
            {
                int e = Writable(name);
                if (e < 0) return e;
                using var fs = _fs.Open(PathOf(name), FileMode.OpenOrCreate, FileAccess.Write);
                fs.SetLength(size);
                return 0;
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                return HostErrors.Errno(e);
            }
        }

        public int Delete(string name)
        {
            if (ReadOnly) return -Errno.EROFS;
            try
            {
                string p = PathOf(name);
                if (p == null || _fs.Length(p) < 0) return -Errno.ENOENT;
                _fs.Delete(p);
                return 0;
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                return HostErrors.Errno(e);
            }
        }

        public long FreeBytes
        {
            get
            {
                try { return new DriveInfo(Path.GetPathRoot(Path.GetFullPath(_dir))).AvailableFreeSpace; }
                catch (Exception) { return -1; }
            }
        }
    }
}
