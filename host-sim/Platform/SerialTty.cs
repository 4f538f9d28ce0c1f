using System;
using System.IO;
using System.IO.Ports;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>
    /// The shell's tty on a serial device or pty through System.IO.Ports, the same class shape the device's
    /// nanoFramework SerialPort has: a user reaches the simulator exactly as they reach the ESP32's UART.
    /// </summary>
    public sealed class SerialTty : ITty, IDisposable
    {
        private const int PollTimeoutMs = 100;
        private readonly SerialPort _port;
        private bool _closed;

        public SerialTty(string device, int baud)
        {
            _port = new SerialPort(device, baud, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadTimeout = PollTimeoutMs;
            _port.WriteTimeout = 5000;
            _port.Open();
        }

        public int Read(byte[] buf, int off, int count)
        {
            if (_closed) return -1;
            try
            {
                return _port.Read(buf, off, count);
            }
            catch (TimeoutException)
            {
                if (!LineGone()) return 0;
                _closed = true;
                return -1;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                _closed = true;
                return -1;
            }
        }

        // A silent line may be a dead one: when the other end of a pty goes away while no read is pending,
        // System.IO.Ports' reader stops and later reads only time out, but the port can no longer say how many
        // bytes wait (FIONREAD fails: -1).
        private bool LineGone()
        {
            try
            {
                return _port.BytesToRead < 0;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                return true;
            }
        }

        public void Write(byte[] buf, int off, int count)
        {
            if (_closed) return;
            try
            {
                _port.Write(buf, off, count);
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is TimeoutException)
            {
                _closed = true;
            }
        }

        public void Dispose()
        {
            try
            {
                _port.Close();
            }
            catch (IOException)
            {
            }
        }
    }
}
