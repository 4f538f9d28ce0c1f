namespace ProcNano
{
    /// <summary>/bin/sh: the serial shell's task. Exec maps its text like any program; the shell loop itself
    /// runs on the console's thread as this task.</summary>
    public sealed class ShellProgram : Program
    {
        public override string Name => "sh";
        public override string Help => "the serial shell";
        public override int Start(Syscalls sys, BoardConfig board, Task t, string[] argv) { return 0; }
    }
}
