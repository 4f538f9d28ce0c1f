namespace ProcNano
{
    /// <summary>One board's facts plus the kernel defaults from nf.config. Filled from boards/&lt;name&gt;.board
    /// and nf.config (see ConfigFile); the defaults here are the host board's.</summary>
    public sealed class BoardConfig
    {
        public string Name = "host";
        public string NanoffTarget = "";
        /// <summary>Bytes per page, a power of two 256..4096.</summary>
        public int PageSize = 4096;
        public int ArenaPages = 256;
        /// <summary>Address of page frame 0 (32-bit; no MMU, so this is where the bytes are).</summary>
        public uint ArenaBase = 0x20000000;
        /// <summary>Address at which the romfs image (/bin) is directly mappable (execute in place).</summary>
        public uint RomBase = 0x40000000;
        public string ShellUart = "stdio";
        public int UartRxPin = -1;
        public int UartTxPin = -1;
        public int Baud = 115200;
        public string FlashMount = "/flash";
        public string CpuModel = "host simulator";
        public string CpuVendor = "ProcNano";
        public int CpuMhz = 240;
        public int CpuCores = 1;
        public string CpuFeatures = "";
        public int SramKb = 0;
        public int PsramKb = 0;

        // Kernel defaults (nf.config).
        public string Hostname = "procnano";
        public int NrTrimPages = 1;
        public int KmsgSize = 4096;
        public int PidMax = 32768;
        public string BootScript = "";
        /// <summary>Managed heap free when Main starts on this board's firmware (bytes: the nanoFramework firmware's figure, measured
        /// on nanoCLR). The simulator shows the device's heap from it (less the kernel's model); 0 = unknown.</summary>
        public int ManagedHeap = 0;

        // Limits on what users can make (each has Linux's errno and a /proc/sys knob; the device boards set small
        // ones: every object costs managed heap there).
        /// <summary>vm.max_map_count: VMAs in one mm (ENOMEM beyond).</summary>
        public int MaxMapCount = 65530;
        /// <summary>kernel.threads-max: tasks (EAGAIN beyond).</summary>
        public int ThreadsMax = 1024;
        /// <summary>fs.file-max: open files in the system (ENFILE beyond).</summary>
        public int FileMax = 8192;
        /// <summary>fs.nr_open: descriptors of one task (EMFILE beyond).</summary>
        public int NrOpen = 256;
        /// <summary>kernel.shmmni: SysV segments (ENOSPC beyond).</summary>
        public int Shmmni = 4096;
        /// <summary>fs.inode-max: ramfs inodes, the files, directories and links users make in memory (ENOSPC beyond).</summary>
        public int InodeMax = 8192;

        public int PageShift
        {
            get
            {
                int s = 0;
                while ((1 << s) < PageSize) s++;
                return s;
            }
        }
    }
}
