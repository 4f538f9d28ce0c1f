namespace ProcNano
{
    /// <summary>A command's body: <paramref name="argv"/>[0..argc) are its words (argv[0] its name); returns the
    /// exit status (0 ok, 1 error). The array is the shell's and is reused: copy what must outlive the call.</summary>
    public delegate int CommandHandler(Shell sh, string[] argv, int argc);

    /// <summary>One row of the shell's command table: name, body and the one-line help that `help` and
    /// `CMD -h` print.</summary>
    public sealed class Command
    {
        public readonly string Name;
        /// <summary>Synopsis, e.g. "mmap [-p PID] LEN PROT shared|private [PATH [OFFSET]]".</summary>
        public readonly string Usage;
        /// <summary>What the command does, one line.</summary>
        public readonly string Help;
        public readonly CommandHandler Run;
        /// <summary>The command gives -h a meaning of its own (free -h: human units); --help still works.</summary>
        public readonly bool OwnsDashH;

        public Command(string name, string usage, string help, CommandHandler run, bool ownsDashH)
        {
            Name = name;
            Usage = usage;
            Help = help;
            Run = run;
            OwnsDashH = ownsDashH;
        }

        public Command(string name, string usage, string help, CommandHandler run)
            : this(name, usage, help, run, false) { }
    }
}
