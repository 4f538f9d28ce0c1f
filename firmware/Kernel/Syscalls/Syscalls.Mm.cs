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
            return Mmap(t, t, addr, len, prot, flags, fd, offset);
        }

        /// <summary>mmap into <paramref name="target"/>'s address space (the shell's -p PID): fd is the caller's,
        /// so the file was opened with the caller's credentials; acting on another task needs what
        /// process_vm_writev needs (<see cref="MayAccess"/>, PTRACE_MODE_ATTACH), else EPERM.</summary>
        public long Mmap(Task t, Task target, uint addr, long len, int prot, int flags, int fd, long offset)
        {
            lock (_k.Lock)
            {
                int e = MayAttach(t, target);
                if (e < 0) return e;
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
                return _k.Mem.Mmap(target, len, prot, flags, file, offset >> _k.Board.PageShift, 0);
            }
        }

        public int Munmap(Task t, uint addr, long len) { return Munmap(t, t, addr, len); }

        /// <summary>munmap in <paramref name="target"/>'s address space: EPERM unless the caller may attach to it.</summary>
        public int Munmap(Task t, Task target, uint addr, long len)
        {
            lock (_k.Lock)
            {
                int e = MayAttach(t, target);
                return e < 0 ? e : _k.Mem.Munmap(target, addr, len);
            }
        }

        /// <summary>shmget(2): segment id or -errno.</summary>
        public int Shmget(Task t, int key, long size, int shmflg)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : HeapLow() ? -Errno.ENOMEM : _k.Shm.Get(t, key, size, shmflg, _k.Board.Shmmni);
        }

        /// <summary>shmat(2): the attach address (the same for every attach of a segment) or -errno.</summary>
        public long Shmat(Task t, int shmid, uint addr, int shmflg) { return Shmat(t, t, shmid, addr, shmflg); }

        /// <summary>shmat into <paramref name="target"/>: the segment's permissions are checked against the
        /// caller's credentials, and the caller must be able to attach to the target (EPERM).</summary>
        public long Shmat(Task t, Task target, int shmid, uint addr, int shmflg)
        {
            lock (_k.Lock)
            {
                int e = MayAttach(t, target);
                return e < 0 ? e : _k.Shm.Attach(t, target, shmid, addr, shmflg);
            }
        }

        public int Shmdt(Task t, uint addr) { return Shmdt(t, t, addr); }

        public int Shmdt(Task t, Task target, uint addr)
        {
            lock (_k.Lock)
            {
                int e = MayAttach(t, target);
                return e < 0 ? e : _k.Shm.Detach(target, addr);
            }
        }

        /// <summary>shmctl(2); only IPC_RMID (0) and IPC_STAT (2) are supported.</summary>
        public int Shmctl(Task t, int shmid, int cmd)
        {
            lock (_k.Lock) return Dead(t) ? -Errno.ESRCH : _k.Shm.Ctl(t, shmid, cmd);
        }

        /// <summary>Reads <paramref name="target"/>'s memory through its VMAs (hexdump): EFAULT where nothing is
        /// mapped, EACCES where the VMA is not readable or the caller may not trace the target.</summary>
        public int ReadMem(Task t, Task target, uint addr, byte[] buf, int off, int count)
        {
            lock (_k.Lock)
            {
                if (Dead(t) || Dead(target)) return -Errno.ESRCH;
                if (!MayAccess(t, target)) return -Errno.EACCES;
                if (!BufferOk(buf, off, count)) return -Errno.EFAULT;
                return _k.Mem.Read(target.Mm, addr, buf, off, count);
            }
        }

        /// <summary>Writes through <paramref name="target"/>'s VMAs (poke): EFAULT unmapped, EACCES not writable.</summary>
        public int WriteMem(Task t, Task target, uint addr, byte[] buf, int off, int count)
        {
            lock (_k.Lock)
            {
                if (Dead(t) || Dead(target)) return -Errno.ESRCH;
                if (!MayAccess(t, target)) return -Errno.EACCES;
                if (!BufferOk(buf, off, count)) return -Errno.EFAULT;
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

        // Changing another task's address space (PTRACE_MODE_ATTACH, which 2.6.29 checks as MayAccess): EPERM.
        private static int MayAttach(Task t, Task target)
        {
            if (Dead(t) || Dead(target)) return -Errno.ESRCH;
            return MayAccess(t, target) ? 0 : -Errno.EPERM;
        }
    }
}
