namespace ProcNano
{
    // Memory syscalls: argument checks that belong to the syscall layer (fd lookup, offset alignment), then
    // the memory manager under the kernel lock.
    public sealed partial class Syscalls
    {
        /// <summary>mmap(2): the mapped address, or -errno. <paramref name="offset"/> is in bytes and must be
        /// page aligned; fd is ignored with MAP_ANONYMOUS.</summary>
        public long Mmap(Task t, uint addr, long len, int prot, int flags, int fd, long offset)
        {
            lock (_k.Lock)
            {
                // The offset's alignment is checked before the fd is looked up, as sys_mmap does.
                if (offset < 0 || (offset & (_k.Board.PageSize - 1)) != 0) return -Errno.EINVAL;
                File file = null;
                if ((flags & Vm.MAP_ANONYMOUS) == 0)
                {
                    file = t.Fds.Get(fd);
                    if (file == null) return -Errno.EBADF;
                }
                // Only exec may make VM_EXECUTABLE VMAs (they keep /proc/pid/exe): user bits are dropped.
                flags &= ~(Vm.MAP_EXECUTABLE | Vm.MAP_DENYWRITE);
                // The address is only a hint, and NOMMU ignores hints.
                return _k.Mem.Mmap(t, len, prot, flags, file, offset >> _k.Board.PageShift, 0);
            }
        }

        public int Munmap(Task t, uint addr, long len)
        {
            lock (_k.Lock) return _k.Mem.Munmap(t, addr, len);
        }

        /// <summary>shmget(2): segment id or -errno.</summary>
        public int Shmget(Task t, int key, long size, int shmflg)
        {
            lock (_k.Lock) return HeapLow() ? -Errno.ENOMEM : _k.Shm.Get(t, key, size, shmflg);
        }

        /// <summary>shmat(2): the attach address (the same for every attach of a segment) or -errno.</summary>
        public long Shmat(Task t, int shmid, uint addr, int shmflg)
        {
            lock (_k.Lock) return _k.Shm.Attach(t, shmid, addr, shmflg);
        }

        public int Shmdt(Task t, uint addr)
        {
            lock (_k.Lock) return _k.Shm.Detach(t, addr);
        }

        /// <summary>shmctl(2); only IPC_RMID (0) and IPC_STAT (2) are supported.</summary>
        public int Shmctl(Task t, int shmid, int cmd)
        {
            lock (_k.Lock) return _k.Shm.Ctl(t, shmid, cmd);
        }

        /// <summary>Reads <paramref name="target"/>'s memory through its VMAs (hexdump): EFAULT where nothing is
        /// mapped, EACCES where the VMA is not readable or the caller may not trace the target.</summary>
        public int ReadMem(Task t, Task target, uint addr, byte[] buf, int off, int count)
        {
            lock (_k.Lock)
            {
                if (target == null || target.Mm == null) return -Errno.ESRCH;
                if (!MayAccess(t, target)) return -Errno.EACCES;
                return _k.Mem.Read(target.Mm, addr, buf, off, count);
            }
        }

        /// <summary>Writes through <paramref name="target"/>'s VMAs (poke): EFAULT unmapped, EACCES not writable.</summary>
        public int WriteMem(Task t, Task target, uint addr, byte[] buf, int off, int count)
        {
            lock (_k.Lock)
            {
                if (target == null || target.Mm == null) return -Errno.ESRCH;
                if (!MayAccess(t, target)) return -Errno.EACCES;
                return _k.Mem.Write(target.Mm, addr, buf, off, count);
            }
        }

        /// <summary>ptrace-style access (PTRACE_MODE_READ as 2.6.29 checks /proc/pid/maps): same task, root, or same uid and gid and a dumpable target.</summary>
        public static bool MayAccess(Task reader, Task target)
        {
            if (reader == target) return true;
            if (reader.Euid == 0) return true;
            if (!target.Dumpable) return false;
            return reader.Uid == target.Euid && reader.Uid == target.Suid && reader.Uid == target.Uid
                && reader.Gid == target.Egid && reader.Gid == target.Sgid && reader.Gid == target.Gid;
        }
    }
}
