namespace ProcNano
{
    /// <summary>
    /// A row added to /proc/&lt;pid&gt;/ at run time (k.Proc.AddPidRow; the boot rows are the code table
    /// <see cref="PidTable"/>): name, mode, operations, as Linux's pid_entry. A row is a file (ops print it), a
    /// symlink (ops.ReadLink), a directory with its own rows (<see cref="Children"/>), or a directory whose
    /// entries are computed (ops.Lookup/ReadDir). <see cref="Ptrace"/> rows are guarded by
    /// <see cref="ProcAccess"/> at open and at every read, readlink, lookup and readdir.
    /// </summary>
    public sealed class PidRow
    {
        public readonly string Name;
        public readonly int Mode;
        public readonly ProcOps Ops;
        public readonly PidRow[] Children;
        public readonly bool Ptrace;

        public PidRow(string name, int mode, ProcOps ops, bool ptrace)
        {
            Name = name;
            Mode = mode;
            Ops = ops;
            Ptrace = ptrace;
        }

        public PidRow(string name, int mode, PidRow[] children)
        {
            Name = name;
            Mode = mode;
            Children = children;
        }

        /// <summary>A regular file readable by all (0444).</summary>
        public static PidRow File(string name, ProcOps ops) { return new PidRow(name, RowTable.FileMode, ops, false); }

        /// <summary>A file only the owner (or a ptrace-capable reader) may read (0400 + access check).</summary>
        public static PidRow Private(string name, ProcOps ops) { return new PidRow(name, Stat.S_IFREG | 0x100, ops, true); }

        /// <summary>A symlink behind the ptrace check.</summary>
        public static PidRow Link(string name, ProcOps ops) { return new PidRow(name, RowTable.LinkMode, ops, true); }

        public static PidRow Dir(string name, PidRow[] children) { return new PidRow(name, RowTable.DirMode, children); }

        public bool IsDir => (Mode & Stat.S_IFMT) == Stat.S_IFDIR;
    }
}
