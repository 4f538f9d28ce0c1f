using System;

namespace ProcNano
{
    /// <summary>
    /// A ramfs regular file. Its bytes are one run of contiguous arena pages (<see cref="Pfn"/>,
    /// <see cref="PageCount"/> = the size rounded up to pages), so a shared map can point straight at them and
    /// every map, read and write sees the same bytes. Growing is NOMMU ramfs's way: a new power-of-two block,
    /// copy, free the old block, trim the excess tail. Bytes past the size inside the last page stay zero.
    /// <para>While a region maps the file (<see cref="Inode.Mapped"/> &gt; 0) its pages must not move or go:
    /// growth beyond the pages it holds fails with EBUSY, and a truncate that would free pages fails with
    /// ETXTBSY (ramfs-nommu refuses to shrink under a mapping the same way); changes within the pages held
    /// are allowed.</para>
    /// </summary>
    public sealed class RamfsFile : RamfsNode
    {
        private int _pfn = -1;
        private int _pages;
        private long _size;
        private int _nlink = 1;
        private int _opens;

        public RamfsFile(RamfsSuper sb, int mode, VfsCaller owner) { sb.Init(this, mode, owner); }

        private RamfsSuper Super => (RamfsSuper)Sb;
        private PhysMem Phys => Super.Ctx.Phys;

        /// <summary>First page frame of the data (-1 while empty).</summary>
        public int Pfn => _pfn;
        /// <summary>Pages held (ceil(size / page size)).</summary>
        public int PageCount => _pages;
        public override long Size => _size;
        public override int Nlink => _nlink;
        public override int MapCaps => MapCap.Copy | MapCap.DirectAll;

        /// <summary>Largest size: one block of the allocator's biggest order.</summary>
        private long MaxSize => (long)(1 << (PageAllocator.MaxOrder - 1)) << Phys.PageShift;

        private int ByteIndex(long pos) { return (_pfn << Phys.PageShift) + (int)pos; }

        public override int Open(File f, VfsCaller current)
        {
            _opens++;
            return 0;
        }

        public override void Release(File f)
        {
            if (--_opens == 0 && _nlink == 0) FreeData();
        }

        public override int Read(File f, VfsCaller current, long pos, byte[] buf, int off, int count)
        {
            if (pos < 0) return -Errno.EINVAL;
            if (pos >= _size || count <= 0) return 0;
            int n = _size - pos < count ? (int)(_size - pos) : count;
            Array.Copy(Phys.Arena, ByteIndex(pos), buf, off, n);
            return n;
        }

        public override int Write(File f, VfsCaller current, long pos, byte[] buf, int off, int count)
        {
            if (pos < 0) return -Errno.EINVAL;
            if (count <= 0) return 0;
            long end = pos + count;
            if (end > MaxSize) return -Errno.EFBIG;
            int e = Reserve(end);
            if (e < 0) return e;
            Array.Copy(buf, off, Phys.Arena, ByteIndex(pos), count);
            if (end > _size) _size = end;
            MTime = Super.Now;
            return count;
        }

        public override int Truncate(long size)
        {
            if (size < 0) return -Errno.EINVAL;
            if (size > MaxSize) return -Errno.EFBIG;
            if (size > _size)
            {
                int e = Reserve(size);
                if (e < 0) return e;
            }
            else if (size < _size)
            {
                int keep = PagesFor(size);
                if (keep < _pages && Mapped > 0) return -Errno.ETXTBSY;
                Array.Clear(Phys.Arena, ByteIndex(size), (int)(_size - size));
                if (keep < _pages)
                {
                    Super.Ctx.Pages.Put(_pfn + keep, _pages - keep);
                    Super.Account(keep - _pages);
                    _pages = keep;
                    if (keep == 0) _pfn = -1;
                }
            }
            _size = size;
            MTime = Super.Now;
            return 0;
        }

        /// <summary>ramfs-nommu's get_unmapped_area: the address of file page <paramref name="pgoff"/> if
        /// <paramref name="len"/> bytes from there lie within the file's pages, else -EINVAL.</summary>
        public override long DirectAddress(int pgoff, int len)
        {
            if (pgoff < 0 || len <= 0 || _pages == 0) return -Errno.EINVAL;
            if (((long)pgoff << Phys.PageShift) + len > ((long)_pages << Phys.PageShift)) return -Errno.EINVAL;
            return Phys.PageAddress(_pfn + pgoff);
        }

        /// <summary>The directory entry went (unlink, rmdir of the tree, unmount). The data stay while the
        /// file is open or mapped and go with the last release.</summary>
        internal void Unlinked()
        {
            _nlink = 0;
            if (_opens == 0) FreeData();
        }

        private int PagesFor(long bytes) { return (int)((bytes + Phys.PageSize - 1) >> Phys.PageShift); }

        // Makes the file's pages cover `bytes`, moving the data to a bigger block if needed.
        private int Reserve(long bytes)
        {
            int need = PagesFor(bytes);
            if (need <= _pages) return 0;
            if (Mapped > 0) return -Errno.EBUSY;
            int order = PageAllocator.OrderFor(need);
            if (order >= PageAllocator.MaxOrder) return -Errno.EFBIG;
            int pfn = Super.Ctx.Pages.Alloc(order);
            if (pfn < 0) return -Errno.ENOSPC;
            int page = Phys.PageSize;
            int to = pfn << Phys.PageShift;
            int old = (int)_size;
            if (old > 0) Array.Copy(Phys.Arena, _pfn << Phys.PageShift, Phys.Arena, to, old);
            Array.Clear(Phys.Arena, to + old, need * page - old);
            if (_pages > 0) Super.Ctx.Pages.Put(_pfn, _pages);
            // Trim: the block's pages past the size go straight back.
            int block = 1 << order;
            if (block > need) Super.Ctx.Pages.Put(pfn + need, block - need);
            Super.Account(need - _pages);
            _pfn = pfn;
            _pages = need;
            return 0;
        }

        private void FreeData()
        {
            if (_pages > 0)
            {
                Super.Ctx.Pages.Put(_pfn, _pages);
                Super.Account(-_pages);
            }
            _pfn = -1;
            _pages = 0;
            _size = 0;
        }
    }
}
