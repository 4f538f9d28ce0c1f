using System;
using System.IO.Ports;
using System.Threading;
using ProcNano;

namespace ProcNano.App
{
    /// <summary>
    /// The shell's tty on the device: raw bytes over a nanoFramework SerialPort (COM2 on the boards in boards/).
    /// The line discipline (echo, erase, CRLF, Ctrl-C) is the kernel's (<see cref="LineDiscipline"/>), and so
    /// is the byte counting for /proc/driver/uart; this class only moves bytes. It never throws: the console
    /// writes echo and prompts outside any command, where an exception would end Main, so a port that fails or
    /// times out loses bytes (counted here) and the console goes on.
    /// </summary>
    internal sealed class UartTty : ITty
    {
        private const int PollMs = 10;
        /// <summary>The port's receive buffer: nanoFramework's default (256 bytes) loses most of a line pasted
        /// while a command runs (a `cat` of meminfo takes longer than 256 bytes need at 115200 baud).</summary>
        public const int ReadBufferBytes = 1024;

        private readonly SerialPort _port;
        private readonly int _timeoutMs;

        /// <summary>Writes given up after the port's WriteTimeout (nobody reading, flow control held).</summary>
        public int WriteTimeouts;
        /// <summary>Bytes dropped by failed writes.</summary>
        public int DroppedBytes;
        /// <summary>Reads and writes the port refused with any other exception.</summary>
        public int Errors;

        /// <param name="port">An open port.</param>
        /// <param name="readTimeoutMs">How long Read waits for a byte before answering "nothing yet" (0).</param>
        public UartTty(SerialPort port, int readTimeoutMs)
        {
            _port = port;
            _timeoutMs = readTimeoutMs;
        }

        /// <summary>Opens <paramref name="portName"/> for the shell: its receive buffer sized (the driver takes the
        /// size only while the port is closed) and writes bounded by <paramref name="writeTimeoutMs"/>. Null with
        /// <paramref name="error"/> set when the port cannot be had (COM1 while the debugger owns it, say).</summary>
        public static SerialPort OpenPort(string portName, int baud, int writeTimeoutMs, out string error)
        {
            error = null;
            try
            {
                SerialPort port = new SerialPort(portName, baud);
                port.ReadBufferSize = ReadBufferBytes;
                port.WriteTimeout = writeTimeoutMs;
                port.Open();
                return port;
            }
            catch (Exception e)
            {
                error = "cannot open " + portName + " (" + e.GetType().FullName + ")";
                return null;
            }
        }

        /// <summary>ITty.HasInput: the driver's receive buffer holds bytes (a failing port says yes: its Read
        /// answers at once).</summary>
        public bool HasInput()
        {
            try
            {
                return _port.BytesToRead > 0;
            }
            catch (Exception)
            {
                return true;
            }
        }

        /// <summary>ITty.Read: up to <paramref name="count"/> bytes that have arrived, or 0 when none came within
        /// the timeout (or the port failed). A UART never closes, so this never answers -1.</summary>
        public int Read(byte[] buf, int off, int count)
        {
            // Poll BytesToRead instead of relying on ReadTimeout: a timeout surfaces as an exception, and
            // exceptions are slow and allocate on the device.
            try
            {
                int waited = 0;
                int ready = _port.BytesToRead;
                while (ready <= 0)
                {
                    if (waited >= _timeoutMs) return 0;
                    Thread.Sleep(PollMs);
                    waited += PollMs;
                    ready = _port.BytesToRead;
                }
                if (ready > count) ready = count;
                int n = _port.Read(buf, off, ready);
                return n < 0 ? 0 : n;
            }
            catch (TimeoutException)
            {
                return 0;
            }
            catch (Exception)
            {
                Errors++;
                Thread.Sleep(PollMs);   // a failing port must not spin the shell
                return 0;
            }
        }

        /// <summary>ITty.Write: the bytes, or as many as the port takes before it times out or fails; the rest
        /// are dropped and counted, never thrown.</summary>
        public void Write(byte[] buf, int off, int count)
        {
            if (count <= 0) return;
            try
            {
                _port.Write(buf, off, count);
            }
            catch (TimeoutException)
            {
                WriteTimeouts++;
                DroppedBytes += count;
            }
            catch (Exception)
            {
                Errors++;
                DroppedBytes += count;
            }
        }
    }
}
