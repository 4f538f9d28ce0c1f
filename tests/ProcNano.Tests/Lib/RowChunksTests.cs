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
            var a = new IntColumn(rows, 0);
            var b = new UIntColumn(rows, 2);
            Assert.Equal(RowChunks.ChunkRows, rows.Capacity);
            for (int i = 0; i < rows.Capacity; i++) { a[i] = i * 7; b[i] = 0xF0000000u + (uint)i; }
            Assert.True(rows.TryGrow());
            Assert.Equal(2 * RowChunks.ChunkRows, rows.Capacity);
            a[RowChunks.ChunkRows] = -5;
            for (int i = 0; i < RowChunks.ChunkRows; i++)
            {
                Assert.Equal(i * 7, a[i]);
                Assert.Equal(0xF0000000u + (uint)i, b[i]);
            }
            Assert.Equal(-5, a[RowChunks.ChunkRows]);
        }

        [Fact]
        public void Fields_OfOneRow_DoNotOverlap()
        {
            var rows = new RowChunks(2, 2);
            var x = new IntColumn(rows, 0);
            var y = new IntColumn(rows, 1);
            for (int i = 0; i < rows.Capacity; i++) { x[i] = i; y[i] = -i - 1; }
            for (int i = 0; i < rows.Capacity; i++) { Assert.Equal(i, x[i]); Assert.Equal(-i - 1, y[i]); }
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
