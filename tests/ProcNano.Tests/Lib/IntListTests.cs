using System;
using System.Collections.Generic;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Lib
{
    /// <summary>The gap buffer behaves as a plain list whatever the order of inserts and removals.</summary>
    public class IntListTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void RandomInsertsAndRemovals_MatchAList(int seed)
        {
            var rnd = new Random(seed);
            var list = new IntList(1);
            var model = new List<int>();
            for (int step = 0; step < 20000; step++)
            {
                int op = rnd.Next(10);
                if (op < 5 || model.Count == 0)
                {
                    // Mostly near the last change, as the kernel's lists are used, sometimes anywhere.
                    int at = rnd.Next(model.Count + 1);
                    list.Insert(at, step);
                    model.Insert(at, step);
                }
                else if (op < 9) { int at = rnd.Next(model.Count); list.RemoveAt(at); model.RemoveAt(at); }
                else { int at = rnd.Next(model.Count); list[at] = -step; model[at] = -step; }
                if (step % 97 == 0)
                {
                    Assert.Equal(model.Count, list.Count);
                    for (int i = 0; i < model.Count; i++) Assert.Equal(model[i], list[i]);
                }
            }
            Assert.Equal(model.Count, list.Count);
            for (int i = 0; i < model.Count; i++) Assert.Equal(model[i], list[i]);
            if (model.Count > 0) Assert.Equal(model.IndexOf(model[model.Count / 2]), list.IndexOf(model[model.Count / 2]));
        }

        [Fact]
        public void ReservePastMaxItems_IsRefused_NothingChanged()
        {
            var list = new IntList(4);
            list.Add(7);
            Assert.False(list.Reserve(IntList.MaxItems + 1));
            Assert.Equal(4, list.Capacity);
            Assert.True(list.Reserve(100));
            Assert.Equal(7, list[0]);
        }
    }
}
