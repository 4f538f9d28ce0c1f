using ProcNano;
using Xunit;

namespace ProcNano.Tests.Pages
{
    /// <summary>Free blocks keep their list links in their own first page: the lists must survive any order of
    /// allocs and frees, and a handed-out block must carry no link bytes.</summary>
    public class FreeLinksTests
    {
        private const int Shift = 6, PageBytes = 1 << Shift, NPages = 64;

        [Fact]
        public void HandedOutBlocks_CarryNoLinkBytes()
        {
            byte[] mem = new byte[NPages * PageBytes];
            var pa = new PageAllocator(NPages, mem, Shift);
            for (int order = 0; order < 3; order++)
                for (int n = 0; n < 3; n++)
                {
                    int pfn = pa.Alloc(order);
                    Assert.True(pfn >= 0);
                    for (int i = 0; i < PageAllocator.LinkBytes; i++) Assert.Equal(0, mem[(pfn << Shift) + i]);
                }
            Assert.Equal(NPages - 3 * (1 + 2 + 4), pa.FreePages);
        }

        [Fact]
        public void ScatteredFrees_MergeBackToOneBlock_WithLinksInMemory()
        {
            byte[] mem = new byte[NPages * PageBytes];
            var pa = new PageAllocator(NPages, mem, Shift);
            int[] pfns = new int[NPages];
            for (int i = 0; i < NPages; i++) pfns[i] = pa.Alloc(0);
            Assert.Equal(0, pa.FreePages);
            // Free odd pages, then even ones from the top: every merge walks and edits the in-page links.
            for (int i = 1; i < NPages; i += 2) pa.Put(pfns[i], 1);
            for (int i = NPages - 2; i >= 0; i -= 2) pa.Put(pfns[i], 1);
            Assert.Equal(NPages, pa.FreePages);
            Assert.Equal(NPages, pa.LargestFreeBlock);
            Assert.Equal(1, pa.FreeBlocks(6));
            Assert.Equal(0, pa.Alloc(6));
        }
    }
}
