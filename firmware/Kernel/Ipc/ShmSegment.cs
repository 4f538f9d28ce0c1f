namespace ProcNano
{
    /// <summary>A SysV shared memory segment: its id, key, size, owner, attach count, and the DIRECT-store
    /// file whose one contiguous block of pages every attachment maps (so every shmat gets the same address).</summary>
    public sealed class ShmSegment
    {
        public int Id;
        public int Key;
        public long Size;
        /// <summary>Permission bits (ipc_perm.mode), and SHM_DEST once removed.</summary>
        public int Mode;
        public int Uid, Gid, Cuid, Cgid;
        public int CreatorPid, LastPid;
        public int Nattch;
        /// <summary>Linux's SHM_DEST (01000) mode bit: removed, destroyed at the last detach.</summary>
        public const int Dest = 0x200;

        /// <summary>IPC_RMID done: the key is free, the segment goes with its last attachment.</summary>
        public bool Removed
        {
            get { return (Mode & Dest) != 0; }
            set { Mode = value ? Mode | Dest : Mode & ~Dest; }
        }
        public long ATime, DTime, CTime;
        /// <summary>The segment's memory as an open file of the internal shm store.</summary>
        public File File;
    }
}
