namespace ProcNano
{
    /// <summary>
    /// The syscall facade: every call takes the calling task and returns a result or -errno, as Linux does.
    /// Each group lives in its own file (Syscalls.Vfs.cs, Syscalls.Mm.cs, Syscalls.Task.cs). Calls are
    /// serialised on <see cref="Kernel.Lock"/>.
    /// </summary>
    public sealed partial class Syscalls
    {
        private readonly Kernel _k;

        public Syscalls(Kernel k) { _k = k; }
    }
}
