using System;

namespace ProcNano
{
    // What command bodies use of the shell: usage and error lines in the shell's format, numbers, -p PID.
    public sealed partial class Shell
    {
        /// <summary>Prints "Usage: SYNOPSIS" and the help line of command row <paramref name="c"/>.</summary>
        public static void PrintUsage(ShellWriter w, int c)
        {
            string name, usage, help;
            bool own;
            if (!CommandTable.Row(c, out name, out usage, out help, out own)) return;
            w.Str("Usage: ");
            w.Line(usage);
            w.Line(help);
        }

        /// <summary>Prints the command's usage on the error stream; returns 1.</summary>
        public int Usage(string name)
        {
            Out.Flush();
            string n, usage, help;
            bool own;
            if (CommandTable.Row(CommandTable.Find(name), out n, out usage, out help, out own))
            {
                Err.Str("Usage: ");
                Err.Line(usage);
            }
            Err.Flush();
            return StatusError;
        }

        /// <summary>"cmd: what: strerror"; returns 1.</summary>
        public int Fail(string cmd, string what, int err)
        {
            Out.Flush();
            Err.Str(cmd);
            Err.Str(": ");
            Err.Str(what);
            Err.Str(": ");
            Err.Line(Errno.StrError(err));
            Err.Flush();
            return StatusError;
        }

        /// <summary>"cmd: strerror"; returns 1.</summary>
        public int Fail(string cmd, int err)
        {
            Out.Flush();
            Err.Str(cmd);
            Err.Str(": ");
            Err.Line(Errno.StrError(err));
            Err.Flush();
            return StatusError;
        }

        /// <summary>"cmd: message"; returns 1.</summary>
        public int Complain(string cmd, string message)
        {
            Out.Flush();
            Err.Str(cmd);
            Err.Str(": ");
            Err.Line(message);
            Err.Flush();
            return StatusError;
        }

        /// <summary>Parses a number argument (see <see cref="ShellArgs.TryParse"/>); complains on failure.</summary>
        public bool Number(string cmd, string s, out long v)
        {
            if (ShellArgs.TryParse(s, out v)) return true;
            Complain(cmd, "invalid number '" + s + "'");
            return false;
        }

        /// <summary>
        /// Handles the memory commands' optional "-p PID" at argv[1]: <paramref name="target"/> becomes that
        /// task (or the shell's own without -p) and <paramref name="next"/> the index of the first argument
        /// after it. Returns false after printing an error.
        /// </summary>
        public bool TargetTask(string cmd, string[] argv, int argc, out Task target, out int next)
        {
            target = _task;
            next = 1;
            if (argc < 2 || argv[1] != "-p") return true;
            if (argc < 3)
            {
                Usage(cmd);
                return false;
            }
            long pid;
            if (!Number(cmd, argv[2], out pid)) return false;
            next = 3;
            target = pid > 0 && pid <= int.MaxValue ? Sys.FindTask(_task, (int)pid) : null;
            if (target == null)
            {
                Fail(cmd, -Errno.ESRCH);
                return false;
            }
            return true;
        }

        /// <summary>Ends the shell after the current command with <paramref name="status"/>.</summary>
        public void RequestExit(int status)
        {
            Exiting = true;
            _status = status;
        }

        // Blank or comment only: not worth a trace line.
        private static bool Blank(string line)
        {
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '#') return true;
                if (c != ' ' && c != '\t') return false;
            }
            return true;
        }

        private int Syntax(string what)
        {
            Complain("sh", "syntax error: " + what);
            _status = StatusSyntax;
            return _status;
        }

        private int LineTooLong(int max)
        {
            Complain("sh", "line too long (max " + max.ToString() + " bytes)");
            _status = StatusError;
            return _status;
        }
    }
}
