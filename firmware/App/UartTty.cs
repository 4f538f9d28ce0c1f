using System.IO.Ports;
using System.Threading;
using ProcNano;

namespace ProcNano.App
{
    /// <summary>
    /// The shell's tty on the device: raw bytes over a nanoFramework SerialPort (COM2 on the boards in boards/).
    /// The line discipline (echo, erase, CRLF, Ctrl-C) is the kernel's (<see cref="LineDiscipline"/>), and so
    /// is the byte counting for /proc/driver/uart; this class only moves bytes.
    /// </summary>
    internal sealed class UartTty : ITty
    {
        private const int PollMs = 10;
        private readonly SerialPort _port;
        private readonly int _timeoutMs;

        /// <param name="port">An open port.</param>
        /// <param name="readTimeoutMs">How long Read waits for a byte before answering "nothing yet" (0).</param>
        public UartTty(SerialPort port, int readTimeoutMs)
        {
            _port = port;
            _timeoutMs = readTimeoutMs;
        }

        /// <summary>ITty.Read: up to <paramref name="count"/> bytes that have arrived, or 0 when none came within
        /// the timeout. A UART never closes, so this never answers -1.</summary>
        public int Read(byte[] buf, int off, int count)
        {
            // Poll BytesToRead instead of relying on ReadTimeout: a timeout surfaces as an exception, and
            // exceptions are slow and allocate on the device.
            int waited = 0;
            int ready = _port.BytesToRead;
            while (ready == 0)
            {
                if (waited >= _timeoutMs) return 0;
                Thread.Sleep(PollMs);
                waited += PollMs;
                ready = _port.BytesToRead;
            }
            if (ready > count) ready = count;
            return _port.Read(buf, off, ready);
        }

        public void Write(byte[] buf, int off, int count)
        {
            if (count > 0) _port.Write(buf, off, count);
        }
    }
}
