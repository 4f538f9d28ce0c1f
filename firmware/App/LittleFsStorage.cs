using System;
using System.IO;
using ProcNano;

namespace ProcNano.App
{
    /// <summary>
    /// The kernel's flash store on the device: the files of one folder of nanoFramework's internal drive
    /// (<c>I:\</c>, LittleFS). The names are cached and sorted so that NameAt is stable between changes.
    /// A file opened for writing is written as a copy in <c>.tmp\</c> (LittleFS keeps the old file intact meanwhile,
    /// as it is copy-on-write); when the kernel closes it the copy is moved to <c>.new\</c> (a rename, atomic on
    /// LittleFS), then the old file is deleted and the new one moved in. nanoFramework's File.Move refuses to
    /// replace a file, hence the two steps; at boot a file found in <c>.new\</c> is moved in and <c>.tmp\</c> is
    /// emptied, so after a reset or power loss at any moment every file is old or new (docs/ESP32.md).
    /// </summary>
    internal sealed class LittleFsStorage : IStorage
    {
        private readonly string _root;
        private string[] _names;
        // Files being written (their copies are _root + ".tmp\\" + name) and how many opens write each.
        private readonly string[] _writing = new string[4];
        private readonly int[] _opens = new int[4];

        /// <param name="root">Folder on the drive, e.g. <c>I:\</c>; created if missing.</param>
        public LittleFsStorage(string root)
        {
            _root = root.EndsWith("\\") ? root : root + "\\";
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
                        string name = Path.GetFileName(done[i]);
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
        private string Current(string name) { return Slot(name) >= 0 ? TmpDir + name : PathOf(name); }

        public int BeginWrite(string name, bool truncate)
        {
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
                    if (!truncate && System.IO.File.Exists(PathOf(name)))
                    {
                        using (FileStream src = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read))
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
                if (System.IO.File.Exists(PathOf(name))) System.IO.File.Delete(PathOf(name));
                System.IO.File.Move(NewDir + name, PathOf(name));
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

        public long SizeOf(string name)
        {
            string path = Current(name);
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
            string path = Current(name);
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
            string path = Current(name);
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
            string path = Current(name);
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
