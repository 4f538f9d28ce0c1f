using System;
using System.IO;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>The simulator's flash: a real folder, one host file per flash file.</summary>
    public sealed class FolderStorage : IStorage
    {
        private readonly string _dir;

        public FolderStorage(string dir)
        {
            _dir = dir;
            Directory.CreateDirectory(dir);
        }

        public string Folder => _dir;

        private string[] Names()
        {
            string[] files = Directory.GetFiles(_dir);
            for (int i = 0; i < files.Length; i++) files[i] = Path.GetFileName(files[i]);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }

        public int Count => Names().Length;
        public string NameAt(int index) { string[] n = Names(); return index < n.Length ? n[index] : null; }

        private string PathOf(string name) { return Path.Combine(_dir, name); }

        public long SizeOf(string name)
        {
            var fi = new FileInfo(PathOf(name));
            return fi.Exists ? fi.Length : -Errno.ENOENT;
        }

        public int Read(string name, long pos, byte[] buf, int off, int count)
        {
            try
            {
                using var fs = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read);
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
            catch (FileNotFoundException) { return -Errno.ENOENT; }
            catch (IOException) { return -Errno.EIO; }
        }

        public int Write(string name, long pos, byte[] buf, int off, int count)
        {
            try
            {
                using var fs = new FileStream(PathOf(name), FileMode.OpenOrCreate, FileAccess.Write);
                fs.Position = pos;
                fs.Write(buf, off, count);
                return count;
            }
            catch (IOException) { return -Errno.ENOSPC; }
        }

        public int Truncate(string name, long size)
        {
            try
            {
                using var fs = new FileStream(PathOf(name), FileMode.OpenOrCreate, FileAccess.Write);
                fs.SetLength(size);
                return 0;
            }
            catch (IOException) { return -Errno.EIO; }
        }

        public int Delete(string name)
        {
            string p = PathOf(name);
            if (!System.IO.File.Exists(p)) return -Errno.ENOENT;
            System.IO.File.Delete(p);
            return 0;
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
