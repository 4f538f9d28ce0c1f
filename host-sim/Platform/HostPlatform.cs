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
        private long _committed, _committedAt = -1000;

        /// <summary>The .NET GC's committed heap: the host's stand-in for nanoFramework's managed heap.
        /// Asking the GC allocates a little, so the figure is refreshed at most once a second: reading
        /// /proc/meminfo in a loop stays allocation-free.</summary>
        public long ManagedHeapTotal
        {
            get
            {
                long now = _clock.ElapsedMilliseconds;
                if (now - _committedAt >= 1000)
                {
                    // Before the first collection the GC reports zeros: run a cheap gen-0 one once.
                    if (GC.GetGCMemoryInfo().Index == 0) GC.Collect(0);
                    _committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                    _committedAt = now;
                }
                return _committed;
            }
        }
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
