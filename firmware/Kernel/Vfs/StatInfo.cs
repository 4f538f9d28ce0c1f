namespace ProcNano
{
    /// <summary>What stat() reports.</summary>
    public sealed class StatInfo
    {
        public int Mode, Ino, Major, Minor, Uid, Gid, Nlink;
        public long Size, MTime;
    }
}
