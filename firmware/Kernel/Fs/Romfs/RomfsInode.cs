namespace ProcNano
{
    /// <summary>A romfs file or symlink: its bytes are copied straight out of the ROM and mapped in place at
    /// RomBase + data offset (execute in place). Writes are EROFS.</summary>
    public sealed class RomfsInode : Inode
    {
        private readonly int _size;
        private readonly int _data;

        internal RomfsInode(RomfsSuper sb, int entryOffset, int mode, int size, int data)
        {
            Sb = sb;
            Ino = entryOffset; // like Linux romfs: the inode number is where its header sits in the image
            Mode = mode;
            _size = size;
            _data = data;
        }

        private PhysMem Phys => ((RomfsSuper)Sb).Ctx.Phys;

        public override long Size => _size;
        /// <summary>Offset of the data in the image.</summary>
        public int DataOffset => _data;

        public override int MapCaps => IsReg ? MapCap.Copy | MapCap.Direct | MapCap.Read | MapCap.Exec : 0;

        public override int Read(File f, VfsCaller current, long pos, byte[] buf, int off, int count)
        {
            if (pos < 0) return -Errno.EINVAL;
            if (pos >= _size || count <= 0) return 0;
            int n = _size - pos < count ? (int)(_size - pos) : count;
            ((RomfsSuper)Sb).Rom.Copy(_data + (int)pos, buf, off, n);
            return n;
        }

        public override int Write(File f, VfsCaller current, long pos, byte[] buf, int off, int count) { return -Errno.EROFS; }
        public override int Truncate(long size) { return -Errno.EROFS; }

        /// <summary>Where file page <paramref name="pgoff"/> sits in the ROM bank, if <paramref name="len"/>
        /// bytes from there lie within the file's (zero-padded) pages; else -EINVAL.</summary>
        public override long DirectAddress(int pgoff, int len)
        {
            if (!IsReg || pgoff < 0 || len <= 0 || _size == 0) return -Errno.EINVAL;
            PhysMem p = Phys;
            long pages = ((long)_size + p.PageSize - 1) >> p.PageShift;
            if (((long)pgoff << p.PageShift) + len > (pages << p.PageShift)) return -Errno.EINVAL;
            return (long)p.RomBase + _data + ((long)pgoff << p.PageShift);
        }

        public override string ReadLink(VfsCaller current, out int err)
        {
            if (!IsLink)
            {
                err = -Errno.EINVAL;
                return null;
            }
            byte[] b = new byte[_size];
            ((RomfsSuper)Sb).Rom.Copy(_data, b, 0, _size);
            char[] c = new char[_size];
            for (int i = 0; i < _size; i++) c[i] = (char)b[i];
            err = 0;
            return new string(c);
        }
    }
}
