namespace ProcNano
{
    /// <summary>Open-time permission checks for proc inodes (the VFS may check too; the answers agree).</summary>
    public static class ProcPerm
    {
        private const int MayRead = 4, MayWrite = 2;

        /// <summary>Classic owner/group/other check against the task's fs ids; root (euid 0) passes, as with
        /// CAP_DAC_OVERRIDE. A null task is the kernel itself. 0 or -EACCES.</summary>
        public static int MayOpen(Inode ino, Task t, int flags)
        {
            if (t == null || t.Euid == 0) return 0;
            int mode = ino.Mode;
            if (t.Fsuid == ino.Uid) mode >>= 6;
            else if (t.Fsgid == ino.Gid) mode >>= 3;
            return Check(mode, flags);
        }

        /// <summary>Sysctl files ignore ownership and give root no override: root is judged by the owner bits,
        /// group root by the group bits, everyone else by the other bits (test_perm in proc_sysctl.c).</summary>
        public static int MayOpenSysctl(int mode, Task t, int flags)
        {
            if (t == null) return 0;
            if (t.Euid == 0) mode >>= 6;
            else if (t.Egid == 0) mode >>= 3;
            return Check(mode, flags);
        }

        private static int Check(int bits, int flags)
        {
            int want = 0;
            int acc = flags & File.O_ACCMODE;
            if (acc != File.O_WRONLY) want |= MayRead;
            if (acc != File.O_RDONLY) want |= MayWrite;
            return (want & ~bits & 7) == 0 ? 0 : -Errno.EACCES;
        }
    }
}
