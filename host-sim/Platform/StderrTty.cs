using System.IO;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>
    /// The shell's error stream in -c, --script and piped mode: the process's fd 2, so `sim -c CMD 2>/dev/null`
    /// keeps errors out of the output, as any Unix program does. What the console gathered for fd 1 goes out
    /// first, so `2>&amp;1` keeps output and errors in the order the shell wrote them.
    /// </summary>
    public sealed class StderrTty : ITty
    {
        private readonly CoalescingTty _stdout;
        private readonly StdioTty _err = new StdioTty(null, RawTerminal.Fd(2, FileAccess.Write));

        public StderrTty(CoalescingTty stdout) { _stdout = stdout; }

        public int Read(byte[] buf, int off, int count) { return -1; }
        public bool HasInput() { return true; }

        public void Write(byte[] buf, int off, int count)
        {
            _stdout.Flush();
            _err.Write(buf, off, count);
        }
    }
}
