using System;

namespace ProcNano.VirtualDevice
{
    /// <summary>The runtime's own figures, from nanoFramework.Runtime.Native (as firmware/App uses them).</summary>
    internal static class HeapProbe
    {
        public static bool Available => true;

        /// <summary>Collects (no compaction) and returns the free managed bytes.</summary>
        public static long Free() { return nanoFramework.Runtime.Native.GC.Run(false); }

        /// <summary>Collects and compacts, then returns the free managed bytes.</summary>
        public static long Compact() { return nanoFramework.Runtime.Native.GC.Run(true); }

        public static long UptimeMs() { return Environment.TickCount64; }
    }
}
