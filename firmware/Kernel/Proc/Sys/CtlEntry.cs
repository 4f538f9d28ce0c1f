namespace ProcNano
{
    /// <summary>
    /// One row of the sysctl table (Linux's ctl_table): a name, a mode, and either a child table (a directory)
    /// or a handler that prints and parses the value. <see cref="Index"/> numbers the rows so each procfs
    /// superblock can keep one inode per row, made on first lookup and reused.
    /// </summary>
    public sealed class CtlEntry
    {
        public readonly string Name;
        public readonly int Mode;
        public readonly CtlEntry[] Children;
        public readonly SysctlHandler Handler;
        public int Index;

        /// <summary>A value file; <paramref name="perm"/> are permission bits (0644, 0444 ...).</summary>
        public CtlEntry(string name, int perm, SysctlHandler handler)
        {
            Name = name;
            Mode = Stat.S_IFREG | (perm & 0xFFF);
            Handler = handler;
        }

        /// <summary>A directory (0555).</summary>
        public CtlEntry(string name, CtlEntry[] children)
        {
            Name = name;
            Mode = Stat.S_IFDIR | 0x16D;
            Children = children;
        }

        public bool IsDir => Children != null;

        public CtlEntry Find(string name)
        {
            if (Children == null) return null;
            for (int i = 0; i < Children.Length; i++) if (Children[i].Name == name) return Children[i];
            return null;
        }

        /// <summary>Numbers this row and every row below it from <paramref name="next"/>; returns the next free number.</summary>
        public int Number(int next)
        {
            Index = next++;
            if (Children != null) for (int i = 0; i < Children.Length; i++) next = Children[i].Number(next);
            return next;
        }
    }
}
