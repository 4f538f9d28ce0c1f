namespace ProcNano
{
    /// <summary>
    /// What the syscall layer calls into: the subsystems below it, the big kernel lock, and the module loader
    /// above it (init_module/delete_module hand over to the module table, which a lower layer may not name).
    /// <see cref="Kernel"/> implements it, so the facade costs the device one reference, not one per subsystem.
    /// </summary>
    public interface ISyscallKernel
    {
        object Lock { get; }
        BoardConfig Board { get; }
        IPlatform Platform { get; }
        KernelLog Log { get; }
        UtsSettings Uts { get; }
        PageAllocator Pages { get; }
        Vfs Vfs { get; }
        MemoryManager Mem { get; }
        TaskTable Tasks { get; }
        Loader Loader { get; }
        Shm Shm { get; }

        /// <summary>Loads module <paramref name="name"/> for <paramref name="t"/>: 0 or -errno.</summary>
        int InitModule(Task t, string name);
        /// <summary>Unloads module <paramref name="name"/> for <paramref name="t"/>: 0 or -errno.</summary>
        int DeleteModule(Task t, string name);
    }
}
