namespace ProcNano
{
    /// <summary>
    /// What <see cref="Syscalls.Memmap"/> hands its caller, one call at a time and all under one hold of the
    /// kernel lock, so the picture is consistent and the kernel allocates nothing for it: the receiver keeps
    /// (or prints) what it needs. The order: <see cref="Arena"/> once; <see cref="Pages"/> for each run of
    /// arena pages with one owner, lowest page first; for each region the filter lets through, in /proc/maps
    /// order, <see cref="Region"/> then one <see cref="User"/> per task whose VMAs use it; <see cref="Free"/>
    /// for each buddy order, 0 first. The shell's memmap and the simulator's web view are its two receivers.
    /// </summary>
    public interface IMemmapSink
    {
        void Arena(uint start, int pages, int pageSize);

        /// <summary>Pages [pfn, pfn + count) have one owner: a region's position in /proc/maps (0 first), or
        /// <see cref="Syscalls.MemFree"/>, <see cref="Syscalls.MemHeld"/> (in use, no region maps it: ramfs
        /// file data, an unattached shm segment) or <see cref="Syscalls.MemOther"/> (a region the filter leaves out).</summary>
        void Pages(int pfn, int count, int owner);

        /// <summary>Region at position <paramref name="n"/>: its span, its end with slack
        /// (<paramref name="top"/>), VM_* flags and file path (null: anonymous).</summary>
        void Region(int n, uint start, uint end, uint top, int flags, string path);

        /// <summary>A task, numbered as the caller's pid namespace numbers it, with a VMA in region <paramref name="n"/>
        /// (only tasks the caller may trace, as for /proc/&lt;pid&gt;/maps).</summary>
        void User(int n, int pid);

        void Free(int order, int blocks);
    }
}
