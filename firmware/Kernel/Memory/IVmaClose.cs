namespace ProcNano
{
    /// <summary>vm_ops->close: how the memory manager tells the owner of a mapping's file (SysV shm) that one
    /// of its VMAs went, without knowing who that owner is.</summary>
    public interface IVmaClose
    {
        /// <summary>A VMA of <paramref name="file"/> was deleted by <paramref name="current"/>.</summary>
        void VmaClosed(File file, MmOwner current);
    }
}
