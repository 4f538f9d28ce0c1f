namespace ProcNano
{
    /// <summary>/proc/&lt;pid&gt;/exe: the mm's executable file, kept while any VM_EXECUTABLE VMA remains
    /// (2.6.29's exe_file); none left, or no mm → ENOENT. The row carries the ptrace check (EACCES).</summary>
    public static class ExeLink
    {
        public static string Target(ProcInode link, out int err)
        {
            Task t = link.Task;
            Mm mm = t == null ? null : t.Mm;
            File f = mm == null ? null : mm.ExeFile;
            if (f == null) { err = -Errno.ENOENT; return null; }
            err = 0;
            return PathOf(f);
        }

        /// <summary>d_path of an open file: its path, with " (deleted)" once no directory names it.</summary>
        public static string PathOf(File f)
        {
            return f.Inode.Nlink == 0 ? f.Path + " (deleted)" : f.Path;
        }
    }
}
