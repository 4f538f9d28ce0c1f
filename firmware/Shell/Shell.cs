using System;

namespace ProcNano
{
    /// <summary>
    /// The serial shell (nsh): reads lines through a <see cref="LineDiscipline"/>, splits them with
    /// <see cref="ShellLexer"/>, and runs rows of <see cref="CommandTable"/> as its own task, so every
    /// syscall it makes is an ordinary task's (`cat /proc/self/status` shows the shell).
    /// Exit statuses: 0 ok, 1 error, 2 syntax error, 127 command not found, 130 line dropped by Ctrl-C.
    /// The prompt is always "nsh> " (whatever the uid: `id` tells), so scripts can wait for it.
    /// </summary>
    public sealed partial class Shell
    {
        public const string Prompt = "nsh> ";
        public const int StatusOk = 0, StatusError = 1, StatusSyntax = 2, StatusNotFound = 127, StatusInterrupted = 130;
        /// <summary>Bytes per read/write step of cat, cp, dmesg and friends.</summary>
        public const int IoBufSize = 256;

        private readonly Syscalls _sys;
        private readonly Task _task;
        private readonly LineDiscipline _ld;
        private readonly ShellLexer _lex;
        // Set while output goes to the kernel log (the boot script): the prefix of each line there.
        private string _logPrefix;
        private int _status;
        // exit ran, the line closed, the first prompt was logged: one field of flags (12 B each on the device).
        private int _flags;
        private const int ExitBit = 1, ClosedBit = 2, PromptedBit = 4, TraceBit = 8, BackgroundBit = 16;
        private bool Exiting { get { return (_flags & ExitBit) != 0; } set { SetFlag(ExitBit, value); } }
        private bool Closed { get { return (_flags & ClosedBit) != 0; } set { SetFlag(ClosedBit, value); } }
        private bool Prompted { get { return (_flags & PromptedBit) != 0; } set { SetFlag(PromptedBit, value); } }
        private bool Tracing { get { return (_flags & TraceBit) != 0; } set { SetFlag(TraceBit, value); } }
        /// <summary>True while a command runs that ended in &amp;: exec and unshare then start a job.</summary>
        public bool Background { get { return (_flags & BackgroundBit) != 0; } private set { SetFlag(BackgroundBit, value); } }
        private void SetFlag(int bit, bool on) { _flags = on ? _flags | bit : _flags & ~bit; }

        /// <summary>Command output: the tty, or a file while a redirection is in force.</summary>
        public readonly ShellWriter Out = new ShellWriter(256);
        /// <summary>Error messages: always the tty (or the log while the boot script runs).</summary>
        public readonly ShellWriter Err = new ShellWriter(32);
        /// <summary>Scratch for commands that stream data (one command runs at a time).</summary>
        public readonly byte[] IoBuf = new byte[IoBufSize];

        /// <summary>A shell running as <paramref name="task"/> over <paramref name="ld"/>; lines given to
        /// <see cref="Execute"/> may be up to <paramref name="maxLine"/> bytes.</summary>
        public Shell(Syscalls sys, Task task, LineDiscipline ld, int maxLine)
        {
            _sys = sys;
            _task = task;
            _ld = ld;
            _lex = new ShellLexer(maxLine);
            Out.TargetTty(ld);
            Err.TargetTty(ld);
        }

        public Shell(Syscalls sys, Task task, LineDiscipline ld) : this(sys, task, ld, ld.MaxLine) { }

        /// <summary>A shell for a serial console: a new "sh" task (see <see cref="Getty.NewShellTask"/>) over an
        /// interactive line discipline on <paramref name="tty"/> (echo, CRLF) whose bytes count in
        /// <paramref name="counters"/>. Serve it with <see cref="ServeTty()"/>.</summary>
        public Shell(Syscalls sys, UartStats counters, ITty tty) : this(sys, Getty.NewShellTask(sys), Getty.ConsoleLine(counters, tty)) { }

        /// <summary>The one door to the kernel: commands make system calls as the shell's task.</summary>
        public Syscalls Sys => _sys;
        public Task Task => _task;
        public LineDiscipline Tty => _ld;
        /// <summary>Status of the last command.</summary>
        public int Status => _status;
        /// <summary>Commands that ran out of managed heap part-way (an OutOfMemoryException caught and answered
        /// as ENOMEM): the device checks count them, since a kernel that fits answers ENOMEM before that.</summary>
        public int OutOfMemoryCaught;
        /// <summary>True once `exit` ran.</summary>
        public bool Exited => Exiting;
        /// <summary>True when the last <see cref="Run()"/> ended because the tty closed (not by `exit`).</summary>
        public bool LineClosed => Closed;

        /// <summary>Serves the tty with a prompt until `exit` or until the line closes; call again for a new
        /// session. Returns the last status.</summary>
        public int ServeTty() { return ServeTty(true); }

        /// <summary>Reads and runs lines until `exit` or the tty closes; prints the prompt before each line
        /// if <paramref name="prompt"/>. Returns the last status.</summary>
        public int ServeTty(bool prompt)
        {
            Exiting = false;
            Closed = false;
            if (_task.State == Task.Dead) return _task.ExitCode & 0xff;   // killed (by the boot script, say)
            // Tab asks this shell; Ctrl-L and a completion list redraw the prompt (an echoing line only).
            _ld.Completer = this;
            _ld.Prompt = prompt ? Prompt : null;
            while (!Exiting)
            {
                if (prompt)
                {
                    Out.Str(Prompt);
                    Out.Flush();
                    if (!Prompted)
                    {
                        Prompted = true;
                        long ms = _sys.ClockMs(_task, Syscalls.CLOCK_BOOTTIME);
                        _sys.LogWrite(_task, "sh: first prompt at " + ms.ToString() + " ms after boot");
                    }
                }
                int n = _ld.ReadLine();
                if (n == LineDiscipline.Closed)
                {
                    Closed = true;
                    break;
                }
                if (n == LineDiscipline.Interrupted)
                {
                    _status = StatusInterrupted;
                    continue;
                }
                if (n == LineDiscipline.TooLong)
                {
                    LineTooLong(_ld.MaxLine);
                    continue;
                }
                _ld.SigintPending = false;
                ExecuteLine(_ld.Line, n);
            }
            return _status;
        }

        /// <summary>Runs one command line given as text (for -c, scripts and tests). Returns its status.</summary>
        public int Execute(string line)
        {
            if (line.Length > _lex.MaxLine) return LineTooLong(_lex.MaxLine);
            byte[] b = new byte[line.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)line[i];
            return ExecuteLine(b, b.Length);
        }

        /// <summary>Runs a script: one command line per text line, until the end or `exit`.
        /// Returns the last status.</summary>
        public int RunScript(string text) { return RunScript(text, false); }

        /// <summary>
        /// Runs the boot script: its output and errors go to the kernel log (prefix "rc: "), each command
        /// traced there first ("rc: + CMD"), so the console stays clean and `dmesg` shows what boot did.
        /// An `exit` in it ends the script, not the shell. Returns the last status.
        /// </summary>
        public int RunBootScript(string text)
        {
            OutputToLog("rc: ");
            int status = RunScript(text, true);
            OutputToTty();
            // The session starts afresh: neither the script's exit nor its last status carries over.
            Exiting = false;
            _status = StatusOk;
            return status;
        }

        private int RunScript(string text, bool trace)
        {
            // The whole text at once: if and while may span lines. One char per byte, as from a tty.
            byte[] b = new byte[text.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)text[i];
            bool was = Tracing;
            Tracing = trace || was;   // a script sourced by the boot script is traced too
            try
            {
                return ExecuteLine(b, b.Length);
            }
            finally
            {
                Tracing = was;
            }
        }

        /// <summary>Sends output and errors to the kernel log, one line per output line, each prefixed
        /// (the boot script runs this way); <see cref="OutputToTty"/> undoes it.</summary>
        public void OutputToLog(string prefix)
        {
            _logPrefix = prefix;
            Out.TargetLog(_sys, _task, prefix);
            Err.TargetLog(_sys, _task, prefix);
        }

        /// <summary>Sends error messages to <paramref name="errors"/> (the simulator's fd 2 when it is not on a
        /// terminal) until the next <see cref="OutputToTty"/>.</summary>
        public void ErrorsTo(LineDiscipline errors)
        {
            Err.FlushAll();
            Err.TargetTty(errors);
        }

        public void OutputToTty()
        {
            Out.FlushAll();
            Err.FlushAll();
            _logPrefix = null;
            Out.TargetTty(_ld);
            Err.TargetTty(_ld);
        }

        /// <summary>Runs the commands of one line (or a script's text). Returns the status of the last one.</summary>
        public int ExecuteLine(byte[] line, int len)
        {
            try
            {
                RunText(line, len);
            }
            catch (OutOfMemoryException)
            {
                // No heap for a word's string or a redirection's file: the rest of the line is dropped.
                OutOfMemoryCaught++;
                RestoreOut();
                Err.Str("sh: ");
                Err.Line(Errno.StrError(Errno.ENOMEM));
                _status = StatusError;
            }
            return _status;
        }

        // Runs the lexer's current command: leading NAME=value words set variables; the other words become
        // argv, redirections retarget Out for this command only. argv is the lexer's token array itself, its
        // words moved to the front (no second array of 32 refs). A program started with & is a job.
        private void RunSimple(byte[] line, int count, bool background)
        {
            if (Tracing) _sys.LogWrite(_task, _logPrefix + "+ " + Source(line, _lex.Start, _lex.Stop));
            string[] argv = _lex.Text;
            int argc = 0;
            int fd = -1;
            string redirPath = null;
            bool assigning = true, assigned = false;
            for (int i = 0; i < count; i++)
            {
                int kind = _lex.Kind[i];
                if (kind == ShellLexer.Word)
                {
                    if (assigning && Assignment(argv[i]))
                    {
                        assigned = true;
                        continue;
                    }
                    assigning = false;
                    argv[argc++] = argv[i];
                    continue;
                }
                // > or >>: the next word is the file. Each redirection opens (creates/truncates) its file in
                // order; the last one receives the output.
                string path = argv[++i];
                int flags = File.O_WRONLY | File.O_CREAT | (kind == ShellLexer.RedirAppend ? File.O_APPEND : File.O_TRUNC);
                if (fd >= 0) Sys.Close(_task, fd);
                fd = Sys.Open(_task, path, flags, 0x1a4); // 0644
                if (fd < 0)
                {
                    _status = Fail("sh", path, fd);
                    for (int k = 0; k < count; k++) argv[k] = null;
                    return;
                }
                redirPath = path;
            }
            if (fd >= 0) Out.TargetFile(Sys, _task, fd);
            if (argc > 0)
            {
                for (int k = argc; k < count; k++) argv[k] = null;
                Background = background;
                _status = Dispatch(argc);
                Background = false;
            }
            else if (!assigned) _status = StatusOk;
            // The command ended the shell's own task (`kill` of its pid): the session is over, as for a sh
            // killed by a signal (status 128 + signal); nothing more runs as a task that no longer exists.
            if (_task.State == Task.Dead) RequestExit(_task.ExitCode & 0xff);
            if (fd >= 0)
            {
                Out.Flush();
                int werr = Out.Error;
                RestoreOut();
                int cerr = Sys.Close(_task, fd);
                if (werr < 0) _status = Fail("sh", redirPath, werr);
                else if (cerr < 0) _status = Fail("sh", redirPath, cerr);
            }
            for (int i = 0; i < count; i++) argv[i] = null;
            Out.Flush();
            Err.Flush();
        }

        // NAME=value (the NAME part as typed, unquoted) sets a shell variable; false for any other word.
        private bool Assignment(string word)
        {
            int eq = word.IndexOf('=');
            if (eq <= 0 || !IsName(word, eq)) return false;
            int r = SetVar(word.Substring(0, eq), word.Substring(eq + 1), false);
            if (r < 0)
            {
                Complain("sh", "too many variables (max " + MaxVars.ToString() + ")");
                _status = StatusError;
            }
            else _status = StatusOk;
            return true;
        }

        private static string Source(byte[] line, int start, int stop)
        {
            while (start < stop && (line[start] == (byte)' ' || line[start] == (byte)'\t' || line[start] == (byte)'\n')) start++;
            while (stop > start && (line[stop - 1] == (byte)' ' || line[stop - 1] == (byte)'\t' || line[stop - 1] == (byte)'\r')) stop--;
            char[] c = new char[stop - start];
            for (int i = 0; i < c.Length; i++) c[i] = (char)line[start + i];
            return new string(c);
        }

        private void RestoreOut()
        {
            if (_logPrefix != null) Out.TargetLog(_sys, _task, _logPrefix);
            else Out.TargetTty(_ld);
        }

        private int Dispatch(int argc)
        {
            int c = CommandTable.Find(_lex.Text[0]);
            string name, usage, help;
            bool ownsDashH;
            if (!CommandTable.Row(c, out name, out usage, out help, out ownsDashH))
            {
                Err.Str("sh: ");
                Err.Str(_lex.Text[0]);
                Err.Line(": command not found");
                return StatusNotFound;
            }
            if (argc > 1 && (_lex.Text[1] == "--help" || (_lex.Text[1] == "-h" && !ownsDashH)))
            {
                PrintUsage(Out, c);
                return StatusOk;
            }
            char state = _task.State;
            _task.State = Task.Running;
            try
            {
                return CommandTable.Invoke(c, this, _lex.Text, argc);
            }
            catch (OutOfMemoryException)
            {
                // The heap ran out under the command: it fails as ENOMEM, printed from literals and fixed
                // buffers (nothing here allocates), and the console carries on.
                OutOfMemoryCaught++;
                Out.Flush();
                Err.Str(name);
                Err.Str(": ");
                Err.Line(Errno.StrError(Errno.ENOMEM));
                return StatusError;
            }
            catch (Exception e)
            {
                // A bug in a subsystem must not take the console away with it.
                Out.Flush();
                string msg = e.Message;
                Err.Str(name);
                Err.Str(": internal error");
                if (msg != null && msg.Length > 0)
                {
                    Err.Str(": ");
                    Err.Str(msg);
                }
                Err.Char('\n');
                try { _sys.LogWrite(_task, "sh: " + name + ": exception " + (msg == null ? "" : msg)); }
                catch (OutOfMemoryException) { _sys.LogWrite(_task, "sh: a command failed with an exception"); }
                return StatusError;
            }
            finally
            {
                if (_task.State == Task.Running) _task.State = state;
            }
        }
    }
}
