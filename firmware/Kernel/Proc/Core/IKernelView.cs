namespace ProcNano
{
    /// <summary>
    /// The kernel as procfs sees it: the subsystems its files read, one property each, and nothing to replace
    /// them with. Kernel implements it, so procfs needs no object of its own to hold them (each field of a
    /// kernel object is 12 B of the device's heap; an interface the kernel implements is none). The modules,
    /// one layer up, get the same view: what they make are /proc files (Proc) and log lines. It extends the
    /// syscall layer's view (board, platform, log, the big lock — SeqFile holds it for ops that say KernelLocked
    /// — pages, VFS, memory, tasks, shm, uts), so each shared member is implemented once (every interface
    /// method is a few bytes of the device's RAM tables).
    /// </summary>
    public interface IKernelView : ISyscallKernel
    {
        PhysMem Phys { get; }
        FsContext Fs { get; }
        SlabTable Slab { get; }
        ProcTree Proc { get; }

        /// <summary>The ops of /proc/modules for one open. The row is procfs's (GenericTable.Modules: no object
        /// on the heap), its code the module table's, which sits above procfs; the kernel, which knows both,
        /// makes them.</summary>
        ProcOps NewModulesOps();
    }
}
