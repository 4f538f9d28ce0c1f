using System;
using System.IO;
using ProcNano;

namespace ProcNano.App
{
    /// <summary>
    /// The kernel's flash store on the device: the files of one folder of nanoFramework's internal drive
    /// (<c>I:\</c>, LittleFS). The names are cached and sorted so that NameAt is stable between changes.
    /// </summary>
    internal sealed class LittleFsStorage : IStorage
    {
        private readonly string _root;
        private string[] _names;

        /// <param name="root">Folder on the drive, e.g. <c>I:\</c>; created if missing.</param>
        public LittleFsStorage(string root)
        {
            _root = root.EndsWith("\\") ? root : root + "\\";
            if (!Directory.Exists(_root)) Directory.CreateDirectory(_root);
        }

        public int Count => Names().Length;

        public string NameAt(int index)
        {
            string[] names = Names();
            return index >= 0 && index < names.Length ? names[index] : null;
        }

        public long SizeOf(string name)
        {
            string path = PathOf(name);
            if (!System.IO.File.Exists(path)) return -Errno.ENOENT;
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    return fs.Length;
                }
            }
            catch (Exception)
            {
                return -Errno.EIO;
            }
        }

        public int Read(string name, long pos, byte[] buf, int off, int count)
        {
            string path = PathOf(name);
            if (!System.IO.File.Exists(path)) return -Errno.ENOENT;
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    if (pos >= fs.Length) return 0;
                    fs.Seek(pos, SeekOrigin.Begin);
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
            catch (Exception)
            {
                return -Errno.EIO;
            }
        }

        public int Write(string name, long pos, byte[] buf, int off, int count)
        {
            string path = PathOf(name);
            bool created = !System.IO.File.Exists(path);
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite))
                {
                    // Grow with zeros first rather than seek past the end: LittleFS fills the gap either way,
                    // but SetLength makes the intent plain.
                    if (pos > fs.Length) fs.SetLength(pos);
                    fs.Seek(pos, SeekOrigin.Begin);
                    fs.Write(buf, off, count);
                    fs.Flush();
                }
                if (created) _names = null;
                return count;
            }
            catch (Exception)
            {
                if (created) _names = null;
                // A full partition is by far the likeliest write failure on a 256 KB LittleFS volume.
                return -Errno.ENOSPC;
            }
        }

        public int Truncate(string name, long size)
        {
            string path = PathOf(name);
            bool created = !System.IO.File.Exists(path);
            try
            {
                using (FileStream fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite))
                {
                    fs.SetLength(size);
                }
                if (created) _names = null;
                return 0;
            }
            catch (Exception)
            {
                return -Errno.EIO;
            }
        }

        public int Delete(string name)
        {
            string path = PathOf(name);
            if (!System.IO.File.Exists(path)) return -Errno.ENOENT;
            try
            {
                System.IO.File.Delete(path);
                _names = null;
                return 0;
            }
            catch (Exception)
            {
                return -Errno.EIO;
            }
        }

        public bool ReadOnly => false;

        /// <summary>nanoFramework's DriveInfo reports the volume's size but not its free space.</summary>
        public long FreeBytes => -1;

        private string PathOf(string name) { return _root + name; }

        private string[] Names()
        {
            if (_names != null) return _names;
            string[] files = Directory.GetFiles(_root);
            for (int i = 0; i < files.Length; i++) files[i] = Path.GetFileName(files[i]);
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
