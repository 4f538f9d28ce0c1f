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
    /// </summary>
    internal sealed class LittleFsStorage : IStorage
    {
        /// <summary>The folder behind /flash, made at boot if missing.</summary>
        public const string Folder = "I:\\procnano";

        private readonly string _root;
        private string[] _names;

        /// <param name="folder">Folder on the drive, e.g. <see cref="Folder"/>; created if missing (an
        /// IOException if the drive is not there).</param>
        public LittleFsStorage(string folder)
        {
            _root = folder.EndsWith("\\") ? folder : folder + "\\";
            if (!Directory.Exists(_root)) Directory.CreateDirectory(_root);
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
            string path = PathOf(_root, name);
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
            string path = PathOf(_root, name);
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
            string path = PathOf(_root, name);
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
            string path = PathOf(_root, name);
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
                _names = null;
                return 0;
            }
            catch (Exception e)
            {
                return ErrnoOf(e, false);
            }
        }

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
