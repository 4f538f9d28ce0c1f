namespace ProcNano
{
    /// <summary>/bin/true: maps its text and exits at once (exercises exec + exit teardown).</summary>
    public sealed class TrueProgram : Program
    {
        public override string Name => "true";
        public override string Help => "exit at once with status 0";
        public override int Start(Syscalls sys, BoardConfig board, Task t, string[] argv) { return Exit; }
    }
}
