using System;
using System.IO;
using ProcNano;

namespace ProcNano.App
{
    /// <summary>
    /// The kernel's flash store on the device: the files of one folder of nanoFramework's internal drive (I:,
    /// LittleFS), <see cref="Folder"/>. Not the drive's root: nanoFramework keeps its configuration blocks there
    /// (con_*.sys: network and Wi-Fi settings with their passwords, certificates), and /flash must neither list,
    /// print nor delete them. Nothing outside the folder is reachable: a name is one plain file name, never a
    /// path. The names are cached and sorted so that NameAt is stable between changes.
    /// A file opened for writing is written as a copy in <c>.tmp\</c> (LittleFS keeps the old file intact meanwhile,
    /// as it is copy-on-write); when the kernel closes it the copy is moved to <c>.new\</c> (a rename, atomic on
    /// LittleFS), then the old file is deleted and the new one moved in. nanoFramework's File.Move refuses to
    /// replace a file, hence the two steps; at boot a file found in <c>.new\</c> is moved in and <c>.tmp\</c> is
    /// emptied, so after a reset or power loss at any moment every file is old or new (docs/ESP32.md).
    /// </summary>
    internal sealed class LittleFsStorage : IStorage
    {
        /// <summary>The folder behind /flash, made at boot if missing.</summary>
        public const string Folder = "I:\\procnano";

        private readonly string _root;
        private string[] _names;
        // Files being written (their copies are _root + ".tmp\\" + name) and how many opens write each.
        private readonly string[] _writing = new string[4];
        private readonly int[] _opens = new int[4];

        /// <param name="folder">Folder on the drive, e.g. <see cref="Folder"/>; created if missing (an
        /// IOException if the drive is not there).</param>
        public LittleFsStorage(string folder)
        {
            _root = folder.EndsWith("\\") ? folder : folder + "\\";
            if (!Directory.Exists(_root)) Directory.CreateDirectory(_root);
            Recover();
        }

        private string TmpDir => _root + ".tmp\\";
        private string NewDir => _root + ".new\\";

        // A copy that reached .new is complete: finish its move. One still in .tmp was never closed: drop it.
        private void Recover()
        {
            try
            {
                if (Directory.Exists(NewDir))
                {
                    string[] done = Directory.GetFiles(NewDir);
                    for (int i = 0; i < done.Length; i++)
                    {
                        string name = done[i].Substring(done[i].LastIndexOf('\\') + 1);
                        if (System.IO.File.Exists(_root + name)) System.IO.File.Delete(_root + name);
                        System.IO.File.Move(done[i], _root + name);
                    }
                }
                if (Directory.Exists(TmpDir))
                {
                    string[] left = Directory.GetFiles(TmpDir);
                    for (int i = 0; i < left.Length; i++) System.IO.File.Delete(left[i]);
                }
            }
            catch (Exception)
            {
            }
        }

        private int Slot(string name)
        {
            for (int i = 0; i < _writing.Length; i++) if (_writing[i] == name) return i;
            return -1;
        }

        // Where the name's bytes are now: its copy while it is being written.
        private string Current(string name) { return Slot(name) >= 0 ? TmpDir + name : PathOf(_root, name); }

        public int BeginWrite(string name, bool truncate)
        {
            if (PathOf(_root, name) == null) return -Errno.EINVAL;
            int s = Slot(name);
            try
            {
                if (s >= 0)
                {
                    _opens[s]++;
                    if (truncate) using (FileStream f = new FileStream(TmpDir + name, FileMode.Open, FileAccess.ReadWrite)) f.SetLength(0);
                    return 0;
                }
                s = Slot(null);
                if (s < 0) return -Errno.ENFILE;
                if (!Directory.Exists(TmpDir)) Directory.CreateDirectory(TmpDir);
                using (FileStream dst = new FileStream(TmpDir + name, FileMode.Create, FileAccess.ReadWrite))
                {
                    if (!truncate && System.IO.File.Exists(PathOf(_root, name)))
                    {
                        using (FileStream src = new FileStream(PathOf(_root, name), FileMode.Open, FileAccess.Read))
                        {
                            byte[] chunk = new byte[256];
                            int n;
                            while ((n = src.Read(chunk, 0, chunk.Length)) > 0) dst.Write(chunk, 0, n);
                        }
                    }
                    dst.Flush();
                }
                _writing[s] = name;
                _opens[s] = 1;
                return 0;
            }
            catch (Exception)
            {
                return -Errno.ENOSPC;
            }
        }

        public int EndWrite(string name)
        {
            int s = Slot(name);
            if (s < 0 || --_opens[s] > 0) return 0;
            _writing[s] = null;
            try
            {
                if (!Directory.Exists(NewDir)) Directory.CreateDirectory(NewDir);
                if (System.IO.File.Exists(NewDir + name)) System.IO.File.Delete(NewDir + name);
                System.IO.File.Move(TmpDir + name, NewDir + name);   // complete from here on (Recover finishes it)
                if (System.IO.File.Exists(PathOf(_root, name))) System.IO.File.Delete(PathOf(_root, name));
                System.IO.File.Move(NewDir + name, PathOf(_root, name));
                _names = null;
                return 0;
            }
            catch (Exception)
            {
                return -Errno.EIO;
            }
        }

        public int Count => Names().Length;

        public string NameAt(int index)
        {
            string[] names = Names();
            return index >= 0 && index < names.Length ? names[index] : null;
        }

        /// <summary>The drive path of store file <paramref name="name"/> under <paramref name="root"/> (which ends
        /// in a backslash), or null when the name would leave the folder or cannot be a file name there: empty,
        /// "." or "..", or holding a separator, a drive colon or a control character.</summary>
        public static string PathOf(string root, string name)
        {
            if (name == null || name.Length == 0 || name == "." || name == "..") return null;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '\\' || c == '/' || c == ':' || c < ' ') return null;
            }
            return root + name;
        }

        /// <summary>
        /// The errno for what System.IO.FileSystem threw. nanoFramework reports most failures as an IOException
        /// whose ErrorCode names the cause; a file already open elsewhere is refused as UnauthorizedAccess (its
        /// table of open files allows one writer), which is EBUSY, not a full disk. The LittleFS driver reports
        /// a short write, what a full partition gives, only as a plain I/O error ("Others"): that is ENOSPC
        /// while writing and EIO otherwise.
        /// </summary>
        public static int ErrnoOf(Exception e, bool writing)
        {
            if (e is OutOfMemoryException) return -Errno.ENOMEM;
            IOException io = e as IOException;
            if (io == null) return e is ArgumentException ? -Errno.EINVAL : -Errno.EIO;
            switch (io.ErrorCode)
            {
                case IOException.IOExceptionErrorCode.FileNotFound:
                case IOException.IOExceptionErrorCode.DirectoryNotFound: return -Errno.ENOENT;
                case IOException.IOExceptionErrorCode.PathTooLong: return -Errno.ENAMETOOLONG;
                case IOException.IOExceptionErrorCode.PathAlreadyExists: return -Errno.EEXIST;
                case IOException.IOExceptionErrorCode.DirectoryNotEmpty: return -Errno.ENOTEMPTY;
                case IOException.IOExceptionErrorCode.UnauthorizedAccess: return -Errno.EBUSY;
                case IOException.IOExceptionErrorCode.TooManyOpenHandles: return -Errno.EMFILE;
                case IOException.IOExceptionErrorCode.VolumeNotFound:
                case IOException.IOExceptionErrorCode.InvalidDriver: return -Errno.ENODEV;
                default: return writing ? -Errno.ENOSPC : -Errno.EIO;
            }
        }

        public long SizeOf(string name)
        {
            string path = Current(name);
            if (path == null || !System.IO.File.Exists(path)) return -Errno.ENOENT;
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    return fs.Length;
                }
            }
            catch (Exception e)
            {
                return ErrnoOf(e, false);
            }
        }

        public int Read(string name, long pos, byte[] buf, int off, int count)
        {
            string path = Current(name);
            if (path == null || !System.IO.File.Exists(path)) return -Errno.ENOENT;
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    if (pos >= fs.Length) return 0;
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
            }
            catch (Exception e)
            {
                return ErrnoOf(e, false);
            }
        }

        public int Write(string name, long pos, byte[] buf, int off, int count)
        {
            string path = Current(name);
            if (path == null) return -Errno.EINVAL;
            bool created = !System.IO.File.Exists(path);
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite))
                {
                    // Grow with zeros first: the stream will not move its position past the end.
                    if (pos > fs.Length) fs.SetLength(pos);
                    fs.Position = pos;
                    fs.Write(buf, off, count);
                    fs.Flush();
                }
                return count;
            }
            catch (Exception e)
            {
                return ErrnoOf(e, true);
            }
            finally
            {
                if (created) _names = null;
            }
        }

        public int Truncate(string name, long size)
        {
            string path = Current(name);
            if (path == null) return -Errno.EINVAL;
            bool created = !System.IO.File.Exists(path);
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite))
                {
                    fs.SetLength(size);
                }
                return 0;
            }
            catch (Exception e)
            {
                return ErrnoOf(e, true);
            }
            finally
            {
                if (created) _names = null;
            }
        }

        public int Delete(string name)
        {
            string path = PathOf(_root, name);
            if (path == null || !System.IO.File.Exists(path)) return -Errno.ENOENT;
            try
            {
                System.IO.File.Delete(path);
                int s = Slot(name);
                if (s >= 0)
                {
                    // Unlinked while being written: its copy goes too.
                    _writing[s] = null;
                    if (System.IO.File.Exists(TmpDir + name)) System.IO.File.Delete(TmpDir + name);
                }
                _names = null;
                return 0;
            }
            catch (Exception e)
            {
                return ErrnoOf(e, false);
            }
        }

        public bool ReadOnly => false;

        /// <summary>nanoFramework's LittleFS driver reports neither the volume's size nor its free space.</summary>
        public long FreeBytes => -1;

        private string[] Names()
        {
            if (_names != null) return _names;
            string[] files;
            try
            {
                files = Directory.GetFiles(_root);
            }
            catch (Exception)
            {
                return new string[0];   // the folder went (a mass erase under a running app): an empty store
            }
            // GetFiles gives drive paths of this folder's files only (subfolders are not files).
            for (int i = 0; i < files.Length; i++) files[i] = files[i].Substring(files[i].LastIndexOf('\\') + 1);
            // Insertion sort: nanoFramework has no Array.Sort, and a flash folder holds a few dozen files.
            for (int i = 1; i < files.Length; i++)
            {
                string s = files[i];
                int j = i - 1;
                while (j >= 0 && string.Compare(files[j], s) > 0)
                {
                    files[j + 1] = files[j];
                    j--;
                }
                files[j + 1] = s;
            }
            _names = files;
            return files;
        }
    }
}
