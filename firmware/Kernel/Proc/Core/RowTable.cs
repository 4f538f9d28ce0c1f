namespace ProcNano
{
    /// <summary>
    /// The three boot-time tables of procfs (generic entries, /proc/&lt;pid&gt;/, /proc/sys) are code: a row is
    /// a case of a switch giving its name, mode and parent row, so it costs no object on the device's heap.
    /// This class walks any of them by directory: the n-th child of a row, a child by name.
    /// </summary>
    public static class RowTable
    {
        public const int Generic = 0, Pid = 1, Sysctl = 2;
        public const int DirMode = Stat.S_IFDIR | 0x16D;   // 0555
        public const int LinkMode = Stat.S_IFLNK | 0x1FF;  // 0777
        public const int FileMode = Stat.S_IFREG | Stat.S_IRUGO;

        /// <summary>Row <paramref name="i"/> of <paramref name="table"/>; false past the end. Parent -1: the
        /// table's root, or a row no directory lists (the fd/&lt;n&gt; links).</summary>
        public static bool Row(int table, int i, out string name, out int mode, out int parent)
        {
            switch (table)
            {
                case Generic: return GenericTable.Row(i, out name, out mode, out parent);
                case Pid: return PidTable.Row(i, out name, out mode, out parent);
                case Sysctl: return SysctlTable.Row(i, out name, out mode, out parent);
            }
            name = null;
            mode = parent = 0;
            return false;
        }

        public static string Name(int table, int i)
        {
            string name;
            int mode, parent;
            return Row(table, i, out name, out mode, out parent) ? name : null;
        }

        public static int Mode(int table, int i)
        {
            string name;
            int mode, parent;
            return Row(table, i, out name, out mode, out parent) ? mode : 0;
        }

        /// <summary>The child of directory row <paramref name="dir"/> called <paramref name="name"/>, or -1.</summary>
        public static int Find(int table, int dir, string name)
        {
            string n;
            int mode, parent;
            for (int i = 0; Row(table, i, out n, out mode, out parent); i++)
            {
                if (parent == dir && n == name) return i;
            }
            return -1;
        }

        /// <summary>Child number <paramref name="index"/> of <paramref name="dir"/> in table order, or -1.</summary>
        public static int ChildAt(int table, int dir, int index)
        {
            string n;
            int mode, parent;
            for (int i = 0; Row(table, i, out n, out mode, out parent); i++)
            {
                if (parent == dir && index-- == 0) return i;
            }
            return -1;
        }

        public static int ChildCount(int table, int dir)
        {
            string n;
            int mode, parent, count = 0;
            for (int i = 0; Row(table, i, out n, out mode, out parent); i++) if (parent == dir) count++;
            return count;
        }
    }
}
