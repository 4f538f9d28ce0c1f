namespace ProcNano
{
    /// <summary>
    /// The internal DIRECT store behind SysV shm: one segment = one contiguous run of arena pages (a
    /// power-of-two block with its excess trimmed), mapped where it is by every attach.
    /// </summary>
    public sealed class ShmInode : Inode
    {
        private readonly Kernel _k;
        private readonly long _size;
        public readonly int Pfn;
        public readonly int NPages;

        private ShmInode(Kernel k, long size, int pfn, int npages)
        {
            _k = k;
            _size = size;
            Pfn = pfn;
            NPages = npages;
            Mode = Stat.S_IFREG | 0x1B6; // 0666, masked by the segment's own mode
        }

        /// <summary>Allocates the segment's pages; null when the arena has no block big enough.</summary>
        public static ShmInode Create(Kernel k, SuperBlock sb, long size)
        {
            int npages = (int)((size + k.Board.PageSize - 1) >> k.Board.PageShift);
            int order = Vm.Order(npages);
            int pfn = k.Pages.Alloc(order);
            if (pfn < 0) return null;
            int total = 1 << order;
            if (total > npages) k.Pages.Put(pfn + npages, total - npages);
            k.Phys.Zero(k.Phys.PageAddress(pfn), npages << k.Board.PageShift);
            ShmInode i = new ShmInode(k, size, pfn, npages);
            i.Sb = sb;
            i.Ino = sb.NewIno();
            return i;
        }

        public override long Size => _size;
        public override int MapCaps => MapCap.Copy | MapCap.DirectAll;

        public override long DirectAddress(int pgoff, int len)
        {
            if (pgoff < 0 || ((long)pgoff << _k.Board.PageShift) + len > (long)NPages << _k.Board.PageShift) return -Errno.EINVAL;
            return _k.Phys.PageAddress(Pfn + pgoff);
        }

        public override int Read(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (pos >= _size) return 0;
            if (count > _size - pos) count = (int)(_size - pos);
            int at = (int)(_k.Phys.PageAddress(Pfn) - _k.Phys.ArenaBase + pos);
            for (int i = 0; i < count; i++) buf[off + i] = _k.Phys.Arena[at + i];
            return count;
        }

        public override int Write(File f, Task current, long pos, byte[] buf, int off, int count)
        {
            if (pos >= _size) return -Errno.EFBIG;
            if (count > _size - pos) count = (int)(_size - pos);
            int at = (int)(_k.Phys.PageAddress(Pfn) - _k.Phys.ArenaBase + pos);
            for (int i = 0; i < count; i++) _k.Phys.Arena[at + i] = buf[off + i];
            return count;
        }

        /// <summary>The last reference to the segment's file went: its pages go back.</summary>
        public override void Release(File f)
        {
            _k.Pages.Put(Pfn, NPages);
            _k.Shm.PagesHeld -= NPages;
        }
    }
}
