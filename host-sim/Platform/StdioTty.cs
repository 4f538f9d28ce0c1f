using System;
using System.IO;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>
    /// The shell's tty on the simulator's own stdin/stdout. A read waits at most <see cref="ReadWaitMs"/> for
    /// bytes (then says "nothing yet", so a sleep or a loop can look for Ctrl-C without a key being pressed);
    /// end of input (or no input at all, for -c) reads as closed. Every write is flushed at once, so a program driving the
    /// simulator through pipes sees each command's output as soon as the command ends.
    /// </summary>
    public sealed class StdioTty : ITty
    {
        private readonly Stream _in;
        private readonly Stream _out;
        private bool _outClosed;
        private const int ReadWaitMs = 100;

        public StdioTty(Stream input, Stream output)
        {
            _in = input;
            _out = output;
        }

        /// <summary>Process stdin and stdout (plain streams on fds 0 and 1, not System.Console, which adds
        /// escape sequences of its own when they are a terminal).</summary>
        public static StdioTty Console() { return new StdioTty(RawTerminal.Fd(0, FileAccess.Read), RawTerminal.Fd(1, FileAccess.Write)); }

        /// <summary>stdout only: reading says closed at once (for -c and --script).</summary>
        public static StdioTty OutputOnly() { return new StdioTty(null, RawTerminal.Fd(1, FileAccess.Write)); }

        public int Read(byte[] buf, int off, int count)
        {
            if (_in == null) return -1;
            try
            {
                if (_in is FdStream fd && !fd.WaitReadable(ReadWaitMs)) return 0;
                int n = _in.Read(buf, off, count);
                return n > 0 ? n : -1;
            }
            catch (IOException)
            {
                return -1;
            }
        }

        public bool HasInput() { return _in == null || !(_in is FdStream fd) || fd.WaitReadable(0); }

        public void Write(byte[] buf, int off, int count)
        {
            if (_outClosed) return;
            try
            {
                _out.Write(buf, off, count);
                _out.Flush();
            }
            catch (IOException)
            {
                // The reader went away (a closed pipe): nothing more to show, keep running until input ends.
                _outClosed = true;
            }
        }
    }
}
