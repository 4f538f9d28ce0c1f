
namespace ProcNano
{
    /// <summary>SysV shared memory: shmget/shmat/shmdt/shmctl on NOMMU, where every attach of a segment maps
    /// the same contiguous pages at the same address and shmdt removes exactly one attachment.</summary>
    public sealed class Shm : IVmaClose, ISlabSource
    {
        public const int IPC_PRIVATE = 0, IPC_CREAT = 0x200, IPC_EXCL = 0x400, SHM_RDONLY = 0x1000;
        public const int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2;


        private readonly Vfs _vfs;
        private readonly MemoryManager _mem;
        private readonly IPlatform _platform;
        private readonly long _maxSize;
        /// <summary>The internal, unmounted ramfs whose unlinked files are the segments.</summary>
        public readonly RamfsSuper Store;
        /// <summary>Live segments in id order (/proc/sysvipc/shm lists them).</summary>
        public readonly RefList Segments = new RefList();
        private int _nextId;

        public Shm(Vfs vfs, MemoryManager mem, RamfsSuper store, IPlatform platform, long maxSize)
        {
            _vfs = vfs;
            _mem = mem;
            Store = store;
            _platform = platform;
            _maxSize = maxSize;
        }

        /// <summary>Pages held by segments (/proc/meminfo "Shmem").</summary>
        public int Pages => Store.Pages;

        private long Now => _platform == null ? 0 : _platform.UnixTime;

        public int Count => Segments.Count;
        public int SlabObjects(int kind, bool allocated) { return Segments.Count; }
        public ShmSegment this[int i] => (ShmSegment)Segments[i];

        public ShmSegment Find(int id)
        {
            for (int i = 0; i < Segments.Count; i++) if (this[i].Id == id) return this[i];
            return null;
        }

        private ShmSegment FindKey(int key)
        {
            for (int i = 0; i < Segments.Count; i++)
            {
                ShmSegment s = this[i];
                if (!s.Removed && s.Key == key) return s;
            }
            return null;
        }

        /// <summary>shmget: at most <paramref name="shmmni"/> segments (kernel.shmmni), ENOSPC beyond.</summary>
        public int Get(Task t, int key, long size, int flags, int shmmni)
        {
            if (key != IPC_PRIVATE)
            {
                ShmSegment s = FindKey(key);
                if (s != null)
                {
                    if ((flags & IPC_CREAT) != 0 && (flags & IPC_EXCL) != 0) return -Errno.EEXIST;
                    if (size > s.Size) return -Errno.EINVAL;
                    if (!Permitted(t, s, flags & 0x1B6)) return -Errno.EACCES;
                    return s.Id;
                }
                if ((flags & IPC_CREAT) == 0) return -Errno.ENOENT;
            }
            if (size < 1 || size > _maxSize) return -Errno.EINVAL;
            if (Segments.Count >= shmmni) return -Errno.ENOSPC;
            File file;
            int e = CreateFile(size, "/SYSV" + key.ToString("x8"), out file);
            if (e < 0) return e;
            ShmSegment seg = new ShmSegment();
            seg.Id = _nextId++;
            seg.Key = key;
            seg.Size = size;
            seg.Mode = flags & 0x1FF;
            seg.Uid = seg.Cuid = t.Euid;
            seg.Gid = seg.Cgid = t.Egid;
            seg.CreatorPid = t.Tgid;
            seg.CTime = Now;
            seg.File = file;
            file.Private = seg;
            file.Inode.Uid = seg.Uid;
            file.Inode.Gid = seg.Gid;
            Segments.Add(seg);
            return seg.Id;
        }

        /// <summary>Attaches segment <paramref name="id"/> to <paramref name="target"/>; <paramref name="t"/> is the
        /// caller, whose credentials the segment's mode is checked against.</summary>
        public long Attach(Task t, Task target, int id, uint addr, int flags)
        {
            ShmSegment s = Find(id);
            if (s == null) return -Errno.EINVAL;
            // NOMMU cannot place a segment at a chosen address (no MAP_FIXED).
            if (addr != 0) return -Errno.EINVAL;
            bool ro = (flags & SHM_RDONLY) != 0;
            if (!Permitted(t, s, ro ? 0x124 : 0x1B6)) return -Errno.EACCES;
            int prot = ro ? Vm.PROT_READ : Vm.PROT_READ | Vm.PROT_WRITE;
            long a = _mem.Mmap(target, s.Size, prot, Vm.MAP_SHARED, s.File, 0, Vm.VM_SHM);
            if (a < 0) return a;
            s.Nattch++;
            s.LastPid = target.Tgid;
            s.ATime = Now;
            return a;
        }

        public int Detach(Task t, uint addr)
        {
            if ((addr & (uint)(_mem.PageSize - 1)) != 0) return -Errno.EINVAL;
            Mm mm = t.Mm;
            VmaTable vmas = _mem.Vmas;
            for (int i = mm.FirstAt(vmas, addr); i < mm.Vmas.Count && vmas.Start(mm.Vmas[i]) == addr; i++)
            {
                int v = mm.Vmas[i];
                if ((vmas.Flags(v) & Vm.VM_SHM) != 0)
                {
                    _mem.DeleteVma(mm, v, t);
                    return 0;
                }
            }
            return -Errno.EINVAL;
        }

        public int Ctl(Task t, int id, int cmd)
        {
            ShmSegment s = Find(id);
            if (s == null) return -Errno.EINVAL;
            switch (cmd)
            {
                case IPC_STAT:
                    return Permitted(t, s, 0x124) ? 0 : -Errno.EACCES;
                case IPC_RMID:
                    if (t.Euid != 0 && t.Euid != s.Uid && t.Euid != s.Cuid) return -Errno.EPERM;
                    s.Removed = true;
                    s.Key = IPC_PRIVATE;
                    if (s.Nattch == 0) Destroy(s);
                    return 0;
                default:
                    return -Errno.EINVAL;
            }
        }

        /// <summary>vm_ops->close of an shm mapping: the memory manager calls it when a VM_SHM VMA goes.</summary>
        public void VmaClosed(File file, MmOwner current)
        {
            if (file != null && file.Private is ShmSegment) Detached((ShmSegment)file.Private, current);
        }

        /// <summary>A segment's backing file: an unlinked file of <paramref name="size"/> bytes in
        /// <see cref="Store"/>, its pages one contiguous zeroed block (DIRECT), opened read-write. The segment
        /// holds the one reference and closes it when destroyed; the pages go back when the last mapping's
        /// reference goes too. -ENOMEM if no block is big enough (-EFBIG beyond the largest block).</summary>
        public int CreateFile(long size, string name, out File f)
        {
            f = null;
            Inode inode;
            int e = Store.CreateUnlinkedFile(size, out inode);
            if (e == -Errno.ENOSPC) e = -Errno.ENOMEM;
            if (e < 0) return e;
            return _vfs.OpenUnlinked(inode, name, out f);
        }

        /// <summary>shm_close: an shm VMA goes (shmdt, munmap, exit): one attachment fewer, and
        /// <paramref name="current"/> is the last task to have touched the segment.</summary>
        internal void Detached(ShmSegment s, MmOwner current)
        {
            s.Nattch--;
            s.LastPid = current.Tgid;
            s.DTime = Now;
            if (s.Removed && s.Nattch == 0) Destroy(s);
        }

        private void Destroy(ShmSegment s)
        {
            Segments.Remove(s);
            _vfs.Files.Close(s.File);
        }

        // ipcperms: owner, group or other bits of the segment's mode must grant what is asked.
        private static bool Permitted(Task t, ShmSegment s, int want)
        {
            if (t.Euid == 0) return true;
            int mode = s.Mode;
            int granted;
            if (t.Euid == s.Uid || t.Euid == s.Cuid) granted = (mode >> 6) & 7;
            else if (t.Egid == s.Gid || t.Egid == s.Cgid) granted = (mode >> 3) & 7;
            else granted = mode & 7;
            int need = 0;
            if ((want & 0x124) != 0) need |= 4;
            if ((want & 0x92) != 0) need |= 2;
            return (granted & need) == need;
        }
    }
}
