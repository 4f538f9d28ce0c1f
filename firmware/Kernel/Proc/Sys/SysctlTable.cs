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
            VmDir = 6, NrTrimPages = 7, ThreadsMax = 8, Shmmni = 9, MaxMapCount = 10, FsDir = 11, FileMax = 12,
            NrOpen = 13, InodeMax = 14;
        public const int Count = 15;

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
                // The limits on what users can make (from the board; root may change them).
                case ThreadsMax: name = "threads-max"; mode = RootWrites; parent = KernelDir; return true;
                case Shmmni: name = "shmmni"; mode = RootWrites; parent = KernelDir; return true;
                case MaxMapCount: name = "max_map_count"; mode = RootWrites; parent = VmDir; return true;
                case FsDir: name = "fs"; mode = Dir; parent = Root; return true;
                case FileMax: name = "file-max"; mode = RootWrites; parent = FsDir; return true;
                case NrOpen: name = "nr_open"; mode = RootWrites; parent = FsDir; return true;
                case InodeMax: name = "inode-max"; mode = RootWrites; parent = FsDir; return true;
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
                case ThreadsMax: o.Dec(k.Board.ThreadsMax); break;
                case Shmmni: o.Dec(k.Board.Shmmni); break;
                case MaxMapCount: o.Dec(k.Mem.MaxMapCount); break;
                case FileMax: o.Dec(k.Board.FileMax); break;
                case NrOpen: o.Dec(k.Board.NrOpen); break;
                case InodeMax: o.Dec(k.Board.InodeMax); break;
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
                case NrOpen:
                {
                    int v;
                    int r = SysctlValue.StoreInt(buf, off, count, 1, ConfigFile.NrOpenMax, out v);
                    if (r > 0) k.Board.NrOpen = v;
                    return r;
                }
                case ThreadsMax:
                case Shmmni:
                case MaxMapCount:
                case FileMax:
                case InodeMax:
                {
                    int v;
                    int r = SysctlValue.StoreInt(buf, off, count, 1, int.MaxValue, out v);
                    if (r <= 0) return r;
                    if (i == ThreadsMax) k.Board.ThreadsMax = v;
                    else if (i == Shmmni) k.Board.Shmmni = v;
                    else if (i == MaxMapCount) k.Mem.MaxMapCount = v;
                    else if (i == FileMax) k.Board.FileMax = v;
                    else k.Board.InodeMax = v;
                    return r;
                }
            }
            return -Errno.EINVAL;
        }
    }
}
