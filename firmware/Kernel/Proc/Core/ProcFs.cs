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
        public static ProcSuperBlock NewSuperBlock(Kernel k, PidNamespace ns)
        {
            return new ProcSuperBlock(k, ns == null ? k.Tasks.RootNs : ns);
        }
    }

    /// <summary>
    /// One mounted procfs: its pid namespace and its caches of inodes for generic entries and sysctl rows (made
    /// once per superblock and reused, so a lookup allocates nothing after the first).
    /// </summary>
    public sealed class ProcSuperBlock : SuperBlock
    {
        public const int RootIno = 1;
        private const int EntryInoBase = 0x100, CtlInoBase = 0x8000, PidInoBase = 0x10000;

        public readonly Kernel K;
        public readonly PidNamespace Ns;
        private Inode[] _entryInodes = new Inode[32];
        private Inode[] _ctlInodes = new Inode[16];

        public ProcSuperBlock(Kernel k, PidNamespace ns) : base(ProcFs.TypeName, 0, 0)
        {
            K = k;
            Ns = ns;
            DevName = "proc";
            Root = EntryInode(k.Proc.Root);
        }

        public ProcTree Tree => K.Proc;

        /// <summary>The inode of <paramref name="e"/> in this superblock (cached while the entry lives).</summary>
        public Inode EntryInode(ProcEntry e)
        {
            lock (K.Proc.Lock)
            {
                if (e.Id < _entryInodes.Length)
                {
                    EntryInode cached = _entryInodes[e.Id] as EntryInode;
                    if (cached != null && cached.Entry == e) return cached;
                }
                else
                {
                    _entryInodes = Grow(_entryInodes, e.Id);
                }
                int ino = e.Id == 0 ? RootIno : EntryInoBase + e.Id;
                EntryInode n = new EntryInode(this, e, ino);
                _entryInodes[e.Id] = n;
                return n;
            }
        }

        /// <summary>The inode of sysctl row <paramref name="c"/> in this superblock (made once, reused).</summary>
        public Inode CtlInode(CtlEntry c)
        {
            lock (K.Proc.Lock)
            {
                if (c.Index >= _ctlInodes.Length) _ctlInodes = Grow(_ctlInodes, c.Index);
                Inode i = _ctlInodes[c.Index];
                if (i == null)
                {
                    i = new SysctlInode(this, c, CtlInoBase + c.Index);
                    _ctlInodes[c.Index] = i;
                }
                return i;
            }
        }

        /// <summary>Inode number for a per-pid inode (Linux makes these up too).</summary>
        internal int NewPidIno()
        {
            lock (K.Proc.Lock) { return PidInoBase + NewIno(); }
        }

        private static Inode[] Grow(Inode[] a, int index)
        {
            int n = a.Length;
            while (n <= index) n *= 2;
            Inode[] b = new Inode[n];
            for (int i = 0; i < a.Length; i++) b[i] = a[i];
            return b;
        }
    }
}
