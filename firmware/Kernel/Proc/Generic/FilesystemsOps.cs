namespace ProcNano
{
    /// <summary>/proc/filesystems: one line per registered type in registration order, "nodev\tname" for
    /// types that need no device and "\tname" for the others (Linux's "%s\t%s\n").</summary>
    public sealed class FilesystemsOps : SeqOps
    {
        public override bool KernelLocked => true;

        public override int Start(SeqFile s, int index)
        {
            IKernelView k = s.K;
            return index < k.Vfs.FsTypeCount ? index : End;
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            IKernelView k = s.K;
            FsType t;
            if (cursor >= k.Vfs.FsTypeCount) return 0;
            t = k.Vfs.FsTypeAt(cursor);
            if (t.NoDev) o.Str("nodev");
            o.Char('\t');
            o.Str(t.Name);
            o.Char('\n');
            return 0;
        }
    }
}
