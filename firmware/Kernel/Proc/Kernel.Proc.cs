namespace ProcNano
{
    public sealed partial class Kernel
    {
        /// <summary>The generic proc tree, per-pid table and sysctl table (mount with ProcFs.NewSuperBlock).</summary>
        public ProcTree Proc;
        /// <summary>Built-in loadable modules (insmod/rmmod, /proc/modules).</summary>
        public ModuleTable Modules;
        /// <summary>The shell UART's byte counters; the tty calls AddTx/AddRx.</summary>
        public UartStats UartStats;
        /// <summary>kernel.hostname (uname -n); starts as nf.config's hostname, root may change it.</summary>
        public string Hostname;

        // A procfs shows the pid namespace of the task that mounts it.
        private static SuperBlock MountProc(Kernel k, Task mounter, string source)
        {
            ProcSuperBlock sb = ProcFs.NewSuperBlock(k, mounter == null ? null : mounter.PidNs);
            sb.Minor = k.Vfs.AllocAnonMinor();
            return sb;
        }

        partial void BootProc()
        {
            Hostname = Board.Hostname;
            UartStats = new UartStats(Board);
            Proc = new ProcTree(this);
            Modules = new ModuleTable(this);
            Modules.Register(new UartModule());
            Vfs.RegisterFs(ProcFs.TypeName, true, MountProc);
            int e = Vfs.Mount(null, "proc", "/proc", ProcFs.TypeName);
            Log.Print(e < 0 ? "procfs: cannot mount /proc: " + Errno.StrError(e) : "VFS: Mounted proc on /proc.");
        }
    }
}
