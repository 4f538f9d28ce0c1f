namespace ProcNano
{
    /// <summary>/bin/init: pid 1 of a new pid namespace (unshare -p) sits here; it only sleeps.</summary>
    public sealed class InitProgram : Program
    {
        public override string Name => "init";
        public override string Help => "the first task: sleeps and adopts orphans";
        public override int Start(Syscalls sys, BoardConfig board, Task t, string[] argv) { return 0; }
    }
}
