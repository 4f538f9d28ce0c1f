
namespace ProcNano
{
    /// <summary>Finding entries: paths through table rows and run-time entries, the stand-ins of table rows,
    /// and the run-time children the inodes list (all under the tree lock).</summary>
    public sealed partial class ProcTree
    {
        /// <summary>The live entry at <paramref name="path"/>, or null. A table row is answered with its
        /// stand-in (made once, then the same object). Symlinks are not followed.</summary>
        public ProcEntry Find(string path)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                int row;
                ProcEntry e = Walk(path, out row);
                return e == null && row >= 0 ? StandIn(row, true) : e;
            }
        }

        /// <summary>Walks <paramref name="path"/>: <paramref name="row"/> is the table row it names (or -1); the
        /// result is the run-time entry, or the row's stand-in if it has one.</summary>
        private ProcEntry Walk(string path, out int row)
        {
            row = GenericTable.Root;
            ProcEntry cur = Root;
            int i = SkipPrefix(path);
            while (i < path.Length)
            {
                int j = path.IndexOf('/', i);
                if (j < 0) j = path.Length;
                if (j > i)
                {
                    string name = path.Substring(i, j - i);
                    int child = row >= 0 ? RowTable.Find(RowTable.Generic, row, name) : -1;
                    if (child >= 0)
                    {
                        row = child;
                        cur = cur == null ? null : TableChild(cur, child);
                    }
                    else
                    {
                        row = -1;
                        if (cur == null || !cur.IsDir) return null;
                        cur = FindAdded(cur, name);
                        if (cur == null) return null;
                    }
                }
                i = j + 1;
            }
            return cur;
        }

        /// <summary>The stand-in entry of table row <paramref name="row"/>: made (with its parents') if
        /// <paramref name="make"/>, else null when there is none yet. Kept in its parent's children, where
        /// listings skip it.</summary>
        private ProcEntry StandIn(int row, bool make)
        {
            if (row == GenericTable.Root) return Root;
            string name;
            int mode, parentRow;
            if (!RowTable.Row(RowTable.Generic, row, out name, out mode, out parentRow)) return null;
            ProcEntry parent = StandIn(parentRow, make);
            if (parent == null) return null;
            ProcEntry e = TableChild(parent, row);
            if (e != null || !make) return e;
            e = new ProcEntry(name, mode, null, null);
            e.Id = row;
            e.Parent = parent;
            if (parent.Children == null) parent.Children = new RefList();
            parent.Children.Add(e);
            return e;
        }

        private static ProcEntry TableChild(ProcEntry dir, int row)
        {
            RefList c = dir.Children;
            if (c != null)
            {
                for (int i = 0; i < c.Count; i++)
                {
                    ProcEntry e = (ProcEntry)c[i];
                    if (e.IsTableRow && e.Id == row) return e;
                }
            }
            return null;
        }

        // ---- run-time children, for the inodes ----

        /// <summary>The run-time entry called <paramref name="name"/> in table directory <paramref name="row"/>.</summary>
        internal ProcEntry LookupAdded(int row, string name)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                ProcEntry dir = StandIn(row, false);
                return dir == null ? null : FindAdded(dir, name);
            }
        }

        /// <summary>Run-time entry number <paramref name="index"/> in table directory <paramref name="row"/>, or null.</summary>
        internal ProcEntry AddedAt(int row, int index)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                ProcEntry dir = StandIn(row, false);
                return dir == null ? null : NthAdded(dir, index);
            }
        }

        internal int AddedCount(int row)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                ProcEntry dir = StandIn(row, false);
                return dir == null ? 0 : CountAdded(dir);
            }
        }

        internal ProcEntry Lookup(ProcEntry dir, string name)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this) { return dir.Removed ? null : FindAdded(dir, name); }
        }

        /// <summary>Child number <paramref name="index"/> of a live run-time directory, or null.</summary>
        internal ProcEntry ChildAt(ProcEntry dir, int index)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this) { return dir.Removed ? null : NthAdded(dir, index); }
        }

        internal int ChildCount(ProcEntry dir)
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this) { return dir.Removed ? 0 : CountAdded(dir); }
        }

        // Children lists hold run-time entries and the stand-ins of table rows; only the former are listed.
        private static ProcEntry FindAdded(ProcEntry dir, string name)
        {
            RefList c = dir.Children;
            if (c == null) return null;
            for (int i = 0; i < c.Count; i++)
            {
                ProcEntry e = (ProcEntry)c[i];
                if (!e.IsTableRow && e.Name == name) return e;
            }
            return null;
        }

        private static ProcEntry NthAdded(ProcEntry dir, int index)
        {
            RefList c = dir.Children;
            if (c == null || index < 0) return null;
            for (int i = 0; i < c.Count; i++)
            {
                ProcEntry e = (ProcEntry)c[i];
                if (!e.IsTableRow && index-- == 0) return e;
            }
            return null;
        }

        private static int CountAdded(ProcEntry dir)
        {
            RefList c = dir.Children;
            int n = 0;
            if (c != null) for (int i = 0; i < c.Count; i++) if (!((ProcEntry)c[i]).IsTableRow) n++;
            return n;
        }

        // ---- paths ----

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
            name = slash < start ? path.Substring(start, end - start) : path.Substring(slash + 1, end - slash - 1);
            if (slash < start)
            {
                parent = Root;
                return 0;
            }
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                int row;
                parent = Walk(path.Substring(0, slash), out row);
                if (parent == null && row >= 0)
                {
                    // A table row: a directory gets its stand-in to hold the new entry.
                    if ((RowTable.Mode(RowTable.Generic, row) & Stat.S_IFMT) != Stat.S_IFDIR) return -Errno.ENOTDIR;
                    parent = StandIn(row, true);
                }
            }
            if (parent == null || parent.Removed) return -Errno.ENOENT;
            if (!parent.IsDir) return -Errno.ENOTDIR;
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
    }
}
