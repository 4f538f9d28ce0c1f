namespace ProcNano.Kernel
{
    // STAND-IN written on the vfs branch so the VFS compiles and its tests run before the memory manager
    // lands. The memory work's own Kernel.Memory.cs replaces this file (take theirs on merge).
    public sealed partial class Kernel
    {
        public PageAllocator Pages;
        public PhysMem Phys;

        partial void BootMemory()
        {
            Pages = new PageAllocator(Board.ArenaPages);
            Phys = new PhysMem(Board.ArenaBase, Board.PageSize, Board.PageShift, Board.ArenaPages, Board.RomBase);
        }
    }
}
