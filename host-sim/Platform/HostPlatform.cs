using System;
using System.Diagnostics;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>The desktop's side of the board glue: a monotonic clock, a folder as flash, and the managed heap
    /// figures: on a device board the device's (the board's managed_heap less the kernel's model of its use),
    /// otherwise the .NET GC's. The simulator carries the self-test suite (`selftest`).</summary>
    public sealed class HostPlatform : IPlatform, ISelfTestPlatform, IPower
    {
        /// <summary>What reboot or poweroff asked for (0 nothing): the simulator cannot restart its process in
        /// place, so both end the run once the shell's session ends (the command ends it), with status 0.</summary>
        public int PowerRequest;
        public const int PowerRebootAsked = 1, PowerOffAsked = 2;

        public void Reboot() { PowerRequest = PowerRebootAsked; }
        public void PowerOff() { PowerRequest = PowerOffAsked; }

        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public HostPlatform(IStorage flash) { Flash = flash; }

        /// <summary>A platform whose flash is a fresh temporary folder (for tests).</summary>
        public static HostPlatform WithTempFlash()
        {
            string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "procnano-flash-" + Guid.NewGuid().ToString("N"));
            return new HostPlatform(new FolderStorage(dir));
        }

        private long _deviceHeap;
        private Func<long> _modelUse;

        /// <summary>From now on the heap figures are a device's with <paramref name="heapAtMain"/> bytes free at
        /// Main: unknown (-1) until <see cref="AttachModel"/> says what the kernel uses.</summary>
        public void ModelDeviceHeap(long heapAtMain) { _deviceHeap = heapAtMain; }

        /// <summary>What the kernel uses of the device heap (its model: Kernel.ModelBytes).</summary>
        public void AttachModel(Func<long> use) { _modelUse = use; }

        public ISelfTestSuite SelfTests => new SelfTestSuite();

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
                if (_deviceHeap > 0) return _modelUse == null ? -1 : _deviceHeap;
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
                if (_deviceHeap > 0)
                {
                    if (_modelUse == null) return -1;
                    long left = _deviceHeap - _modelUse();
                    return left < 0 ? 0 : left;
                }
                long used = GC.GetTotalMemory(false);
                long free = ManagedHeapTotal - used;
                // The committed figure may be up to a second old while the heap grew (tests run in parallel):
                // a heap that seems nearly full is asked again, so a device board's ENOMEM guard (HeapLow) does
                // not trip on a stale number.
                if (free < 64 * 1024)
                {
                    _committedAt = -1000;
                    free = ManagedHeapTotal - used;
                }
                return free < 0 ? 0 : free;
            }
        }
    }
}
