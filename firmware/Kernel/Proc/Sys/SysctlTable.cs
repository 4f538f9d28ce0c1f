namespace ProcNano
{
    /// <summary>
    /// The /proc/sys table (Linux's kern_table and vm_table, the rows ProcNano has) as code: a row is its
    /// number (inode 0x8000 + row), its value is read and written by the switches below. Adding a knob is
    /// adding a row and its cases in <see cref="Show"/> and <see cref="Store"/>.
    /// </summary>
    public static class SysctlTable
    {
        /// <summary>__NEW_UTS_LEN + 1: the longest hostname is 64 characters.</summary>
        public const int UtsLen = 65;

        public const int Root = 0, KernelDir = 1, OsType = 2, OsRelease = 3, Hostname = 4, PidMax = 5,
            VmDir = 6, NrTrimPages = 7;
        public const int Count = 8;

        public static bool Row(int i, out string name, out int mode, out int parent)
        {
            const int Dir = RowTable.DirMode, ReadOnly = Stat.S_IFREG | 0x124, RootWrites = Stat.S_IFREG | 0x1A4;
            switch (i)
            {
                case Root: name = "sys"; mode = Dir; parent = -1; return true;
                case KernelDir: name = "kernel"; mode = Dir; parent = Root; return true;
                case OsType: name = "ostype"; mode = ReadOnly; parent = KernelDir; return true;
                case OsRelease: name = "osrelease"; mode = ReadOnly; parent = KernelDir; return true;
                case Hostname: name = "hostname"; mode = RootWrites; parent = KernelDir; return true;
                case PidMax: name = "pid_max"; mode = ReadOnly; parent = KernelDir; return true;   // fixed at boot here
                case VmDir: name = "vm"; mode = Dir; parent = Root; return true;
                case NrTrimPages: name = "nr_trim_pages"; mode = RootWrites; parent = VmDir; return true;
            }
            name = null;
            mode = parent = 0;
            return false;
        }

        /// <summary>Prints row <paramref name="i"/>'s value and a newline.</summary>
        public static void Show(int i, IKernelView k, OutBuf o)
        {
            switch (i)
            {
                case OsType: o.Str(Version.OsType); break;
                case OsRelease: o.Str(Version.Release); break;
                case Hostname: o.Str(k.Uts.Hostname); break;
                case PidMax: o.Dec(k.Board.PidMax); break;           // as the task table was sized at boot
                case NrTrimPages: o.Dec(k.Mem.NrTrimPages); break;
            }
            o.Char('\n');
        }

        /// <summary>Parses a write into row <paramref name="i"/>: <paramref name="count"/> or -errno (the value
        /// is then unchanged). Only rows with a write bit get here.</summary>
        public static int Store(int i, IKernelView k, byte[] buf, int off, int count)
        {
            switch (i)
            {
                case Hostname:
                {
                    string s;
                    int r = SysctlValue.StoreString(buf, off, count, UtsLen, out s);
                    if (r > 0) k.Uts.Hostname = s;
                    return r;
                }
                case NrTrimPages:
                {
                    int v;
                    int r = SysctlValue.StoreInt(buf, off, count, 0, int.MaxValue, out v);   // 0 disables trimming
                    if (r > 0) k.Mem.NrTrimPages = v;
                    return r;
                }
            }
            return -Errno.EINVAL;
        }
    }
}
