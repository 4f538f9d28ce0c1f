using ProcNano;
using Xunit;

namespace ProcNano.Tests.Lib
{
    public class RowChunksTests
    {
        [Fact]
        public void Grow_AddsOneChunk_AndKeepsEveryRow()
        {
            var rows = new RowChunks(3, 1);
            Assert.Equal(RowChunks.ChunkRows, rows.Capacity);
            for (int i = 0; i < rows.Capacity; i++) { rows.Set(i, 0, i * 7); rows.Set(i, 2, unchecked((int)(0xF0000000u + (uint)i))); }
            Assert.True(rows.TryGrow());
            Assert.Equal(2 * RowChunks.ChunkRows, rows.Capacity);
            rows.Set(RowChunks.ChunkRows, 0, -5);
            for (int i = 0; i < RowChunks.ChunkRows; i++)
            {
                Assert.Equal(i * 7, rows.Get(i, 0));
                Assert.Equal(0xF0000000u + (uint)i, (uint)rows.Get(i, 2));
            }
            Assert.Equal(-5, rows.Get(RowChunks.ChunkRows, 0));
        }

        [Fact]
        public void Fields_OfOneRow_DoNotOverlap()
        {
            var rows = new RowChunks(2, 2);
            for (int i = 0; i < rows.Capacity; i++) { rows.Set(i, 0, i); rows.Set(i, 1, -i - 1); }
            for (int i = 0; i < rows.Capacity; i++) { Assert.Equal(i, rows.Get(i, 0)); Assert.Equal(-i - 1, rows.Get(i, 1)); }
        }

        [Fact]
        public void IntList_GrowsByHalf_NotByDoubling()
        {
            var l = new IntList(64);
            for (int i = 0; i < 65; i++) l.Add(i);
            Assert.Equal(96, l.Capacity);
            var big = new IntList(256);
            for (int i = 0; i < 257; i++) big.Add(i);
            Assert.Equal(256 + 64, big.Capacity);   // steps stop at 64 ints: a grow's copy stays small
            for (int i = 0; i < 257; i++) Assert.Equal(i, big[i]);
        }

        [Fact]
        public void IntList_Reserve_MakesRoomAhead()
        {
            var l = new IntList(4);
            Assert.True(l.Reserve(10));
            Assert.True(l.Capacity >= 10);
            int cap = l.Capacity;
            for (int i = 0; i < 10; i++) l.Add(i);
            Assert.Equal(cap, l.Capacity);
        }
    }
}
