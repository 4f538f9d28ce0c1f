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
        // A write the other end does not take within this is dropped (and counted), not waited for.
        private const int WriteTimeoutMs = 250;
        private SerialPort _port;
        private readonly string _device;
        private readonly int _baud;
        private readonly UartStats _stats;
        private const int RetryMs = 500;
        private bool _closed, _stalled;
        private long _retryAt;

        /// <param name="stats">the port's counters: output dropped while the other end does not read</param>
        public SerialTty(string device, int baud, UartStats stats = null)
        {
            _stats = stats;
            _device = device;
            _baud = baud;
            _port = OpenPort();
        }

        private SerialPort OpenPort()
        {
            var port = new SerialPort(_device, _baud, Parity.None, 8, StopBits.One);
            port.Handshake = Handshake.None;
            port.ReadTimeout = PollTimeoutMs;
            port.WriteTimeout = WriteTimeoutMs;
            port.Open();
            return port;
        }

        public bool HasInput()
        {
            if (_closed) return true;
            try
            {
                return _port.BytesToRead > 0;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                return true;   // the read that follows finds the line gone
            }
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

        /// <summary>A write timeout is no hang-up (the other end is slow, or not reading: a paste through a relay
        /// fills the pty): the bytes are dropped and counted, the session goes on, and while the line stays
        /// full later output is dropped at once instead of waiting again. Only an I/O error (the device gone,
        /// EIO) ends the session.</summary>
        public void Write(byte[] buf, int off, int count)
        {
            if (_closed) return;
            try
            {
                if (_stalled)
                {
                    // Drop at once while the line was full a moment ago; then try again.
                    if (Environment.TickCount64 < _retryAt)
                    {
                        Dropped(count);
                        return;
                    }
                    _stalled = false;
                }
                _port.Write(buf, off, count);
            }
            catch (TimeoutException)
            {
                _stalled = true;
                _retryAt = Environment.TickCount64 + RetryMs;
                Dropped(count);
                // System.IO.Ports keeps a timed-out write queued and stalls every later one behind it: what did
                // not go out in time is dropped with a fresh port on the same line (reads and writes share
                // this thread, so nothing else uses the port meanwhile).
                try
                {
                    _port.Dispose();
                    _port = OpenPort();
                }
                catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
                {
                    _closed = true;
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                _closed = true;
            }
        }

        private void Dropped(int n)
        {
            if (_stats != null) _stats.AddTxDropped(n);
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
