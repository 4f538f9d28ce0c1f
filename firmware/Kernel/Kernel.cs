namespace ProcNano
{
    /// <summary>
    /// One booted kernel instance. No static state: tests boot many kernels side by side. Each subsystem adds
    /// its fields and boot step in its own folder through this partial class (Memory/Kernel.Memory.cs, ...).
    /// </summary>
    public sealed partial class Kernel
    {
        public readonly BoardConfig Board;
        public readonly IPlatform Platform;
        public readonly KernelLog Log;
        /// <summary>Big kernel lock: syscalls from the shell, the serial line and test threads are serialised
        /// here, as a uniprocessor kernel without preemption would be.</summary>
        public readonly object Lock = new object();

        public Kernel(BoardConfig board, IPlatform platform)
        {
            Board = board;
            Platform = platform;
            Log = new KernelLog(board.KmsgSize, platform);
            Log.Print("ProcNano version " + Version.Release + " (board " + board.Name + ")");
            BootMemory();
            BootVfs();
            BootTasks();
            BootIpc();
            BootProc();
            BootLate();
        }

        partial void BootMemory();
        partial void BootVfs();
        partial void BootTasks();
        partial void BootIpc();
        partial void BootProc();
        partial void BootLate();
    }

    /// <summary>Release strings shown by uname and /proc/version.</summary>
    public static class Version
    {
        public const string OsType = "Linux";
        public const string Release = "2.6.29-procnano";
        public const string Build = "#1 PREEMPT";
    }
}
