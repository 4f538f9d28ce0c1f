using System.Threading;

namespace ProcNano
{
    /// <summary>
    /// A proc_dir_entry: one generic /proc file, directory or symlink made at run time, shared by every procfs
    /// superblock. The boot-time entries are rows of <see cref="GenericTable"/> and have no object; the tree
    /// makes a stand-in entry for a row only when the API needs one (the root, a table directory that holds
    /// run-time entries, a row someone asked Find for): its <see cref="Id"/> is the row, it has no ops and is
    /// never removed. Lifetime (Linux's pde_users / pde_openers scheme): every call into <see cref="Ops"/> is bracketed by
    /// <see cref="Use"/>/<see cref="Unuse"/>; removal first refuses new calls, waits for the running ones, then
    /// runs the release of every file still open, exactly once. The entry locks on itself (only for a few
    /// instructions, never while calling ops) so that an entry costs no extra lock object on the device.
    /// </summary>
    public sealed class ProcEntry
    {
        /// <summary>Managed-heap cost of one entry on nanoCLR: 12 bytes per field (9) plus the header. A field
        /// costs 12 bytes whatever its type, so small numbers share one (mode and id; users and removed).</summary>
        public const int ObjectBytes = 12 * (9 + 1);
        private const int RemovedBit = 0x40000000;

        public readonly string Name;
        /// <summary>Null for the root.</summary>
        public ProcEntry Parent;
        /// <summary>File operations; null for plain directories and fixed symlinks.</summary>
        public readonly ProcOps Ops;
        /// <summary>Private data for the ops (a fixed symlink keeps its target text here).</summary>
        public readonly object Data;
        private int _modeId;              // mode in the low 16 bits, id in the high 16

        internal RefList Children;      // directories only, made with the first child, guarded by the tree lock
        private RefList _openers;       // ProcFile records of open files (regular files only)
        private int _users;               // calls in progress, and RemovedBit once removal began
        private ManualResetEvent _idle;   // made only when a remover has to wait

        public ProcEntry(string name, int mode, ProcOps ops, object data)
        {
            Name = name;
            _modeId = mode & 0xFFFF;
            Ops = ops;
            Data = data;
        }

        public bool IsDir => (Mode & Stat.S_IFMT) == Stat.S_IFDIR;
        public bool IsLink => (Mode & Stat.S_IFMT) == Stat.S_IFLNK;
        /// <summary>S_IF* type plus permission bits.</summary>
        public int Mode => _modeId & 0xFFFF;

        /// <summary>Small dense number (below 65536): the inode number's low part and the index of
        /// per-superblock caches.</summary>
        public int Id
        {
            get { return (int)((uint)_modeId >> 16); }
            set { _modeId = (_modeId & 0xFFFF) | (value << 16); }
        }

        /// <summary>A stand-in for a row of the generic table (ids below its count are the rows').</summary>
        public bool IsTableRow => Id < GenericTable.Count;

        public bool Removed => (_users & RemovedBit) != 0;

        /// <summary>Calls currently inside the entry's ops (Linux's pde_users).</summary>
        public int Users => _users & ~RemovedBit;

        /// <summary>Files currently open on the entry.</summary>
        public int OpenCount
        {
            get { LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this) { return _openers == null ? 0 : _openers.Count; } }
        }

        /// <summary>Enters a call; false once the entry is being removed.</summary>
        public bool Use()
        {
            LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this)
            {
                if ((_users & RemovedBit) != 0) return false;
                _users++;
                return true;
            }
        }

        public void Unuse()
        {
            LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this)
            {
                _users--;
                if ((_users & ~RemovedBit) == 0 && _idle != null) _idle.Set();
            }
        }

        internal void AddOpener(ProcFile pf)
        {
            LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this)
            {
                if (_openers == null) _openers = new RefList();
                _openers.Add(pf);
            }
        }

        /// <summary>Claims an open file's release for a closing caller. True if the caller must run it (and
        /// then <see cref="Unuse"/>); false if a remover already did. Counted as a call in progress so that
        /// removal waits for it.</summary>
        internal bool TakeOpener(ProcFile pf)
        {
            LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this)
            {
                if (_openers == null) return false;
                int i = _openers.IndexOf(pf);
                if (i < 0) return false;
                _openers.RemoveAt(i);
                _users++;
                return true;
            }
        }

        /// <summary>Marks the entry removed (the tree does it under its lock, as it unlinks the entry). False if it
        /// already was.</summary>
        internal bool MarkRemoved()
        {
            LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this)
            {
                if ((_users & RemovedBit) != 0) return false;
                _users |= RemovedBit;
                return true;
            }
        }

        /// <summary>
        /// After <see cref="MarkRemoved"/>: waits until no call is inside the ops, releases every file still
        /// open (exactly once each; a later close finds nothing to do), and waits for closers that raced us.
        /// Must be called without the kernel lock or the tree lock held.
        /// </summary>
        internal void Rundown()
        {
            WaitIdle();
            while (true)
            {
                ProcFile pf;
                LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this)
                {
                    if (_openers == null || _openers.Count == 0) break;
                    pf = (ProcFile)_openers[_openers.Count - 1];
                    _openers.RemoveAt(_openers.Count - 1);
                    _users++;
                }
                pf.Released = true;
                try
                {
                    if (Ops != null) Ops.Release(pf);
                }
                finally
                {
                    Unuse();
                }
            }
            WaitIdle();
        }

        private void WaitIdle()
        {
            while (true)
            {
                ManualResetEvent ev;
                LockOrder.Check(this, LockOrder.ProcEntryRank); lock (this)
                {
                    if ((_users & ~RemovedBit) == 0) { _idle = null; return; }
                    if (_idle == null) _idle = new ManualResetEvent(false);
                    else _idle.Reset();    // only reset while users > 0: the last Unuse sets it under this lock
                    ev = _idle;
                }
                ev.WaitOne();
            }
        }
    }
}
