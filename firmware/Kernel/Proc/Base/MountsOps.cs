namespace ProcNano
{
    /// <summary>
    /// /proc/&lt;pid&gt;/mounts (and so /proc/mounts): the mount table in mount order, Linux's
    /// "devname point fstype options 0 0" with space, tab, newline and backslash in the first three fields
    /// written as \ooo octal escapes (as Linux's mangle does). ProcNano has one mount namespace, so every
    /// task sees the same table.
    /// </summary>
    public sealed class MountsOps : SeqOps
    {
        public override bool KernelLocked => true;

        public override int Start(SeqFile s, int index)
        {
            IKernelView k = s.K;
            return index < k.Vfs.MountCount ? index : End;
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            IKernelView k = s.K;
            VfsMount m;
            if (cursor >= k.Vfs.MountCount) return 0;
            m = k.Vfs.MountAt(cursor);
            Mangle(o, m.DevName);
            o.Char(' ');
            Mangle(o, m.Point);
            o.Char(' ');
            Mangle(o, m.FsType);
            o.Char(' ');
            o.Str(m.Options);
            o.Str(" 0 0\n");
            return 0;
        }

        /// <summary>Writes <paramref name="s"/> with the separators a reader splits on escaped.</summary>
        public static void Mangle(OutBuf o, string s)
        {
            if (s == null) return;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\\')
                {
                    o.Char('\\');
                    o.Oct(c, 3, '0');
                }
                else
                {
                    o.Char(c);
                }
            }
        }
    }
}
