namespace ProcNano
{
    /// <summary>What sysinfo(2) reports (struct sysinfo's fields that a NOMMU kernel without swap has), in
    /// bytes, plus ProcNano's own: the largest free arena block and the managed heap (-1 where unknown).</summary>
    public sealed class SysInfo
    {
        public long UptimeSeconds;
        public long TotalRam, FreeRam, LargestFree;
        /// <summary>Tasks the caller's pid namespace sees.</summary>
        public int Procs;
        public long HeapTotal = -1, HeapFree = -1;
    }
}
