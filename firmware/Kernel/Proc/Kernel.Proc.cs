namespace ProcNano.Kernel
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
        /// <summary>vm.nr_trim_pages: trim a private mapping's power-of-two block when the excess is at least
        /// this many pages; 0 never trims. Set from nf.config in BootProc, read by mmap at map time.</summary>
        public int NrTrimPages;

        partial void BootProc()
        {
            Hostname = Board.Hostname;
            NrTrimPages = Board.NrTrimPages;
            UartStats = new UartStats(Board);
            Proc = new ProcTree(this);
            Modules = new ModuleTable(this);
            Modules.Register(new UartModule());
        }
    }
}
