using ProcNano;
using Xunit;

namespace ProcNano.Tests.Pages
{
    public class PageAllocatorTests
    {
        [Fact]
        public void Boot_WholeArenaIsOneMaximalBlockPerAlignedRun()
        {
            var p = new PageAllocator(64);
            Assert.Equal(64, p.FreePages);
            Assert.Equal(1, p.FreeBlocks(6));
            Assert.Equal(64, p.LargestFreeBlock);
            var odd = new PageAllocator(13);   // 8 + 4 + 1
            Assert.Equal(1, odd.FreeBlocks(3));
            Assert.Equal(1, odd.FreeBlocks(2));
            Assert.Equal(1, odd.FreeBlocks(0));
        }

        [Fact]
        public void Alloc_SplitsAndFree_MergesBuddiesBack()
        {
            var p = new PageAllocator(16);
            int a = p.Alloc(0);
            Assert.Equal(0, a);
            Assert.Equal(1, p.FreeBlocks(0));   // its buddy
            Assert.Equal(1, p.FreeBlocks(1));
            Assert.Equal(1, p.FreeBlocks(2));
            Assert.Equal(1, p.FreeBlocks(3));
            Assert.Equal(0, p.FreeBlocks(4));
            p.Put(a, 1);
            Assert.Equal(1, p.FreeBlocks(4));
            Assert.Equal(16, p.FreePages);
        }

        [Fact]
        public void Alloc_BlocksAreNaturallyAlignedAndCounted()
        {
            var p = new PageAllocator(32);
            int one = p.Alloc(0), four = p.Alloc(2), two = p.Alloc(1);
            Assert.Equal(0, four % 4);
            Assert.Equal(0, two % 2);
            for (int i = four; i < four + 4; i++) Assert.Equal(1, p.Ref[i]);
            Assert.Equal(32 - 7, p.FreePages);
            Assert.NotEqual(one, four);
        }

        [Fact]
        public void Put_TailPagesOfABlock_OneByOne()
        {
            var p = new PageAllocator(8);
            int b = p.Alloc(3);
            p.Put(b + 5, 3);            // trim 3 pages off an 8-page block
            Assert.Equal(3, p.FreePages);
            Assert.Equal(1, p.FreeBlocks(1)); // pages 6-7
            Assert.Equal(1, p.FreeBlocks(0)); // page 5
            p.Put(b, 5);
            Assert.Equal(1, p.FreeBlocks(3));
        }

        [Fact]
        public void Put_SharedPage_FreedOnlyAtZero()
        {
            var p = new PageAllocator(4);
            int b = p.Alloc(0);
            p.Get(b, 1);
            p.Put(b, 1);
            Assert.False(p.IsFree(b));
            p.Put(b, 1);
            Assert.True(p.IsFree(b));
        }

        [Fact]
        public void Alloc_Exhausted_Enomem()
        {
            var p = new PageAllocator(4);
            Assert.Equal(-Errno.ENOMEM, p.Alloc(3));
            Assert.True(p.Alloc(2) >= 0);
            Assert.Equal(-Errno.ENOMEM, p.Alloc(0));
            Assert.Equal(-Errno.ENOMEM, p.Alloc(PageAllocator.MaxOrder));
        }

        [Fact]
        public void Reserve_TakesOnePageOutOfItsBlock()
        {
            var p = new PageAllocator(8);
            p.Reserve(3, 1);
            Assert.Equal(7, p.FreePages);
            Assert.Equal(0, p.FreeBlocks(3));
            Assert.Equal(4, p.LargestFreeBlock);
            for (int i = 0; i < 7; i++) Assert.NotEqual(3, p.Alloc(0));
            Assert.Equal(-Errno.ENOMEM, p.Alloc(0));
        }
    }
}
