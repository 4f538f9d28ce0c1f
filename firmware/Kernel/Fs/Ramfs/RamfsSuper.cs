namespace ProcNano
{
    /// <summary>
    /// A ramfs instance: a tree of directories in managed memory whose regular files keep their data in
    /// contiguous arena pages, so they can be mapped in place (DIRECT) as NOMMU ramfs allows. An anonymous
    /// device (major 0). The kernel also keeps one unmounted instance as the store of SysV shm segments.
    /// </summary>
    public sealed class RamfsSuper : SuperBlock
    {
        internal readonly FsContext Ctx;
        /// <summary>Pages held by this instance's file data (the shm store's are /proc/meminfo's Shmem).</summary>
        public int Pages;

        public RamfsSuper(FsContext ctx, int minor) : base("ramfs", 0, minor)
        {
            Ctx = ctx;
            Root = new RamfsDir(this, Stat.S_IFDIR | 0x1ED, null); // 0755
        }

        /// <summary>A regular file linked in no directory, <paramref name="size"/> bytes of zeroed contiguous
        /// pages, mode 0600 owned by root. It lives while open files refer to it (the first open is the
        /// caller's; see <see cref="Vfs.CreateShmFile"/>). -EINVAL for size ≤ 0, -ENOSPC / -EFBIG if no block fits.</summary>
        public int CreateUnlinkedFile(long size, out Inode inode)
        {
            inode = null;
            if (size <= 0) return -Errno.EINVAL;
            RamfsFile f = new RamfsFile(this, Stat.S_IFREG | 0x180, null);
            f.Unlinked();
            int e = f.Truncate(size);
            if (e < 0) return e;
            inode = f;
            return 0;
        }

        /// <summary>Sets the fields every new inode gets: number, mode, owner from the caller's fsuid/fsgid.</summary>
        internal void Init(Inode i, int mode, VfsCaller owner)
        {
            i.Sb = this;
            i.Ino = NewIno();
            i.Mode = mode;
            i.Uid = owner == null ? 0 : owner.Cred.Fsuid;
            i.Gid = owner == null ? 0 : owner.Cred.Fsgid;
            i.MTime = Now;
        }

        internal long Now => Ctx.Now;

        /// <summary>Keeps the kernel's page counters (/proc/meminfo) in step with file data.</summary>
        internal void Account(int pages)
        {
            Ctx.RamfsPages += pages;
            Pages += pages;
        }

        public override int CachedInodes() { return CountTree(Root); }

        /// <summary>ramfs has no size of its own (Linux's reports 0 blocks): it grows into the arena, so the
        /// size is the arena, free and available its free pages; size - free is everything the arena holds,
        /// this instance's files (<see cref="Pages"/>) among them.</summary>
        public override void StatFs(StatFsInfo st)
        {
            long page = Ctx.Phys.PageSize;
            st.TotalBytes = Ctx.Pages.Pages * page;
            st.FreeBytes = st.AvailBytes = Ctx.Pages.FreePages * page;
        }

        /// <summary>Unmounted (nothing open): every file's pages go back, as kill_litter_super drops the tree.</summary>
        public override void Kill() { ((RamfsDir)Root).FreeAll(); }
    }
}
