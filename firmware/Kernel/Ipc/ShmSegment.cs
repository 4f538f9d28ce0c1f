namespace ProcNano
{
    /// <summary>A SysV shared memory segment: its id, key, size, owner, attach count, and the DIRECT-store
    /// file whose one contiguous block of pages every attachment maps (so every shmat gets the same address).</summary>
    public sealed class ShmSegment
    {
        public int Id;
        public int Key;
        public long Size;
        public int Mode;
        public int Uid, Gid, Cuid, Cgid;
        public int CreatorPid, LastPid;
        public int Nattch;
        public bool Removed;
        public long ATime, DTime, CTime;
        /// <summary>The segment's memory as an open file of the internal shm store.</summary>
        public File File;
    }
}
