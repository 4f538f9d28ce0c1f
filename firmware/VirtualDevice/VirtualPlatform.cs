namespace ProcNano.VirtualDevice
{
    /// <summary>The virtual device's IPlatform: the runtime's clock and managed heap, as on the board
    /// (firmware/App/DevicePlatform.cs), and in-memory storage behind /flash.</summary>
    internal sealed class VirtualPlatform : IPlatform
    {
        private readonly IStorage _flash;
        private readonly long _heapTotal;

        /// <param name="heapAtStart">Free managed bytes when Main began (nanoFramework has no call for the heap's
        /// size; the firmware uses the same figure).</param>
        public VirtualPlatform(IStorage flash, long heapAtStart)
        {
            _flash = flash;
            _heapTotal = heapAtStart;
        }

        public long UptimeMs => HeapProbe.UptimeMs();

        public long UnixTime => System.DateTime.UtcNow.ToUnixTimeSeconds();

        public IStorage Flash => _flash;

        public long ManagedHeapTotal => _heapTotal;

        /// <summary>Runs a collection (no compaction) and returns what the runtime then reports free.</summary>
        public long ManagedHeapFree => HeapProbe.Free();
    }
}
