using System;
using System.IO;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>
    /// The simulator's flash: a real folder, one host file per flash file. Every host failure becomes an errno
    /// (<see cref="HostErrors"/>): nothing the host does escapes as an exception, and no message names a host
    /// path. A folder the simulator cannot write is a read-only store (flashfs then mounts read-only). A file
    /// opened for writing is written as a copy in <see cref="PendingFolder"/> and renamed over the file when
    /// the last writer closes it: killed at any moment, the simulator leaves every file old or new.
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
            if (!ReadOnly) Recover();
        }

        /// <summary>The folder (inside the flash folder, so a rename stays on one file system) that holds the copies
        /// of files being written. A folder: never listed as a flash file.</summary>
        public const string PendingFolder = ".procnano-pending";
        private string PendingDir => Path.Combine(_dir, PendingFolder);

        // A file being written: its copy, and how many opens write it.
        private sealed class Pending
        {
            public string Copy;
            public int Opens;
        }

        private readonly System.Collections.Generic.Dictionary<string, Pending> _pending =
            new System.Collections.Generic.Dictionary<string, Pending>(StringComparer.Ordinal);
        private int _copies;

        // A copy left by a simulator that died mid-write is never switched in: its file is still the old one.
        private void Recover()
        {
            try
            {
                if (_fs.Kind(PendingDir) != HostKind.Directory) return;
                foreach (string f in _fs.ListFiles(PendingDir)) _fs.Delete(f);
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
            }
        }

        /// <summary>Where <paramref name="name"/>'s bytes are now: its copy while it is being written, else the
        /// file (null for a name that cannot be a host file).</summary>
        private string Current(string name)
        {
            Pending p;
            return _pending.TryGetValue(name, out p) ? p.Copy : PathOf(name);
        }

        public int BeginWrite(string name, bool truncate)
        {
            try
            {
                Pending p;
                if (_pending.TryGetValue(name, out p))
                {
                    p.Opens++;
                    if (truncate) using (Stream s = _fs.Open(p.Copy, FileMode.Open, FileAccess.Write)) s.SetLength(0);
                    return 0;
                }
                int e = Writable(name);
                if (e < 0) return e;
                _fs.CreateDirectory(PendingDir);
                string copy = Path.Combine(PendingDir, Environment.ProcessId + "-" + (++_copies));
                using (Stream dst = _fs.Open(copy, FileMode.Create, FileAccess.Write))
                {
                    string path = PathOf(name);
                    if (!truncate && _fs.Kind(path) == HostKind.Regular)
                        using (Stream src = _fs.Open(path, FileMode.Open, FileAccess.Read)) src.CopyTo(dst);
                }
                _pending[name] = new Pending { Copy = copy, Opens = 1 };
                return 0;
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                return HostErrors.Errno(e);
            }
        }

        public int EndWrite(string name)
        {
            Pending p;
            if (!_pending.TryGetValue(name, out p) || --p.Opens > 0) return 0;
            _pending.Remove(name);
            try
            {
                _fs.Move(p.Copy, PathOf(name));   // rename(2): the old file or the new one, never a mix
                return 0;
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                try { _fs.Delete(p.Copy); } catch (Exception d) when (HostErrors.IsHostError(d)) { }
                return HostErrors.Errno(e);
            }
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
                string p = Current(name);
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
                string p = Current(name);
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
                int e = _pending.ContainsKey(name) ? 0 : Writable(name);
                if (e < 0) return e;
                using var fs = _fs.Open(Current(name), FileMode.OpenOrCreate, FileAccess.Write);
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
                int e = _pending.ContainsKey(name) ? 0 : Writable(name);
                if (e < 0) return e;
                using var fs = _fs.Open(Current(name), FileMode.OpenOrCreate, FileAccess.Write);
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
                // Unlinked while open for writing: the copy goes too (its writers' bytes with it, as an
                // unlinked file's do).
                Pending pending;
                if (_pending.TryGetValue(name, out pending))
                {
                    _pending.Remove(name);
                    _fs.Delete(pending.Copy);
                }
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
