using System;

namespace ProcNano.VirtualDevice
{
    /// <summary>An IStorage in managed memory, standing in for the board's LittleFS drive (nanoCLR on Linux has
    /// no file system API). Its bytes are on the managed heap, so files written to /flash cost heap here.</summary>
    internal sealed class MemoryStorage : IStorage
    {
        private const int ENOENT = 2, ENOSPC = 28, EINVAL = 22;
        private readonly RefList _names = new RefList();   // the kernel's list: 36 B empty, not 120
        private readonly RefList _data = new RefList();   // byte[] per file, exactly its size
        private readonly long _capacity;
        private long _used;

        public MemoryStorage(long capacity)
        {
            _capacity = capacity;
        }

        public int Count => _names.Count;

        public string NameAt(int index)
        {
            return index >= 0 && index < _names.Count ? (string)_names[index] : null;
        }

        public long SizeOf(string name)
        {
            int i = Find(name);
            return i < 0 ? -ENOENT : ((byte[])_data[i]).Length;
        }

        public int Read(string name, long pos, byte[] buf, int off, int count)
        {
            int i = Find(name);
            if (i < 0) return -ENOENT;
            byte[] d = (byte[])_data[i];
            if (pos < 0) return -EINVAL;
            if (pos >= d.Length) return 0;
            int n = count;
            if (pos + n > d.Length) n = (int)(d.Length - pos);
            Array.Copy(d, (int)pos, buf, off, n);
            return n;
        }

        public int Write(string name, long pos, byte[] buf, int off, int count)
        {
            if (pos < 0) return -EINVAL;
            int i = Find(name);
            if (i < 0)
            {
                _names.Add(name);
                _data.Add(new byte[0]);
                i = _names.Count - 1;
            }
            byte[] d = (byte[])_data[i];
            long end = pos + count;
            if (end > d.Length)
            {
                if (_used + (end - d.Length) > _capacity) return -ENOSPC;
                d = Resize(i, (int)end);
            }
            Array.Copy(buf, off, d, (int)pos, count);
            return count;
        }

        public int Truncate(string name, long size)
        {
            int i = Find(name);
            if (i < 0) return -ENOENT;
            if (size < 0) return -EINVAL;
            byte[] d = (byte[])_data[i];
            if (size > d.Length && _used + (size - d.Length) > _capacity) return -ENOSPC;
            Resize(i, (int)size);
            return 0;
        }

        public int Delete(string name)
        {
            int i = Find(name);
            if (i < 0) return -ENOENT;
            _used -= ((byte[])_data[i]).Length;
            _names.RemoveAt(i);
            _data.RemoveAt(i);
            return 0;
        }

        public bool ReadOnly => false;

        // Managed memory: lost whole at a reset, so there is nothing to keep old or new.
        public int BeginWrite(string name, bool truncate) { return 0; }
        public int EndWrite(string name) { return 0; }

        public long FreeBytes => _capacity - _used;

        private byte[] Resize(int i, int size)
        {
            byte[] old = (byte[])_data[i];
            byte[] d = new byte[size];
            Array.Copy(old, d, size < old.Length ? size : old.Length);
            _data[i] = d;
            _used += size - old.Length;
            return d;
        }

        /// <summary>What the files' bytes take of the heap here (by Footprint's array rule). On the board they are
        /// in SPI flash, not the heap, so the device goals add this back (<c>FLASH data=</c>).</summary>
        public long HeapBytes
        {
            get
            {
                long n = 0;
                for (int i = 0; i < _data.Count; i++) n += Footprint.Array(((byte[])_data[i]).Length, 1);
                return n;
            }
        }

        private int Find(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name) return i;
            }
            return -1;
        }
    }
}
