
namespace ProcNano
{
    /// <summary>
    /// k.Proc: the generic entries every procfs superblock shares (Linux's fs/proc/generic.c), the rows added
    /// to /proc/&lt;pid&gt;/, and the pool of seq buffers. What /proc has from boot is code (the tables
    /// <see cref="GenericTable"/>, <see cref="PidTable"/>, <see cref="SysctlTable"/>); what the tree holds are
    /// the entries made at run time: a driver adds /proc/driver/&lt;name&gt; and removes it when unloaded.
    /// Paths are relative to /proc ("driver/uart"; a leading "/proc/" or "/" is accepted).
    /// The tree locks on itself (<see cref="Lock"/>): one object fewer on the device.
    /// </summary>
    public sealed partial class ProcTree : ISlabSource
    {
        /// <summary>The stand-in of the table's root row: the parent of run-time entries made at the top.</summary>
        public readonly ProcEntry Root;
        private PidRow[] _addedPidRows;   // copied on add, so readers take it without the lock

        public ProcTree()
        {
            Root = new ProcEntry("", RowTable.DirMode, null, null);   // id 0: the root row
        }

        internal object Lock => this;

        /// <summary>Entry objects (/proc/slabinfo's proc_entry row): the root, run-time entries and the stand-ins
        /// of table rows holding them.</summary>
        public int SlabObjects(int kind, bool allocated)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this) return CountEntries(Root);
        }

        private static int CountEntries(ProcEntry e)
        {
            int n = 1;
            if (e.Children != null) for (int i = 0; i < e.Children.Count; i++) n += CountEntries((ProcEntry)e.Children[i]);
            return n;
        }

        // ---- /proc/<pid>/ rows ----

        /// <summary>Appends a row to /proc/&lt;pid&gt;/ after the table's (for subsystems that keep their files
        /// next to their code; editing PidTable does the same). -EEXIST if the name is taken.</summary>
        public int AddPidRow(PidRow row)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                if (RowTable.Find(RowTable.Pid, PidTable.Root, row.Name) >= 0 || FindPidRow(row.Name) != null) return -Errno.EEXIST;
                PidRow[] old = _addedPidRows;
                int n = old == null ? 0 : old.Length;
                PidRow[] rows = new PidRow[n + 1];
                for (int i = 0; i < n; i++) rows[i] = old[i];
                rows[n] = row;
                _addedPidRows = rows;
                return 0;
            }
        }

        /// <summary>Added row number <paramref name="index"/>, or null.</summary>
        internal PidRow PidRowAt(int index)
        {
            PidRow[] rows = _addedPidRows;
            return rows == null || index < 0 || index >= rows.Length ? null : rows[index];
        }

        internal PidRow FindPidRow(string name)
        {
            PidRow[] rows = _addedPidRows;
            if (rows != null) for (int i = 0; i < rows.Length; i++) if (rows[i].Name == name) return rows[i];
            return null;
        }

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
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                if (!parent.IsDir) return -Errno.ENOTDIR;
                if (parent.Removed) return -Errno.ENOENT;
                if (parent.IsTableRow && RowTable.Find(RowTable.Generic, parent.Id, name) >= 0) return -Errno.EEXIST;
                if (FindAdded(parent, name) != null) return -Errno.EEXIST;
                e.Id = FreeId();
                e.Parent = parent;
                AddChild(parent, e);
            }
            entry = e;
            return 0;
        }

        /// <summary>proc_mkdir: a directory (mode 0555).</summary>
        public ProcEntry Mkdir(string name, ProcEntry parent)
        {
            return Create(name, RowTable.DirMode, parent, null, null);
        }

        public ProcEntry Mkdir(string path)
        {
            return Create(path, RowTable.DirMode, null, null);
        }

        /// <summary>proc_symlink: a link to the fixed text <paramref name="target"/> (resolved, if relative,
        /// from <paramref name="parent"/>).</summary>
        public ProcEntry Symlink(string name, ProcEntry parent, string target)
        {
            return Create(name, RowTable.LinkMode, parent, null, target);
        }

        private static void AddChild(ProcEntry dir, ProcEntry e)
        {
            if (dir.Children == null) dir.Children = new RefList();
            dir.Children.Add(e);
        }

        // The smallest number no run-time entry has (table rows have the numbers below the table's count), so
        // numbers, and with them inode numbers, stay small and are given again after a removal.
        private int FreeId()
        {
            for (int id = GenericTable.Count; ; id++) if (!IdUsed(Root, id)) return id;
        }

        private static bool IdUsed(ProcEntry dir, int id)
        {
            RefList c = dir.Children;
            if (c == null) return false;
            for (int i = 0; i < c.Count; i++)
            {
                ProcEntry e = (ProcEntry)c[i];
                if (e.Id == id || IdUsed(e, id)) return true;
            }
            return false;
        }

        // ---- removing ----

        /// <summary>
        /// remove_proc_entry: unlinks the entry at once (new lookups and opens fail with ENOENT), then waits for
        /// calls in progress, runs the release of every file still open, and frees the entry's number. A
        /// directory goes with everything under it. Never call with the kernel lock held if a reader could be
        /// inside the entry waiting for it. 0, -ENOENT, or -EINVAL for a table row (those never go).
        /// </summary>
        public int Remove(ProcEntry e)
        {
            if (e == null || e.IsTableRow) return -Errno.EINVAL;
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                // Unlinked and marked in one step: a second remover finds it gone (ENOENT) instead of returning
                // 0 while the first is still running it down.
                ProcEntry p = e.Parent;
                if (p == null || e.Removed || p.Children == null || p.Children.IndexOf(e) < 0) return -Errno.ENOENT;
                p.Children.Remove(e);
                e.MarkRemoved();
            }
            RemoveTree(e);
            return 0;
        }

        public int Remove(string path)
        {
            int row;
            ProcEntry e;
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this) e = Walk(path, out row);
            if (row >= 0) return -Errno.EINVAL;
            return e == null ? -Errno.ENOENT : Remove(e);
        }

        public int Remove(string name, ProcEntry parent)
        {
            ProcEntry e = null;
            if (parent == null) parent = Root;
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                if (parent.IsTableRow && RowTable.Find(RowTable.Generic, parent.Id, name) >= 0) return -Errno.EINVAL;
                if (parent.IsDir) e = FindAdded(parent, name);
            }
            return e == null ? -Errno.ENOENT : Remove(e);
        }

        // Runs down an entry already unlinked and marked removed (under the tree lock), children first.
        private void RemoveTree(ProcEntry e)
        {
            // The directory was marked first, so an open handle on it already lists nothing.
            while (true)
            {
                ProcEntry c;
                LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
                {
                    RefList kids = e.Children;
                    if (kids == null || kids.Count == 0) break;
                    c = (ProcEntry)kids[kids.Count - 1];
                    kids.RemoveAt(kids.Count - 1);
                    c.MarkRemoved();
                }
                RemoveTree(c);
            }
            e.Rundown();
        }
    }
}
