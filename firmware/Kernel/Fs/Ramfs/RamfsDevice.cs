namespace ProcNano
{
    /// <summary>
    /// A character device node in ramfs (init_special_inode): it holds no data, and opening it reaches the
    /// driver its device number names. The one driver is mem's (drivers/char/mem.c): 1,3 is null (reads end at
    /// once, writes are swallowed whole) and 1,5 zero (reads fill with zeros, writes swallowed; a private map of it
    /// is a copy of zeros); neither costs a page however much is written. Any other number has no driver: open gives ENXIO, as chrdev_open.
    /// </summary>
    public sealed class RamfsDevice : RamfsNode
    {
        public const int MemMajor = 1, NullMinor = 3, ZeroMinor = 5;
        private readonly int _rdev;

        public RamfsDevice(RamfsSuper sb, int mode, int rdev, VfsCaller owner)
        {
            sb.Init(this, mode, owner);
            _rdev = rdev;
        }

        public override int Rdev => _rdev;

        public override int Open(File f, VfsCaller current)
        {
            return _rdev == (MemMajor << 8 | NullMinor) || _rdev == (MemMajor << 8 | ZeroMinor) ? 0 : -Errno.ENXIO;
        }

        public override int Read(File f, VfsCaller current, long pos, byte[] buf, int off, int count)
        {
            if (_rdev != (MemMajor << 8 | ZeroMinor)) return 0;
            for (int i = 0; i < count; i++) buf[off + i] = 0;
            return count;
        }

        // zero's backing_dev_info has BDI_CAP_MAP_COPY alone: a private map is a copy of zeros (MmapCopy), a
        // shared one ENODEV on NOMMU; null has no mmap at all (ENODEV).
        public override int MapCaps => _rdev == (MemMajor << 8 | ZeroMinor) ? MapCap.Copy : 0;

        public override int Write(File f, VfsCaller current, long pos, byte[] buf, int off, int count) { return count; }

        // null_lseek and zero_lseek: every seek lands at 0.
        public override long Llseek(File f, long offset, int whence)
        {
            f.Pos = 0;
            return 0;
        }
    }
}
