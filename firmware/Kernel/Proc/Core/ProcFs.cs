namespace ProcNano
{
    /// <summary>
    /// The procfs file system type. A mount calls <see cref="NewSuperBlock"/>; several superblocks can exist
    /// (one per pid namespace that mounts /proc). Each shows the same generic entries and the pids of its own
    /// namespace, numbered as that namespace numbers them.
    /// </summary>
    public static class ProcFs
    {
        public const string TypeName = "proc";

        /// <summary>A new procfs instance for <paramref name="ns"/> (null: the root pid namespace). The caller
        /// (the VFS) may set Major/Minor; DevName is "proc".</summary>
        public static ProcSuperBlock NewSuperBlock(IKernelView k, PidNamespace ns)
        {
            return new ProcSuperBlock(k, ns == null ? k.Tasks.RootNs : ns);
        }
    }

    /// <summary>
    /// One mounted procfs: its pid namespace and the inodes it has made for generic entries and sysctl rows,
    /// kept on one chain (made on first lookup and reused, so a lookup allocates nothing after the first; a
    /// mount costs the superblock and its root inode only). Inode numbers: the root 1, generic entry id n
    /// 0x100 + n (table rows first, run-time entries after), sysctl row n 0x8000 + n, per-pid inodes from
    /// 0x10000 on.
    /// </summary>
    public sealed class ProcSuperBlock : SuperBlock
    {
        public const int RootIno = 1;
        private const int EntryInoBase = 0x100, CtlInoBase = 0x8000, PidInoBase = 0x10000;

        public readonly IKernelView K;
        public readonly PidNamespace Ns;
        private CachedInode _cached;

        public ProcSuperBlock(IKernelView k, PidNamespace ns) : base(ProcFs.TypeName, 0, 0)
        {
            K = k;
            Ns = ns;
            DevName = "proc";
            Root = new GenericRowInode(this, GenericTable.Root, RootIno);
        }

        public ProcTree Tree => K.Proc;

        /// <summary>The inode of row <paramref name="row"/> of the generic table in this superblock.</summary>
        public Inode RowInode(int row)
        {
            if (row == GenericTable.Root) return Root;
            LockOrder.Check(K.Proc.Lock, LockOrder.ProcTreeRank); lock (K.Proc.Lock)
            {
                int ino = EntryInoBase + row;
                CachedInode c = Cached(ino);
                if (c == null) c = Keep(new GenericRowInode(this, row, ino));
                return c;
            }
        }

        /// <summary>The inode of <paramref name="e"/> in this superblock (kept while the entry lives).</summary>
        public Inode EntryInode(ProcEntry e)
        {
            if (e.IsTableRow) return RowInode(e.Id);
            LockOrder.Check(K.Proc.Lock, LockOrder.ProcTreeRank); lock (K.Proc.Lock)
            {
                int ino = EntryInoBase + e.Id;
                CachedInode c = Cached(ino);
                if (c != null && c.Entry == e) return c;
                if (c != null) Drop(c);   // an entry removed whose number was given again
                return Keep(new EntryInode(this, e, ino));
            }
        }

        /// <summary>The inode of sysctl row <paramref name="row"/> in this superblock.</summary>
        public Inode CtlInode(int row)
        {
            LockOrder.Check(K.Proc.Lock, LockOrder.ProcTreeRank); lock (K.Proc.Lock)
            {
                int ino = CtlInoBase + row;
                CachedInode c = Cached(ino);
                if (c == null) c = Keep(new SysctlInode(this, row, ino));
                return c;
            }
        }

        /// <summary>Inode number for a per-pid inode (Linux makes these up too).</summary>
        internal int NewPidIno()
        {
            LockOrder.Check(K.Proc.Lock, LockOrder.ProcTreeRank); lock (K.Proc.Lock) { return PidInoBase + NewIno(); }
        }

        // The kept inode numbered ino; inodes of removed entries are let go on the way.
        private CachedInode Cached(int ino)
        {
            CachedInode prev = null;
            for (CachedInode c = _cached; c != null; c = c.NextCached)
            {
                ProcEntry e = c.Entry;
                if (e != null && e.Removed)
                {
                    if (prev == null) _cached = c.NextCached;
                    else prev.NextCached = c.NextCached;
                    continue;
                }
                if (c.Ino == ino) return c;
                prev = c;
            }
            return null;
        }

        private CachedInode Keep(CachedInode c)
        {
            c.NextCached = _cached;
            _cached = c;
            return c;
        }

        private void Drop(CachedInode gone)
        {
            if (_cached == gone) { _cached = gone.NextCached; return; }
            for (CachedInode c = _cached; c != null; c = c.NextCached)
            {
                if (c.NextCached == gone) { c.NextCached = gone.NextCached; return; }
            }
        }
    }
}
