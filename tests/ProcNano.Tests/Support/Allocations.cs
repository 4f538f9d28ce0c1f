using System;

namespace ProcNano.Tests
{
    /// <summary>Measures managed allocations of steady-state kernel paths (the device has ~50-80 KiB of heap).</summary>
    public static class Allocations
    {
        /// <summary>Bytes allocated on this thread by the fewest-allocating of <paramref name="windows"/> runs
        /// of <paramref name="work"/>. The .NET runtime itself sometimes allocates on the thread (tiered
        /// recompilation under a parallel test run); code that allocates does so in every run, so the minimum
        /// is the code's own figure. Do not call xunit's Assert inside <paramref name="work"/>: it allocates.</summary>
        public static long Fewest(Action work, int windows = 5)
        {
            long fewest = long.MaxValue;
            for (int w = 0; w < windows && fewest != 0; w++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                work();
                long n = GC.GetAllocatedBytesForCurrentThread() - before;
                if (n < fewest) fewest = n;
            }
            return fewest;
        }
    }
}
