namespace ProcNano
{
    /// <summary>
    /// The model of what booting builds once per kernel and keeps (the subsystem objects, their small fixed
    /// arrays and empty lists, the file system types, the root file systems' superblocks): /proc/slabinfo's
    /// "kernel" row. By <see cref="Footprint"/>'s rules, from field counts a host test checks against the
    /// classes. Kinds that grow (regions, tasks, inodes, mounts...) have rows of their own.
    /// </summary>
    public static class KernelCore
    {
        // Instance fields of each class, base classes included (FootprintTests checks each by reflection).
        public const int KernelFields = 17, KernelLogFields = 4, PhysMemFields = 6, PageAllocatorFields = 8,
            VfsFields = 7, FileTableFields = 1, FsContextFields = 6, RamfsSuperFields = 8, MemoryManagerFields = 14,
            RegionTableFields = 6, VmaTableFields = 5, TaskTableFields = 10, PidNamespaceFields = 6,
            NetNamespaceFields = 2, LoaderFields = 8, ShmFields = 7, SyscallsFields = 1, UtsSettingsFields = 1,
            ProcTreeFields = 3, ProcSuperBlockFields = 9, ModuleTableFields = 3, UartModuleFields = 6,
            UartStatsFields = 7, SlabTableFields = 1, FsTypeFields = 3, RomfsSuperFields = 8, RefListFields = 2,
            EmergencyHeapFields = 3;


        /// <summary>The core's bytes, given what the owners above Memory size: the loader's header buffer and the
        /// root network namespace's interfaces.</summary>
        public static int Bytes(int headerBytes, int interfaces)
        {
            int n = 0;
            n += Footprint.Object(KernelFields) + Footprint.Object(KernelLogFields) + Footprint.Object(PhysMemFields);
            n += Footprint.Object(PageAllocatorFields) + Footprint.Array(PageAllocator.MaxOrder, 2)
                + Footprint.Array(PageAllocator.MaxOrder, 4);
            // The VFS: its two lists (the types registered after boot: none) and anonymous-minor list, the file
            // table's first slots, the two ramfs superblocks (root and the shm store), romfs and procfs. The
            // built-in file system types are code (IBuiltinFs).
            n += Footprint.Object(VfsFields) + 2 * Footprint.Object(RefListFields) + Footprint.Object(Footprint.IntListFields)
                + Footprint.Array(4, 4) + Footprint.Object(FileTableFields) + Footprint.Array(4, 12);
            n += Footprint.Object(FsContextFields) + 2 * Footprint.Object(RamfsSuperFields);
            n += Footprint.Object(RomfsSuperFields) + Footprint.Object(ProcSuperBlockFields);
            // Memory: the manager (its emergency heap's block is a slab row of its own), both tables with their
            // chunk directories and the region order list.
            n += Footprint.Object(MemoryManagerFields) + Footprint.Object(EmergencyHeapFields)
                + Footprint.Object(RegionTableFields) + Footprint.Object(VmaTableFields)
                + 2 * Footprint.Array(1, 12) + Footprint.Object(Footprint.IntListFields) + Footprint.Array(RowChunks.ChunkRows, 4);
            // Tasks: the table and its list, the root pid and net namespaces, the loader and its header buffer.
            n += Footprint.Object(TaskTableFields) + Footprint.Object(RefListFields);   // All (Zombies: at the first)
            n += Footprint.Object(PidNamespaceFields) + Footprint.Object(RefListFields) + Footprint.Array(1, 12);
            n += Footprint.Object(NetNamespaceFields) + Footprint.Array(interfaces, 12);
            n += Footprint.Object(LoaderFields) + Footprint.Array(headerBytes, 1);
            // Ipc, Syscalls, Proc, Modules (the uart module and its counters), the slab table itself.
            n += Footprint.Object(ShmFields) + Footprint.Object(RefListFields);
            n += Footprint.Object(SyscallsFields) + Footprint.Object(UtsSettingsFields) + Footprint.Object(ProcTreeFields);
            n += Footprint.Object(ModuleTableFields) + 2 * Footprint.Object(RefListFields);
            n += Footprint.Object(UartModuleFields) + Footprint.Object(UartStatsFields);
            n += Footprint.Object(SlabTableFields);   // its rows are code (Kernel.Slab.cs)
            return n;
        }
    }
}
