namespace ProcNano
{
    /// <summary>What stat() reports.</summary>
    public sealed class StatInfo
    {
        public int Mode, Ino, Major, Minor, Uid, Gid, Nlink;
        /// <summary>A device node's device: major &lt;&lt; 8 | minor (st_rdev), else 0.</summary>
        public int Rdev;
        public long Size, MTime;
    }
}
