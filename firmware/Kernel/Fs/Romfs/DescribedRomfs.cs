using System;

namespace ProcNano
{
    /// <summary>
    /// A romfs image as a function of its files: every byte is computed on demand, in the layout
    /// <see cref="RomfsBuilder"/> would store (header, entry table, each file's data from a page boundary,
    /// zero padding), so the image costs a few fields of RAM instead of its size. Read-only, like the flash
    /// it stands for.
    /// </summary>
    public sealed class DescribedRomfs : IRom
    {
        private readonly IRomfsFiles _files;
        private readonly int _pageSize;
        private readonly int _dataStart;   // the first page boundary after the entry table
        private readonly int _length;

        public DescribedRomfs(IRomfsFiles files, int pageSize)
        {
            _files = files;
            _pageSize = pageSize;
            int table = RomfsFormat.HeaderSize;
            for (int i = 0; i < files.Count; i++) table += RomfsFormat.EntrySize(files.Name(i).Length);
            _dataStart = Align(table);
            int pos = _dataStart;
            for (int i = 0; i < files.Count; i++) pos += Align(files.Size(i));
            _length = files.Count == 0 ? table : pos;
        }

        public int Length => _length;

        public void Copy(int offset, byte[] buf, int off, int count)
        {
            while (count > 0)
            {
                int n = 1;
                if (offset < _dataStart) buf[off] = TableByte(offset);
                else n = CopyData(offset, buf, off, count);
                offset += n;
                off += n;
                count -= n;
            }
        }

        private int Align(int n) { return (n + _pageSize - 1) & ~(_pageSize - 1); }

        // A byte of the header or the entry table (or of the padding up to the first data page).
        private byte TableByte(int pos)
        {
            if (pos < RomfsFormat.HeaderSize)
            {
                if (pos < RomfsFormat.Magic.Length) return (byte)RomfsFormat.Magic[pos];
                return (byte)(Field(pos, RomfsFormat.HPageSize, 4, _pageSize) | Field(pos, RomfsFormat.HCount, 4, _files.Count)
                    | Field(pos, RomfsFormat.HImageSize, 4, _length));
            }
            int at = RomfsFormat.HeaderSize, data = _dataStart;
            for (int i = 0; i < _files.Count; i++)
            {
                string name = _files.Name(i);
                int size = _files.Size(i);
                int len = RomfsFormat.EntrySize(name.Length);
                if (pos < at + len)
                {
                    int rel = pos - at;
                    if (rel >= RomfsFormat.EName)
                        return rel - RomfsFormat.EName < name.Length ? (byte)name[rel - RomfsFormat.EName] : (byte)0;
                    // mtime stays 0, as the builder writes it.
                    return (byte)(Field(rel, RomfsFormat.EMode, 4, _files.Mode(i)) | Field(rel, RomfsFormat.ESize, 4, size)
                        | Field(rel, RomfsFormat.EData, 4, size == 0 ? 0 : data) | Field(rel, RomfsFormat.ENameLen, 2, name.Length));
                }
                at += len;
                data += Align(size);
            }
            return 0;
        }

        // Byte pos of a little-endian field of width bytes at 'at' holding v; 0 outside the field.
        private static int Field(int pos, int at, int width, int v)
        {
            return pos >= at && pos < at + width ? (v >> ((pos - at) * 8)) & 0xFF : 0;
        }

        // Copies from the data area: the run up to the end of the file (or of its last page's padding)
        // holding offset. Returns the bytes copied.
        private int CopyData(int offset, byte[] buf, int off, int count)
        {
            int at = _dataStart;
            for (int i = 0; i < _files.Count; i++)
            {
                int size = _files.Size(i);
                int rel = offset - at;
                if (rel < size)
                {
                    int n = size - rel < count ? size - rel : count;
                    _files.Copy(i, rel, buf, off, n);
                    return n;
                }
                int end = Align(size);
                if (rel < end)
                {
                    int n = end - rel < count ? end - rel : count;
                    Array.Clear(buf, off, n);
                    return n;
                }
                at += end;
            }
            Array.Clear(buf, off, count); // past the image (callers stay within Length)
            return count;
        }
    }
}
