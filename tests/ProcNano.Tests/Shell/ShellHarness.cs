using System;
using ProcNano.HostSim;
using ProcNano;
using KKernel = ProcNano.Kernel;
using KShell = ProcNano.Shell;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Shell
{
    /// <summary>A booted kernel plus a shell task whose output is captured plainly (no echo, no CRLF).</summary>
    internal sealed class ShellHarness
    {
        public sealed record CommandRow(string Name, string Usage, string Help, bool OwnsDashH);

        /// <summary>The shell's command table, row by row.</summary>
        public static System.Collections.Generic.List<CommandRow> Commands()
        {
            var rows = new System.Collections.Generic.List<CommandRow>();
            // Numbers may leave gaps (rows reserved for other commands): every number below Count is asked.
            for (int i = 0; i < CommandTable.Count; i++)
                if (CommandTable.Row(i, out string n, out string u, out string h, out bool own)) rows.Add(new CommandRow(n, u, h, own));
            return rows;
        }

        public readonly KKernel K;
        public readonly KTask Task;
        public readonly MemoryTty Tty = new MemoryTty();
        public readonly LineDiscipline Ld;
        public readonly KShell Sh;

        public ShellHarness() : this(new BoardConfig()) { }

        public ShellHarness(BoardConfig board) : this(board, HostPlatform.WithTempFlash()) { }

        public ShellHarness(BoardConfig board, IPlatform platform)
        {
            K = ProcNano.Tests.Boot.Board(board, platform);
            Task = Getty.NewShellTask(K.Sys);
            Ld = new LineDiscipline(Tty) { Echo = false, OutputCrlf = false };
            Sh = new KShell(K.Sys, Task, Ld, 1024);
        }

        /// <summary>Runs one line; returns its status, and everything it printed in <paramref name="output"/>.</summary>
        public int Run(string line, out string output)
        {
            Tty.ClearOutput();
            int status = Sh.Execute(line);
            output = Tty.Output;
            return status;
        }

        public string Out(string line)
        {
            Run(line, out string o);
            return o;
        }

        /// <summary>What the shell prints for an error: "cmd: what: strerror".</summary>
        public static string Error(string cmd, string what, int errno) => cmd + ": " + what + ": " + Errno.StrError(errno) + "\n";
    }
}
