
namespace ProcNano
{
    /// <summary>
    /// The virtual file system: registered file system types, the mount table and anonymous device numbers.
    /// Path operations (open, mkdir, ...) are in Vfs.Namei.cs. Callers hold <see cref="Kernel.Lock"/>;
    /// every path operation takes the calling task as a <see cref="VfsCaller"/>, null for the kernel itself
    /// (root, cwd "/").
    /// </summary>
    public sealed partial class Vfs : ISlabSource
    {
        /// <summary>Every file referenced from a region or an mm, by slot.</summary>
        public readonly FileTable Files;
        /// <summary>Who may hold a mount busy through a working directory (the task table, registered at boot).</summary>
        public IMountUsers MountUsers;
        private readonly RefList _mounts = new RefList();
        // Superblocks the kernel uses without mounting them (kern_mount: the SysV shm store).
        private readonly RefList _internal = new RefList();
        /// <summary>The types built in (the kernel, at boot); null: none.</summary>
        public IBuiltinFs Builtin;
        private RefList _types;   // registered after boot, null until the first
        private readonly IntList _anonMinors = new IntList(4);

        public Vfs(FileTable files) { Files = files; }

        /// <summary>kern_mount: a superblock the kernel uses without a mount point; its files count as open
        /// files of the kernel.</summary>
        public void KernMount(SuperBlock sb) { _internal.Add(sb); }

        public const int SlabFiles = 0, SlabMounts = 1;

        /// <summary>/proc/slabinfo's file row (open files) and vfsmount row (mounts); made one at a time, so
        /// allocated = in use.</summary>
        public int SlabObjects(int kind, bool allocated) { return kind == SlabMounts ? _mounts.Count : OpenFileCount(); }

        /// <summary>Open files not yet released, over mounted and internal superblocks (a procfs that is not
        /// mounted is not reachable from here).</summary>
        public int OpenFileCount()
        {
            int n = 0;
            for (int i = 0; i < _internal.Count; i++) n += ((SuperBlock)_internal[i]).OpenFiles;
            for (int i = 0; i < _mounts.Count; i++) n += MountAt(i).Sb.OpenFiles;
            return n;
        }

        /// <summary>Inodes the mounted file systems keep in memory (see <see cref="SuperBlock.CachedInodes"/>).</summary>
        public int CachedInodeCount()
        {
            int n = 0;
            for (int i = 0; i < _mounts.Count; i++) n += MountAt(i).Sb.CachedInodes();
            return n;
        }

        // ---- file system types ----

        /// <summary>Adds a file system type that mount(2) can name, after the built-in ones. -EBUSY if the name
        /// is taken.</summary>
        public int RegisterFs(string name, bool noDev, FsFactory factory)
        {
            if (FindFs(name) >= 0) return -Errno.EBUSY;
            if (_types == null) _types = new RefList();
            _types.Add(new FsType(name, noDev, factory));
            return 0;
        }

        private int BuiltinCount => Builtin == null ? 0 : Builtin.BuiltinFsCount;

        /// <summary>Types, built-in ones first, then in registration order (as /proc/filesystems lists them).</summary>
        public int FsTypeCount => BuiltinCount + (_types == null ? 0 : _types.Count);

        public string FsTypeName(int i) { return i < BuiltinCount ? Builtin.BuiltinFsName(i) : ((FsType)_types[i - BuiltinCount]).Name; }

        public bool FsTypeNoDev(int i) { return i < BuiltinCount ? Builtin.BuiltinFsNoDev(i) : ((FsType)_types[i - BuiltinCount]).NoDev; }

        /// <summary>The index of type <paramref name="name"/>, or -1.</summary>
        public int FindFs(string name)
        {
            for (int i = 0; i < FsTypeCount; i++) if (FsTypeName(i) == name) return i;
            return -1;
        }

        private SuperBlock NewSuperBlock(int type, VfsCaller mounter, string source)
        {
            if (type < BuiltinCount) return Builtin.MountBuiltinFs(type, mounter, source);
            return ((FsType)_types[type - BuiltinCount]).Factory(mounter, source);
        }

        // ---- anonymous device numbers (set_anon_super) ----

        /// <summary>The lowest free minor of major 0, from 1 up (00:01, 00:02, ...).</summary>
        public int AllocAnonMinor()
        {
            int m = 1;
            while (_anonMinors.IndexOf(m) >= 0) m++;
            _anonMinors.Add(m);
            return m;
        }

        public void FreeAnonMinor(int minor) { _anonMinors.Remove(minor); }

        // ---- mount table ----

        public int MountCount => _mounts.Count;
        /// <summary>Mounts in the order they were made (as /proc/mounts lists them).</summary>
        public VfsMount MountAt(int i) { return (VfsMount)_mounts[i]; }

        /// <summary>The root directory as path lookups see it (the root mount, and whatever covers it).</summary>
        public Inode RootInode => _mounts.Count == 0 ? null : CrossMounts(MountAt(0).Sb.Root);

        /// <summary>If a file system is mounted on <paramref name="dir"/>, its root (the latest mount wins,
        /// and mounts stacked on that root are crossed too); else <paramref name="dir"/>.</summary>
        internal Inode CrossMounts(Inode dir)
        {
            bool moved = true;
            while (moved)
            {
                moved = false;
                for (int i = _mounts.Count - 1; i >= 0; i--)
                {
                    VfsMount m = (VfsMount)_mounts[i];
                    if (m.Covered == dir)
                    {
                        dir = m.Sb.Root;
                        moved = true;
                        break;
                    }
                }
            }
            return dir;
        }

        /// <summary>True if a file system is mounted on <paramref name="dir"/> or <paramref name="dir"/> is the
        /// root of a mounted file system (rmdir/unlink then give EBUSY).</summary>
        public bool IsMountPoint(Inode dir)
        {
            for (int i = 0; i < _mounts.Count; i++)
            {
                VfsMount m = (VfsMount)_mounts[i];
                if (m.Covered == dir || m.Sb.Root == dir) return true;
            }
            return false;
        }

        /// <summary>Attaches <paramref name="sb"/> at the directory <paramref name="target"/> (kernel-level, no
        /// permission checks). The first mount must be "/". Returns 0 or -errno.</summary>
        public int Mount(string target, SuperBlock sb)
        {
            if (sb == null || sb.Root == null) return -Errno.EINVAL;
            for (int i = 0; i < _mounts.Count; i++)
            {
                if (MountAt(i).Sb == sb) return -Errno.EBUSY;
            }
            if (_mounts.Count == 0)
            {
                if (target != "/") return -Errno.ENOENT;
                _mounts.Add(new VfsMount("/", sb, null));
                return 0;
            }
            Inode dir;
            string abs;
            int e = Resolve(null, target, true, out dir, out abs);
            if (e < 0) return e;
            if (!dir.IsDir) return -Errno.ENOTDIR;
            _mounts.Add(new VfsMount(abs, sb, dir));
            return 0;
        }

        /// <summary>mount(2) of a registered type: makes a superblock from <paramref name="source"/> and
        /// attaches it. No privilege check here (the syscall does it).</summary>
        public int Mount(VfsCaller t, string source, string target, string fsType)
        {
            int type = fsType == null ? -1 : FindFs(fsType);
            if (type < 0) return -Errno.ENODEV;
            Inode dir;
            string abs;
            int e = Resolve(t, target, true, out dir, out abs);
            if (e < 0) return e;
            if (!dir.IsDir) return -Errno.ENOTDIR;
            SuperBlock sb = NewSuperBlock(type, t, source);
            if (sb == null) return -Errno.EINVAL;
            e = Mount(abs, sb);
            if (e < 0) Discard(sb);
            return e;
        }

        /// <summary>umount(2): <paramref name="target"/> must be the root of a mount (else EINVAL). EBUSY for
        /// the root file system, while files on it are open or mapped, while something is mounted inside
        /// it, or while a task's working directory is inside it.</summary>
        public int Umount(VfsCaller t, string target)
        {
            Inode dir;
            string abs;
            int e = Resolve(t, target, true, out dir, out abs);
            if (e < 0) return e;
            int idx = -1;
            for (int i = _mounts.Count - 1; i >= 0; i--)
            {
                if (MountAt(i).Sb.Root == dir) { idx = i; break; }
            }
            if (idx < 0) return -Errno.EINVAL;
            VfsMount m = MountAt(idx);
            if (m.Covered == null || Busy(m)) return -Errno.EBUSY;
            _mounts.RemoveAt(idx);
            Discard(m.Sb);
            return 0;
        }

        private bool Busy(VfsMount m)
        {
            if (m.Sb.OpenFiles > 0) return true;
            for (int i = 0; i < _mounts.Count; i++)
            {
                VfsMount o = MountAt(i);
                if (o.Covered != null && o.Covered.Sb == m.Sb) return true;
            }
            return MountUsers != null && MountUsers.HasCwdUnder(m.Point);
        }

        // A superblock that is no longer (or never got) mounted: free its data and its device number.
        private void Discard(SuperBlock sb)
        {
            sb.Kill();
            if (sb.Major == 0) FreeAnonMinor(sb.Minor);
        }
    }
}
