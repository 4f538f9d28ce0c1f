namespace ProcNano.Kernel
{
    // PLACEHOLDER from the shell branch so `free` compiles before the memory manager lands: the lead's own
    // Kernel.Memory.cs replaces this file whole (the shell only reads k.Pages).
    public sealed partial class Kernel
    {
        public PageAllocator Pages;

        partial void BootMemory()
        {
            Pages = new PageAllocator(Board.ArenaPages);
        }
    }
}
