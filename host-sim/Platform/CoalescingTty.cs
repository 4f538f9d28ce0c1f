using System;
using ProcNano;

namespace ProcNano.HostSim
{
    /// <summary>
    /// Gathers what the kernel writes to a host tty and hands it on in one write when the kernel next reads
    /// (it reads when it waits for input: after a command's output, after the echo of what has arrived) or when
    /// 4 KiB have gathered. Each write to a pty or serial device costs a system call and, through
    /// System.IO.Ports, ~1.4 ms whatever its size, so per-byte echo and per-line output were what limited the
    /// line; the device's UART keeps its own driver buffer instead. Reads are gathered the same way: the line
    /// discipline asks for a small chunk at a time, this asks the host for all that has arrived.
    /// </summary>
    public sealed class CoalescingTty : ITty
    {
        private readonly ITty _inner;
        private readonly byte[] _out = new byte[4096];
        private int _len;
        private readonly byte[] _in = new byte[4096];
        private int _inPos, _inLen;

        public CoalescingTty(ITty inner) { _inner = inner; }

        // A command that looks for Ctrl-C (a sleep, a loop) is the moment its output so far goes out, as a read
        // is: `while true; do date; sleep 1; done` shows each date when it is printed.
        public bool HasInput()
        {
            Flush();
            return _inPos < _inLen || _inner.HasInput();
        }

        public int Read(byte[] buf, int off, int count)
        {
            if (_inPos == _inLen)
            {
                // Only now may the kernel wait on the host: what it wrote goes out first. While input that has
                // arrived is still being handed on (a paste, 16 bytes per read), its echo gathers: one write
                // per host read, not one per chunk.
                Flush();
                int n = _inner.Read(_in, 0, _in.Length);
                if (n <= 0) return n;
                _inPos = 0;
                _inLen = n;
            }
            int take = Math.Min(count, _inLen - _inPos);
            Buffer.BlockCopy(_in, _inPos, buf, off, take);
            _inPos += take;
            return take;
        }

        public void Write(byte[] buf, int off, int count)
        {
            if (count > _out.Length - _len) Flush();
            if (count >= _out.Length)
            {
                _inner.Write(buf, off, count);
                return;
            }
            Buffer.BlockCopy(buf, off, _out, _len, count);
            _len += count;
        }

        /// <summary>Hands on what has gathered (also before the simulator exits).</summary>
        public void Flush()
        {
            if (_len == 0) return;
            int n = _len;
            _len = 0;
            _inner.Write(_out, 0, n);
        }
    }
}
