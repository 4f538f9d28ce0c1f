namespace ProcNano
{
    /// <summary>
    /// The syscall facade: every call takes the calling task and returns a result or -errno, as Linux does.
    /// Each group lives in its own file (Syscalls.Vfs.cs, Syscalls.Mm.cs, Syscalls.Task.cs). Calls are
    /// serialised on the big kernel lock. The facade sees the kernel through <see cref="ISyscallKernel"/> only.
    /// </summary>
    public sealed partial class Syscalls
    {
        private readonly ISyscallKernel _k;

        /// <summary>Managed heap a call that makes kernel objects (a task, a file, a segment, a directory) must
        /// leave free on a device board: room for the shell to report the failure and the console to go on.</summary>
        public const int HeapReserve = 2048;

        public Syscalls(ISyscallKernel k) { _k = k; }

        /// <summary>A task that has exited (or none): every call made for it is ESRCH, checked under the lock
        /// before anything is allocated (a -p PID may race the task's exit).</summary>
        private static bool Dead(Task t) { return t == null || t.State == Task.Dead; }

        /// <summary>True on a device board (one with managed_heap) when the platform's free heap (the runtime's
        /// on the device, the model's in the simulator) is under <see cref="HeapReserve"/>: the call answers
        /// ENOMEM before it allocates, instead of running out half-way. The host board has no such budget.</summary>
        private bool HeapLow()
        {
            if (_k.Board.ManagedHeap <= 0 || _k.Platform == null) return false;
            long free = _k.Platform.ManagedHeapFree;
            return free >= 0 && free < HeapReserve;
        }
    }
}
