namespace ProcNano
{
    /// <summary>
    /// One booted kernel instance (no static state: tests boot many side by side). Its fields are the
    /// subsystems in layer order, lowest first (docs/ARCHITECTURE.md); the constructor is the boot sequence,
    /// start_kernel-style: each step builds one subsystem and hands it only what it uses.
    /// </summary>
    public sealed partial class Kernel : ISyscallKernel, IBinfmt, IKernelView, IBuiltinFs, ISlabRows
    {
        // Lib and Board
        public readonly BoardConfig Board;
        public readonly IPlatform Platform;
        public readonly KernelLog Log;
        /// <summary>Big kernel lock: syscalls from the shell, the serial line and test threads are serialised
        /// here, as a uniprocessor kernel without preemption would be. The kernel object itself (a lock
        /// object of its own would cost the device 24 bytes).</summary>
        public object Lock { get { LockOrder.Check(this, LockOrder.KernelRank); return this; } }
        // Pages
        public readonly PageAllocator Pages;
        public readonly PhysMem Phys;
        // Vfs and the file systems
        public readonly Vfs Vfs;
        public readonly FsContext Fs;
        // Memory: regions, VMAs, mmap/munmap
        public readonly MemoryManager Mem;
        // Tasks
        public readonly TaskTable Tasks;
        public readonly Loader Loader;
        /// <summary>pid 1 (the task table keeps it: orphans go to it).</summary>
        public Task Init => Tasks.Init;
        // Ipc, Syscalls
        public readonly Shm Shm;
        public readonly Syscalls Sys;
        // Modules, Proc
        public readonly ProcTree Proc;
        public readonly ModuleTable Modules;
        /// <summary>The shell UART's driver: its byte counters, shown in /proc/driver/uart while loaded.</summary>
        public readonly UartModule Uart;
        /// <summary>kernel.hostname and the other uname fields root may change.</summary>
        public readonly UtsSettings Uts;
        /// <summary>What the kernel's own objects cost (/proc/slabinfo, meminfo's Slab).</summary>
        public readonly SlabTable Slab;

        // What procfs reads beyond the syscall layer's view (IKernelView : ISyscallKernel), implemented explicitly.
        PhysMem IKernelView.Phys => Phys;
        FsContext IKernelView.Fs => Fs;
        SlabTable IKernelView.Slab => Slab;
        ProcTree IKernelView.Proc => Proc;
        ProcOps IKernelView.NewModulesOps() { return new ModulesOps(Modules); }

        public Kernel(BoardConfig board, IPlatform platform)
        {
            Board = board;
            Platform = platform;
            Log = new KernelLog(board.KmsgSize, platform);
            Log.Print("ProcNano version " + Version.Release + " (board " + board.Name + ")");

            Phys = new PhysMem(board.ArenaBase, board.PageSize, board.PageShift, board.ArenaPages, board.RomBase);
            Pages = new PageAllocator(board.ArenaPages, Phys.Arena, board.PageShift);
            Log.Print("Memory: " + (board.ArenaPages * board.PageSize / 1024).ToString() + "k arena, "
                + board.ArenaPages.ToString() + " pages of " + board.PageSize.ToString() + " bytes at 0x"
                + board.ArenaBase.ToString("x8"));

            Vfs = new Vfs(new FileTable());
            Fs = new FsContext(Pages, Phys, platform, Log, Vfs);
            MountRootFs();
            RamfsSuper shmStore = new RamfsSuper(Fs, Vfs.AllocAnonMinor());
            Vfs.KernMount(shmStore);
            Phys.SetRom(ProgramTable.Rom(board.PageSize));
            MountBoot("romfs", "/dev/mtdblock0", "/bin");
            if (board.FlashMount != null && board.FlashMount.Length > 0)
            {
                Vfs.Mkdir(null, board.FlashMount, 0x1ED);
                MountBoot("flashfs", "/dev/mtdblock1", board.FlashMount);
            }

            Mem = new MemoryManager(Pages, Phys, Vfs.Files, Log, board.NrTrimPages);
            Mem.MaxMapCount = board.MaxMapCount;
            if (board.ManagedHeap > 0) Mem.Emergency.Use(EmergencyHeap.DeviceSize, platform);

            Tasks = new TaskTable(board.PidMax, new string[] { "lo", "eth0" }, Lock, Mem, Vfs.Files, platform);
            Vfs.MountUsers = Tasks;
            Loader = new Loader(Vfs, Mem, Phys, Pages, Tasks, board);
            Tasks.NewTask(null, "init", Tasks.RootNs, Tasks.RootNet);

            Shm = new Shm(Vfs, Mem, shmStore, platform, (long)board.ArenaPages * board.PageSize);
            Mem.ShmClose = Shm;
            Sys = new Syscalls(this);
            Loader.Binfmt = this;   // the built-in programs' format (IBinfmt below)

            Uts = new UtsSettings(board.Hostname);
            Proc = new ProcTree();
            Modules = new ModuleTable(this);
            Uart = new UartModule(board);
            Modules.Register(Uart);
            int e = Vfs.Mount(null, "proc", "/proc", ProcFs.TypeName);
            Log.Print(e < 0 ? "procfs: cannot mount /proc: " + Errno.StrError(e) : "VFS: Mounted proc on /proc.");

            Slab = new SlabTable(this);   // its rows: Kernel.Slab.cs
            LogFootprint();
        }

        private void MountRootFs()
        {
            Vfs.Builtin = this;   // ramfs, romfs, flashfs, proc (Kernel.FsTypes.cs)
            RamfsSuper root = new RamfsSuper(Fs, Vfs.AllocAnonMinor());
            root.DevName = "rootfs";
            Vfs.Mount("/", root);
            Log.Print("VFS: Mounted root (ramfs filesystem).");
            Vfs.Mkdir(null, "/bin", 0x1ED);
            Vfs.Mkdir(null, "/flash", 0x1ED);
            Vfs.Mkdir(null, "/proc", 0x16D);  // 0555 as Linux's /proc
            Vfs.Mkdir(null, "/dev", 0x1ED);
            // The mem driver's nodes, crw-rw-rw- as udev makes them: writes to them cost no memory.
            Vfs.Mknod(null, "/dev/null", Stat.S_IFCHR | 0x1B6, RamfsDevice.MemMajor << 8 | RamfsDevice.NullMinor);
            Vfs.Mknod(null, "/dev/zero", Stat.S_IFCHR | 0x1B6, RamfsDevice.MemMajor << 8 | RamfsDevice.ZeroMinor);
            Vfs.Mkdir(null, "/tmp", 0x3FF);   // 01777: anyone may create, only owners remove
        }

        private void MountBoot(string type, string source, string target)
        {
            int e = Vfs.Mount(null, source, target, type);
            if (e < 0) Log.Print("VFS: cannot mount " + type + " on " + target + ": " + Errno.StrError(e));
            else Log.Print("VFS: Mounted " + type + " on " + target + ".");
        }

        /// <summary>The model of the kernel's whole managed-heap use: its objects (/proc/slabinfo, meminfo's
        /// Slab), the page map and the arena. The device's boot log prints it beside the measured figure.</summary>
        public long ModelBytes
        {
            get
            {
                lock (Lock) return Slab.TotalBytes() + SlabTable.PageMapBytes(Pages.Pages) + Footprint.Array(Phys.Arena.Length, 1);
            }
        }


        // What the syscall facade sees (ISyscallKernel): the fields above, and the module table's two calls.
        BoardConfig ISyscallKernel.Board => Board;
        IPlatform ISyscallKernel.Platform => Platform;
        KernelLog ISyscallKernel.Log => Log;
        UtsSettings ISyscallKernel.Uts => Uts;
        PageAllocator ISyscallKernel.Pages => Pages;
        Vfs ISyscallKernel.Vfs => Vfs;
        MemoryManager ISyscallKernel.Mem => Mem;
        TaskTable ISyscallKernel.Tasks => Tasks;
        Loader ISyscallKernel.Loader => Loader;
        Shm ISyscallKernel.Shm => Shm;
        int ISyscallKernel.InitModule(Task t, string name) { return Modules.Insmod(t, name); }
        int ISyscallKernel.DeleteModule(Task t, string name) { return Modules.Rmmod(t, name); }

        // The loader's binary format: the built-in programs, run against the syscalls.
        int IBinfmt.Parse(byte[] header, int len, ExecImage image) { return ProgramBinfmt.Parse(header, len, image); }
        int IBinfmt.Start(ExecImage image, Task t, string[] argv) { return ProgramBinfmt.Start(image, Sys, Board, t, argv); }

        // Last boot step: everything the kernel builds at boot exists, so the log can say what it took,
        // beside the runtime's own heap numbers where the platform knows them.
        private void LogFootprint()
        {
            long bytes;
            int objects;
            lock (Lock)
            {
                bytes = Slab.TotalBytes();
                objects = Slab.TotalObjects();
            }
            string line = "Slab: kernel objects take " + bytes.ToString() + " bytes (" + objects.ToString()
                + " objects of " + Slab.Count.ToString() + " kinds), page map "
                + SlabTable.PageMapBytes(Pages.Pages).ToString() + " bytes; with the arena the model is "
                + ModelBytes.ToString() + " bytes";
            long heapTotal = Platform == null ? -1 : Platform.ManagedHeapTotal;
            long heapFree = Platform == null ? -1 : Platform.ManagedHeapFree;
            if (heapTotal >= 0 && heapFree >= 0)
                line += "; managed heap " + (heapTotal - heapFree).ToString() + "/" + heapTotal.ToString() + " bytes used";
            Log.Print(line);
        }
    }
}
