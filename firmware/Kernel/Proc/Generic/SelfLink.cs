namespace ProcNano
{
    /// <summary>/proc/self: the reader's pid as this superblock's namespace numbers it; ENOENT for a task that
    /// namespace cannot see.</summary>
    public static class SelfLink
    {
        public static string Target(ProcInode link, Task current, out int err)
        {
            int nr = current == null || current.Pid == null ? 0 : current.Pid.NrIn(link.PSb.Ns);
            if (nr == 0) { err = -Errno.ENOENT; return null; }
            err = 0;
            return nr.ToString();
        }
    }
}
