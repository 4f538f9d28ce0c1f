namespace ProcNano
{
    /// <summary>A ramfs symlink: its target text, kept as given (relative targets resolve from the link's directory).</summary>
    public sealed class RamfsSymlink : RamfsNode
    {
        private readonly string _target;

        public RamfsSymlink(RamfsSuper sb, string target, VfsCaller owner)
        {
            sb.Init(this, Stat.S_IFLNK | 0x1FF, owner); // lrwxrwxrwx
            _target = target;
        }

        public override long Size => _target.Length;

        public override string ReadLink(VfsCaller current, out int err)
        {
            err = 0;
            return _target;
        }
    }
}
