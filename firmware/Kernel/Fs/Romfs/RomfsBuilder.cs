using System;
using System.Collections;

namespace ProcNano
{
    /// <summary>
    /// Builds a romfs image from (name, bytes) pairs: <c>b.Add("hello", bytes); byte[] img = b.Build(4096);</c>
    /// The image is flat (one directory); names are 1..255 ASCII characters without '/'. File data start on
    /// page boundaries of the page size given to <see cref="Build"/>, which must be the board's.
    /// </summary>
    public sealed class RomfsBuilder
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _modes = new ArrayList();
        private readonly ArrayList _data = new ArrayList();

        public int Count => _names.Count;

        /// <summary>Adds an executable regular file (mode 0755). Returns 0, or -EINVAL for a bad name,
        /// -EEXIST for a name already added.</summary>
        public int Add(string name, byte[] data) { return Add(name, Stat.S_IFREG | 0x1ED, data); }

        /// <summary>Adds an entry with an explicit mode (S_IFREG or S_IFLNK plus permission bits).</summary>
        public int Add(string name, int mode, byte[] data)
        {
            if (name == null || name.Length == 0 || name.Length > PathWalk.NameMax || name == "." || name == "..")
                return -Errno.EINVAL;
            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] == '/' || name[i] < ' ' || name[i] > '~') return -Errno.EINVAL;
            }
            int type = mode & Stat.S_IFMT;
            if (type != Stat.S_IFREG && type != Stat.S_IFLNK) return -Errno.EINVAL;
            for (int i = 0; i < _names.Count; i++) if ((string)_names[i] == name) return -Errno.EEXIST;
            _names.Add(name);
            _modes.Add(mode);
            _data.Add(data == null ? new byte[0] : data);
            return 0;
        }

        /// <summary>Adds a symlink whose text is <paramref name="target"/> (ASCII).</summary>
        public int AddSymlink(string name, string target)
        {
            byte[] b = new byte[target.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)target[i];
            return Add(name, Stat.S_IFLNK | 0x1FF, b);
        }

        /// <summary>The image, with data aligned to <paramref name="pageSize"/> (a power of two).</summary>
        public byte[] Build(int pageSize)
        {
            int table = RomfsFormat.HeaderSize;
            for (int i = 0; i < _names.Count; i++) table += RomfsFormat.EntrySize(((string)_names[i]).Length);
            int mask = pageSize - 1;
            int pos = (table + mask) & ~mask;
            int[] offsets = new int[_names.Count];
            for (int i = 0; i < _names.Count; i++)
            {
                int len = ((byte[])_data[i]).Length;
                offsets[i] = len == 0 ? 0 : pos;
                pos += (len + mask) & ~mask;
            }
            int total = _names.Count == 0 ? table : pos;
            byte[] img = new byte[total];
            for (int i = 0; i < RomfsFormat.Magic.Length; i++) img[i] = (byte)RomfsFormat.Magic[i];
            RomfsFormat.PutU32(img, RomfsFormat.HPageSize, pageSize);
            RomfsFormat.PutU32(img, RomfsFormat.HCount, _names.Count);
            RomfsFormat.PutU32(img, RomfsFormat.HImageSize, total);
            int at = RomfsFormat.HeaderSize;
            for (int i = 0; i < _names.Count; i++)
            {
                string name = (string)_names[i];
                byte[] data = (byte[])_data[i];
                RomfsFormat.PutU32(img, at + RomfsFormat.EMode, (int)_modes[i]);
                RomfsFormat.PutU32(img, at + RomfsFormat.ESize, data.Length);
                RomfsFormat.PutU32(img, at + RomfsFormat.EData, offsets[i]);
                RomfsFormat.PutU32(img, at + RomfsFormat.EMTime, 0);
                RomfsFormat.PutU16(img, at + RomfsFormat.ENameLen, name.Length);
                for (int c = 0; c < name.Length; c++) img[at + RomfsFormat.EName + c] = (byte)name[c];
                at += RomfsFormat.EntrySize(name.Length);
                if (data.Length > 0) Array.Copy(data, 0, img, offsets[i], data.Length);
            }
            return img;
        }
    }
}
