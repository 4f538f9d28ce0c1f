namespace ProcNano.Kernel
{
    // Memory syscalls (owner: Memory/ work).
    public sealed partial class Syscalls
    {
        /// <summary>mmap(2): the mapped address, or -errno. <paramref name="offset"/> is in bytes and must be
        /// page aligned; fd is ignored with MAP_ANONYMOUS.</summary>
        public long Mmap(Task t, uint addr, long len, int prot, int flags, int fd, long offset) { return -Errno.ENOSYS; }
        public int Munmap(Task t, uint addr, long len) { return -Errno.ENOSYS; }
        /// <summary>shmget(2): segment id or -errno.</summary>
        public int Shmget(Task t, int key, long size, int shmflg) { return -Errno.ENOSYS; }
        /// <summary>shmat(2): the attach address (the same for every attach of a segment) or -errno.</summary>
        public long Shmat(Task t, int shmid, uint addr, int shmflg) { return -Errno.ENOSYS; }
        public int Shmdt(Task t, uint addr) { return -Errno.ENOSYS; }
        /// <summary>shmctl(2); only IPC_RMID (0) and IPC_STAT (2) are supported.</summary>
        public int Shmctl(Task t, int shmid, int cmd) { return -Errno.ENOSYS; }
        /// <summary>Reads <paramref name="target"/>'s memory through its VMAs (hexdump): EFAULT where nothing is
        /// mapped, EACCES where the VMA is not readable. Sets the pages' software referenced bits.</summary>
        public int ReadMem(Task t, Task target, uint addr, byte[] buf, int off, int count) { return -Errno.ENOSYS; }
        /// <summary>Writes through <paramref name="target"/>'s VMAs (poke): EFAULT unmapped, EACCES not writable.</summary>
        public int WriteMem(Task t, Task target, uint addr, byte[] buf, int off, int count) { return -Errno.ENOSYS; }
    }
}
