namespace ProcNano
{
    public sealed partial class Kernel
    {
        public PageAllocator Pages;
        public PhysMem Phys;
        public MemoryManager Mem;
        /// <summary>Every file referenced from a region or an mm, by slot (one table per kernel).</summary>
        public FileTable Files;

        partial void BootMemory()
        {
            Pages = new PageAllocator(Board.ArenaPages);
            Phys = new PhysMem(Board.ArenaBase, Board.PageSize, Board.PageShift, Board.ArenaPages, Board.RomBase);
            Files = new FileTable();
            Mem = new MemoryManager(this);
            Log.Print("Memory: " + (Board.ArenaPages * Board.PageSize / 1024).ToString() + "k arena, "
                + Board.ArenaPages.ToString() + " pages of " + Board.PageSize.ToString() + " bytes at 0x"
                + Board.ArenaBase.ToString("x8"));
        }
    }
}
