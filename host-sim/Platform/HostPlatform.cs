using System;
using System.Diagnostics;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>The desktop's side of the board glue: a monotonic clock, a folder as flash, and the .NET GC's
    /// heap numbers standing in for nanoFramework's managed heap.</summary>
    public sealed class HostPlatform : IPlatform
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public HostPlatform(IStorage flash) { Flash = flash; }

        /// <summary>A platform whose flash is a fresh temporary folder (for tests).</summary>
        public static HostPlatform WithTempFlash()
        {
            string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "procnano-flash-" + Guid.NewGuid().ToString("N"));
            return new HostPlatform(new FolderStorage(dir));
        }

        public long UptimeMs => _clock.ElapsedMilliseconds;
        public long UnixTime => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        public IStorage Flash { get; }
        /// <summary>The .NET GC's committed heap: the host's stand-in for nanoFramework's managed heap.</summary>
        public long ManagedHeapTotal => GC.GetGCMemoryInfo().TotalCommittedBytes;
        public long ManagedHeapFree
        {
            get
            {
                long free = ManagedHeapTotal - GC.GetTotalMemory(false);
                return free < 0 ? 0 : free;
            }
        }
    }
}
