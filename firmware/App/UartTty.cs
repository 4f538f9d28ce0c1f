using System.IO.Ports;
using System.Threading;
using ProcNano.Kernel;

namespace ProcNano.App
{
    /// <summary>
    /// The shell's tty on the device: raw bytes over a nanoFramework SerialPort (COM2 on the boards in boards/).
    /// The line discipline (echo, backspace, CRLF) is the kernel shell's; this class only moves bytes.
    /// </summary>
    // ALIGN: written against the assumed ITty shape (int ReadByte(), void Write(byte[], int, int)); align with
    // firmware/Kernel/Shell/ITty.cs when the shell lands.
    internal sealed class UartTty : ITty
    {
        private const int PollMs = 10;
        private readonly SerialPort _port;
        private readonly byte[] _one = new byte[1];
        private readonly int _timeoutMs;

        /// <param name="port">An open port.</param>
        /// <param name="readTimeoutMs">How long ReadByte waits for a byte before returning -1.</param>
        public UartTty(SerialPort port, int readTimeoutMs)
        {
            _port = port;
            _timeoutMs = readTimeoutMs;
        }

        /// <summary>The next byte from the line, or -1 when none came within the timeout.</summary>
        public int ReadByte()
        {
            // Poll BytesToRead instead of relying on ReadTimeout: a timeout surfaces as an exception, and
            // exceptions are slow and allocate on the device.
            int waited = 0;
            while (_port.BytesToRead == 0)
            {
                if (waited >= _timeoutMs) return -1;
                Thread.Sleep(PollMs);
                waited += PollMs;
            }
            int n = _port.Read(_one, 0, 1);
            return n == 1 ? _one[0] : -1;
        }

        public void Write(byte[] b, int off, int count)
        {
            if (count > 0) _port.Write(b, off, count);
        }
    }
}
