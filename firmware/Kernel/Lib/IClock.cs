namespace ProcNano
{
    /// <summary>The runtime's monotonic clock: all the kernel log needs of the platform.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot (monotonic).</summary>
        long UptimeMs { get; }
    }
}
