namespace ProcNano
{
    /// <summary>
    /// exec of a program file (in the manner of binfmt_flat): text mapped read-only+exec private from file
    /// page 0 (in place on romfs, one shared copy on flash), data copied into a private anonymous map that
    /// also holds bss, and an anonymous stack. The text VMA is VM_EXECUTABLE, which keeps /proc/pid/exe.
    /// </summary>
    public sealed class Loader
    {
        private readonly Vfs _vfs;
        private readonly MemoryManager _mem;
        private readonly PhysMem _phys;
        private readonly PageAllocator _pages;
        private readonly TaskTable _tasks;
        private readonly BoardConfig _board;
        private readonly byte[] _hdr = new byte[ExecImage.BufSize];
        /// <summary>The format of the program files exec starts (registered at boot, by Programs).</summary>
        public IBinfmt Binfmt;

        public Loader(Vfs vfs, MemoryManager mem, PhysMem phys, PageAllocator pages, TaskTable tasks, BoardConfig board)
        {
            _vfs = vfs;
            _mem = mem;
            _phys = phys;
            _pages = pages;
            _tasks = tasks;
            _board = board;
        }

        /// <summary>Starts <paramref name="file"/> as a new child of <paramref name="parent"/>. Returns the new
        /// task's pid as the parent's namespace numbers it, or -errno with nothing left behind.</summary>
        public int Exec(Task parent, File file, string[] argv, int cloneFlags) { return Exec(parent, file, argv, null, cloneFlags); }

        /// <summary>As above, with the environment <paramref name="envp"/> ("NAME=value" strings, or null).</summary>
        public int Exec(Task parent, File file, string[] argv, string[] envp, int cloneFlags)
        {
            Inode ino = file.Inode;
            if (!ino.IsReg) return -Errno.EACCES;
            int e = _vfs.Permission(parent, ino, Vfs.MayExec);
            if (e < 0) return e;
            int n = ino.Read(file, parent, 0, _hdr, 0, ExecImage.BufSize);
            if (n < 0) return n;
            if (Binfmt == null) return -Errno.ENOEXEC;
            ExecImage h = new ExecImage();
            e = Binfmt.Parse(_hdr, n, h);
            if (e < 0) return e;
            if ((long)h.TextSize + h.DataSize > ino.Size) return -Errno.ENOEXEC;

            PidNamespace ns = parent.PidNs;
            if ((cloneFlags & TaskAbi.CLONE_NEWPID) != 0) ns = new PidNamespace(ns, _board.PidMax);
            NetNamespace net = (cloneFlags & TaskAbi.CLONE_NEWNET) != 0 ? _tasks.NewNet() : parent.NetNs;
            string name = argv != null && argv.Length > 0 ? Basename(argv[0]) : h.Name;
            Task t = _tasks.NewTask(parent, name, ns, net);
            if (t == null) return -Errno.EAGAIN;
            try
            {
                string[] args = argv != null && argv.Length > 0 ? argv : new string[] { file.Path };
                t.Argv = args;
                if (envp != null && envp.Length > 0) t.Environ = Task.JoinArgs(envp);
                e = MapImage(t, file, h);
                if (e == 0)
                {
                    t.State = Task.Running;
                    e = Binfmt.Start(h, t, args);
                    t.State = Task.Sleeping;
                }
            }
            catch (System.OutOfMemoryException)
            {
                // The heap ran out part-way: the half-made task goes (its mappings with it), none stays in ps.
                e = -Errno.ENOMEM;
            }
            if (e < 0 || e == ExecImage.ExitNow)
            {
                int pid = t.Pid.NrIn(parent.PidNs);
                // A failed exec may have run out of heap part-way, and the teardown needs heap too (nanoCLR
                // takes even its stack frames from it): the emergency block and a collection first.
                if (e < 0) _mem.Emergency.Release();
                if (e < 0) t.Parent = null;   // a failed exec made no child anyone waits for
                _tasks.ExitTask(t, e < 0 ? 127 : 0);
                return e < 0 ? e : pid;
            }
            return t.Pid.NrIn(parent.PidNs);
        }

        private int MapImage(Task t, File file, ExecImage h)
        {
            MemoryManager mem = _mem;
            Mm mm = t.Mm;
            long text = mem.Mmap(t, h.TextSize, Vm.PROT_READ | Vm.PROT_EXEC,
                Vm.MAP_PRIVATE | Vm.MAP_EXECUTABLE | Vm.MAP_DENYWRITE, file, 0, 0);
            if (text < 0) return (int)text;
            mem.SetExeFile(mm, file);
            mm.StartCode = (uint)text;
            mm.EndCode = (uint)text + (uint)h.TextSize;

            long dataLen = (long)h.DataSize + h.BssSize;
            if (dataLen > 0)
            {
                long data = mem.Mmap(t, dataLen, Vm.PROT_READ | Vm.PROT_WRITE, Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS, null, 0, 0);
                if (data < 0) return (int)data;
                int at = (int)((uint)data - _phys.ArenaBase);
                int done = 0;
                while (done < h.DataSize)
                {
                    int n = file.Inode.Read(file, t, h.TextSize + done, _phys.Arena, at + done, h.DataSize - done);
                    if (n < 0) return n;
                    if (n == 0) return -Errno.ENOEXEC;
                    done += n;
                }
                MarkWritten((uint)data, h.DataSize);
                mm.StartData = (uint)data;
                mm.EndData = (uint)data + (uint)h.DataSize;
                mm.StartBrk = mm.Brk = (uint)data + (uint)dataLen;
            }
            long stack = mem.Mmap(t, h.StackSize, Vm.PROT_READ | Vm.PROT_WRITE,
                Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS | Vm.MAP_GROWSDOWN, null, 0, 0);
            if (stack < 0) return (int)stack;
            mm.StartStack = (uint)stack + (uint)h.StackSize;
            return 0;
        }

        // The loader wrote these bytes: referenced and dirty, as a CPU write would leave them.
        private void MarkWritten(uint addr, int len)
        {
            if (len <= 0) return;
            int first = _phys.ArenaPfn(addr), last = _phys.ArenaPfn(addr + (uint)len - 1);
            for (int p = first; p <= last; p++) _pages.Flags[p] |= PageAllocator.PgReferenced | PageAllocator.PgDirty;
        }

        private static string Basename(string path)
        {
            int i = path.LastIndexOf('/');
            return i < 0 ? path : path.Substring(i + 1);
        }
    }
}
