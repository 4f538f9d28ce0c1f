using System.Collections;

namespace ProcNano
{
    /// <summary>
    /// k.Proc: the tree of generic proc entries shared by every procfs superblock (Linux's fs/proc/generic.c),
    /// the per-pid row table, the sysctl table, and the pool of seq buffers. Creating and removing entries at
    /// run time is part of the API: a driver adds /proc/driver/&lt;name&gt; and removes it when unloaded.
    /// Paths are relative to /proc ("driver/uart"; a leading "/proc/" or "/" is accepted).
    /// </summary>
    public sealed class ProcTree : ISlabSource
    {
        /// <summary>Seq buffer handed to each open file; records longer than this grow their own buffer.</summary>
        public const int SeqBufSize = 256;
        private const int PoolMax = 4;

        public readonly Kernel K;
        public readonly ProcEntry Root;
        /// <summary>/proc/&lt;pid&gt;/ rows (see PidTable.Base); a pid directory is exactly this table.</summary>
        public PidRow PidDir;
        /// <summary>/proc/sys/ table root (see SysctlTable).</summary>
        public CtlEntry SysRoot;
        /// <summary>The one show routine every sysctl file shares.</summary>
        public readonly SysctlShowOps SysctlShow = new SysctlShowOps();

        private readonly object _lock = new object();
        private ProcEntry[] _byId = new ProcEntry[32];
        private readonly OutBuf[] _pool = new OutBuf[PoolMax];
        private int _poolCount;

        /// <summary>Generic proc entries, the root included (/proc/slabinfo's proc_entry row).</summary>
        public int SlabObjects(int kind, bool allocated) { return CountEntries(Root); }

        private int CountEntries(ProcEntry e)
        {
            int n = 1;
            if (!e.IsDir) return n;
            for (int i = 0; ; i++)
            {
                ProcEntry c = ChildAt(e, i);
                if (c == null) break;
                n += CountEntries(c);
            }
            return n;
        }

        public ProcTree(Kernel k)
        {
            K = k;
            Root = new ProcEntry("", Stat.S_IFDIR | 0x16D, null, null); // 0555
            Root.Id = 0;
            _byId[0] = Root;
            PidDir = PidTable.Base();
            SysRoot = SysctlTable.Build();
            GenericFiles.Register(this);
        }

        /// <summary>Appends a row to /proc/&lt;pid&gt;/ (at boot, for subsystems that keep their files next to
        /// their code; editing PidTable.Base does the same). -EEXIST if the name is taken.</summary>
        public int AddPidRow(PidRow row)
        {
            lock (_lock)
            {
                PidRow[] old = PidDir.Children;
                for (int i = 0; i < old.Length; i++) if (old[i].Name == row.Name) return -Errno.EEXIST;
                PidRow[] rows = new PidRow[old.Length + 1];
                for (int i = 0; i < old.Length; i++) rows[i] = old[i];
                rows[old.Length] = row;
                PidDir = PidRow.Dir("", rows);
                return 0;
            }
        }

        internal object Lock => _lock;

        // ---- creating ----

        /// <summary>proc_create_data: a file (or, by <paramref name="mode"/>'s type bits, a directory or
        /// symlink) called <paramref name="name"/> in <paramref name="parent"/> (null = the root). Mode without
        /// type bits means a regular file; without permission bits 0444. Null on failure (see TryCreate).</summary>
        public ProcEntry Create(string name, int mode, ProcEntry parent, ProcOps ops, object data)
        {
            ProcEntry e;
            return TryCreate(name, mode, parent, ops, data, out e) < 0 ? null : e;
        }

        /// <summary>As <see cref="Create(string,int,ProcEntry,ProcOps,object)"/> with a path whose parent
        /// directories must exist.</summary>
        public ProcEntry Create(string path, int mode, ProcOps ops, object data)
        {
            ProcEntry e;
            return TryCreate(path, mode, ops, data, out e) < 0 ? null : e;
        }

        /// <summary>0, or -ENOENT (parent missing or removed), -ENOTDIR, -EEXIST, -EINVAL (bad name).</summary>
        public int TryCreate(string path, int mode, ProcOps ops, object data, out ProcEntry entry)
        {
            entry = null;
            ProcEntry parent;
            string name;
            int r = SplitParent(path, out parent, out name);
            if (r < 0) return r;
            return TryCreate(name, mode, parent, ops, data, out entry);
        }

        public int TryCreate(string name, int mode, ProcEntry parent, ProcOps ops, object data, out ProcEntry entry)
        {
            entry = null;
            if (!ValidName(name)) return -Errno.EINVAL;
            if ((mode & Stat.S_IFMT) == 0) mode |= Stat.S_IFREG;
            if ((mode & 0xFFF) == 0) mode |= (mode & Stat.S_IFMT) == Stat.S_IFDIR ? 0x16D : Stat.S_IRUGO;
            if (parent == null) parent = Root;
            ProcEntry e = new ProcEntry(name, mode, ops, data);
            lock (_lock)
            {
                if (!parent.IsDir) return -Errno.ENOTDIR;
                if (parent.Removed) return -Errno.ENOENT;
                if (FindChild(parent, name) != null) return -Errno.EEXIST;
                e.Id = AllocId(e);
                e.Parent = parent;
                parent.Children.Add(e);
            }
            entry = e;
            return 0;
        }

        /// <summary>proc_mkdir: a directory (mode 0555).</summary>
        public ProcEntry Mkdir(string name, ProcEntry parent)
        {
            return Create(name, Stat.S_IFDIR | 0x16D, parent, null, null);
        }

        public ProcEntry Mkdir(string path)
        {
            return Create(path, Stat.S_IFDIR | 0x16D, null, null);
        }

        /// <summary>proc_symlink: a link to the fixed text <paramref name="target"/> (resolved, if relative,
        /// from <paramref name="parent"/>).</summary>
        public ProcEntry Symlink(string name, ProcEntry parent, string target)
        {
            return Create(name, Stat.S_IFLNK | 0x1FF, parent, null, target);
        }

        // ---- removing ----

        /// <summary>
        /// remove_proc_entry: unlinks the entry at once (new lookups and opens fail with ENOENT), then waits for
        /// calls in progress, runs the release of every file still open, and frees the entry's number. A
        /// directory goes with everything under it. Never call with the kernel lock held if a reader could be
        /// inside the entry waiting for it. 0 or -ENOENT.
        /// </summary>
        public int Remove(ProcEntry e)
        {
            if (e == null || e == Root) return -Errno.EINVAL;
            lock (_lock)
            {
                // Unlinked and marked in one step: a second remover finds it gone (ENOENT) instead of returning
                // 0 while the first is still running it down.
                ProcEntry p = e.Parent;
                if (p == null || e.Removed || p.Children.IndexOf(e) < 0) return -Errno.ENOENT;
                p.Children.Remove(e);
                e.MarkRemoved();
            }
            RemoveTree(e);
            return 0;
        }

        public int Remove(string path)
        {
            ProcEntry e = Find(path);
            return e == null ? -Errno.ENOENT : Remove(e);
        }

        public int Remove(string name, ProcEntry parent)
        {
            ProcEntry e = null;
            if (parent == null) parent = Root;
            lock (_lock) { if (parent.IsDir) e = FindChild(parent, name); }
            return e == null ? -Errno.ENOENT : Remove(e);
        }

        // Runs down an entry already unlinked and marked removed (under the tree lock), children first.
        private void RemoveTree(ProcEntry e)
        {
            if (e.IsDir)
            {
                // The directory was marked first, so an open handle on it already lists nothing.
                while (true)
                {
                    ProcEntry c;
                    lock (_lock)
                    {
                        if (e.Children.Count == 0) break;
                        c = (ProcEntry)e.Children[e.Children.Count - 1];
                        e.Children.RemoveAt(e.Children.Count - 1);
                        c.MarkRemoved();
                    }
                    RemoveTree(c);
                }
            }
            e.Rundown();
            lock (_lock)
            {
                if (e.Id > 0 && e.Id < _byId.Length && _byId[e.Id] == e) _byId[e.Id] = null;
            }
        }

        // ---- finding ----

        /// <summary>The live entry at <paramref name="path"/>, or null. Symlinks are not followed.</summary>
        public ProcEntry Find(string path)
        {
            lock (_lock)
            {
                ProcEntry cur = Root;
                int i = SkipPrefix(path);
                while (i < path.Length)
                {
                    int j = path.IndexOf('/', i);
                    if (j < 0) j = path.Length;
                    if (j > i)
                    {
                        if (!cur.IsDir) return null;
                        cur = FindChild(cur, path.Substring(i, j - i));
                        if (cur == null) return null;
                    }
                    i = j + 1;
                }
                return cur;
            }
        }

        internal ProcEntry Lookup(ProcEntry dir, string name)
        {
            lock (_lock) { return dir.Removed ? null : FindChild(dir, name); }
        }

        /// <summary>Child number <paramref name="index"/> of a live directory, or null.</summary>
        internal ProcEntry ChildAt(ProcEntry dir, int index)
        {
            lock (_lock)
            {
                if (dir.Removed || dir.Children == null || index >= dir.Children.Count) return null;
                return (ProcEntry)dir.Children[index];
            }
        }

        internal int ChildCount(ProcEntry dir)
        {
            lock (_lock) { return dir.Removed || dir.Children == null ? 0 : dir.Children.Count; }
        }

        private static ProcEntry FindChild(ProcEntry dir, string name)
        {
            ArrayList c = dir.Children;
            for (int i = 0; i < c.Count; i++)
            {
                ProcEntry e = (ProcEntry)c[i];
                if (e.Name == name) return e;
            }
            return null;
        }

        private int SplitParent(string path, out ProcEntry parent, out string name)
        {
            parent = null;
            name = null;
            if (path == null) return -Errno.EINVAL;
            int start = SkipPrefix(path);
            int end = path.Length;
            while (end > start && path[end - 1] == '/') end--;
            if (end <= start) return -Errno.EINVAL;
            int slash = path.LastIndexOf('/', end - 1);
            if (slash < start)
            {
                parent = Root;
                name = path.Substring(start, end - start);
                return 0;
            }
            parent = Find(path.Substring(0, slash));
            if (parent == null || parent.Removed) return -Errno.ENOENT;
            if (!parent.IsDir) return -Errno.ENOTDIR;
            name = path.Substring(slash + 1, end - slash - 1);
            return 0;
        }

        private static int SkipPrefix(string path)
        {
            int i = 0;
            if (path.Length >= 5 && path.Substring(0, 5) == "/proc" && (path.Length == 5 || path[5] == '/')) i = 5;
            while (i < path.Length && path[i] == '/') i++;
            return i;
        }

        private static bool ValidName(string name)
        {
            if (name == null || name.Length == 0 || name == "." || name == "..") return false;
            for (int i = 0; i < name.Length; i++) if (name[i] == '/' || name[i] == '\0') return false;
            return true;
        }

        private int AllocId(ProcEntry e)
        {
            for (int i = 1; i < _byId.Length; i++)
            {
                if (_byId[i] == null) { _byId[i] = e; return i; }
            }
            ProcEntry[] n = new ProcEntry[_byId.Length * 2];
            for (int i = 0; i < _byId.Length; i++) n[i] = _byId[i];
            int id = _byId.Length;
            n[id] = e;
            _byId = n;
            return id;
        }

        // ---- seq buffers ----

        /// <summary>A reader for <paramref name="pf"/> with a buffer from the pool (or a fresh one).</summary>
        public SeqFile NewSeqFile(ProcFile pf, SeqOps ops)
        {
            return new SeqFile(this, pf, ops, GetBuf());
        }

        internal OutBuf GetBuf()
        {
            lock (_lock)
            {
                if (_poolCount > 0)
                {
                    OutBuf b = _pool[--_poolCount];
                    _pool[_poolCount] = null;
                    return b;
                }
            }
            return new OutBuf(SeqBufSize);
        }

        /// <summary>Keeps a few buffers for the next opens; grown ones are dropped so a single long record does
        /// not pin memory.</summary>
        internal void PutBuf(OutBuf b)
        {
            if (b.Capacity > SeqBufSize * 4) return;
            lock (_lock)
            {
                if (_poolCount < PoolMax) _pool[_poolCount++] = b;
            }
        }

        /// <summary>Buffers waiting in the pool (for tests and /proc/slabinfo).</summary>
        public int PooledBuffers => _poolCount;
    }
}
