using System;

namespace ProcNano.VirtualDevice
{
    /// <summary>Stand-in used when nanoFramework.Runtime.Native.dll is not found at build time: the program
    /// builds, but has no heap figures (-1) and will not load on nanoCLR (which needs the real one).</summary>
    internal static class HeapProbe
    {
        public static bool Available => false;
        private static readonly long s_start = DateTime.UtcNow.Ticks;

        public static long Free() { return -1; }

        public static long Compact() { return -1; }

        public static long UptimeMs() { return (DateTime.UtcNow.Ticks - s_start) / 10000; }
    }
}
