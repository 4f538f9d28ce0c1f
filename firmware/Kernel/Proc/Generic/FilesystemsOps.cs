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
            if (cursor >= k.Vfs.FsTypeCount) return 0;
            if (k.Vfs.FsTypeNoDev(cursor)) o.Str("nodev");
            o.Char('\t');
            o.Str(k.Vfs.FsTypeName(cursor));
            o.Char('\n');
            return 0;
        }
    }
}
