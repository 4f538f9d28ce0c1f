namespace ProcNano
{
    /// <summary>
    /// A built-in program: the C# routine a program file's header names. The loader has already mapped the
    /// text, data, bss and stack when <see cref="Start"/> runs; the routine sets up whatever else it needs
    /// (maps, shm) and returns. Returning 0 leaves the task sleeping until killed; a negative value is the
    /// errno that makes exec fail; <see cref="Exit"/> as result ends the task at once (exit status 0).
    /// </summary>
    public abstract class Program
    {
        public const int Exit = ExecImage.ExitNow;

        /// <summary>Name in the program file header (at most 11 ASCII characters).</summary>
        public abstract string Name { get; }
        public abstract string Help { get; }
        public abstract int Start(Syscalls sys, BoardConfig board, Task t, string[] argv);
    }
}
