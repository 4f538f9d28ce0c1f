namespace ProcNano
{
    /// <summary>
    /// The kernel as procfs sees it: the subsystems its files read, one property each, and nothing to replace
    /// them with. Kernel implements it, so procfs needs no object of its own to hold them (each field of a
    /// kernel object is 12 B of the device's heap; an interface the kernel implements is none). The modules,
    /// one layer up, get the same view: what they make are /proc files (Proc) and log lines.
    /// </summary>
    public interface IKernelView
    {
        BoardConfig Board { get; }
        IPlatform Platform { get; }
        KernelLog Log { get; }
        /// <summary>The big kernel lock: SeqFile holds it for ops that say KernelLocked; pagemap and clear_refs
        /// take it around their one call.</summary>
        object Lock { get; }
        PageAllocator Pages { get; }
        PhysMem Phys { get; }
        Vfs Vfs { get; }
        FsContext Fs { get; }
        MemoryManager Mem { get; }
        TaskTable Tasks { get; }
        Shm Shm { get; }
        UtsSettings Uts { get; }
        SlabTable Slab { get; }
        ProcTree Proc { get; }

        /// <summary>The ops of /proc/modules for one open. The row is procfs's (GenericTable.Modules: no object
        /// on the heap), its code the module table's, which sits above procfs; the kernel, which knows both,
        /// makes them.</summary>
        ProcOps NewModulesOps();
    }
}
