using System.Collections;

namespace ProcNano
{
    /// <summary>SysV shared memory: shmget/shmat/shmdt/shmctl on NOMMU, where every attach of a segment maps
    /// the same contiguous pages at the same address and shmdt removes exactly one attachment.</summary>
    public sealed class Shm
    {
        public const int IPC_PRIVATE = 0, IPC_CREAT = 0x200, IPC_EXCL = 0x400, SHM_RDONLY = 0x1000;
        public const int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2;
        public const int SHMMNI = 4096;

        private readonly Kernel _k;
        /// <summary>Live segments in id order (/proc/sysvipc/shm lists them).</summary>
        public readonly ArrayList Segments = new ArrayList();
        private int _nextId;

        public Shm(Kernel k) { _k = k; }

        public int Count => Segments.Count;
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

        public int Get(Task t, int key, long size, int flags)
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
            if (size < 1 || size > (long)_k.Board.ArenaPages * _k.Board.PageSize) return -Errno.EINVAL;
            if (Segments.Count >= SHMMNI) return -Errno.ENOSPC;
            File file;
            int e = _k.Vfs.CreateShmFile(size, "/SYSV" + key.ToString("x8"), out file);
            if (e < 0) return e;
            ShmSegment seg = new ShmSegment();
            seg.Id = _nextId++;
            seg.Key = key;
            seg.Size = size;
            seg.Mode = flags & 0x1FF;
            seg.Uid = seg.Cuid = t.Euid;
            seg.Gid = seg.Cgid = t.Egid;
            seg.CreatorPid = t.Tgid;
            seg.CTime = _k.Platform == null ? 0 : _k.Platform.UnixTime;
            seg.File = file;
            file.Private = seg;
            file.Inode.Uid = seg.Uid;
            file.Inode.Gid = seg.Gid;
            Segments.Add(seg);
            return seg.Id;
        }

        public long Attach(Task t, int id, uint addr, int flags)
        {
            ShmSegment s = Find(id);
            if (s == null) return -Errno.EINVAL;
            // NOMMU cannot place a segment at a chosen address (no MAP_FIXED).
            if (addr != 0) return -Errno.EINVAL;
            bool ro = (flags & SHM_RDONLY) != 0;
            if (!Permitted(t, s, ro ? 0x124 : 0x1B6)) return -Errno.EACCES;
            int prot = ro ? Vm.PROT_READ : Vm.PROT_READ | Vm.PROT_WRITE;
            long a = _k.Mem.Mmap(t, s.Size, prot, Vm.MAP_SHARED, s.File, 0, Vm.VM_SHM);
            if (a < 0) return a;
            s.Nattch++;
            s.LastPid = t.Tgid;
            s.ATime = _k.Platform == null ? 0 : _k.Platform.UnixTime;
            return a;
        }

        public int Detach(Task t, uint addr)
        {
            if ((addr & (uint)(_k.Board.PageSize - 1)) != 0) return -Errno.EINVAL;
            Mm mm = t.Mm;
            VmaTable vmas = _k.Mem.Vmas;
            for (int i = mm.FirstAt(vmas, addr); i < mm.Vmas.Count && vmas.Start[mm.Vmas[i]] == addr; i++)
            {
                int v = mm.Vmas[i];
                if ((vmas.Flags[v] & Vm.VM_SHM) != 0)
                {
                    _k.Mem.DeleteVma(mm, v, t);
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

        /// <summary>shm_close: an shm VMA goes (shmdt, munmap, exit): one attachment fewer, and
        /// <paramref name="current"/> is the last task to have touched the segment.</summary>
        internal void Detached(ShmSegment s, Task current)
        {
            s.Nattch--;
            s.LastPid = current.Tgid;
            s.DTime = _k.Platform == null ? 0 : _k.Platform.UnixTime;
            if (s.Removed && s.Nattch == 0) Destroy(s);
        }

        private void Destroy(ShmSegment s)
        {
            Segments.Remove(s);
            _k.Files.Close(s.File);
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
