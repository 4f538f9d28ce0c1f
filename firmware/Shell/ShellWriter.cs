namespace ProcNano
{
    /// <summary>
    /// The shell's output: text formatted into a fixed <see cref="OutBuf"/> and pushed, whenever it fills and
    /// at the end of every command, to one of three sinks: the tty (through the line discipline, so newlines
    /// become CRLF), an open file (a redirection, through the write syscall), or the kernel log (the boot
    /// script, one log line per output line). Never builds more than one buffer of text.
    /// </summary>
    public sealed class ShellWriter
    {
        private const int NumberRoom = 40;

        private readonly OutBuf _buf;
        private LineDiscipline _ld;
        private Syscalls _sys;
        private Task _task;
        // The open file written to (a redirection), or NoFd (the tty), or LogFd (the kernel log).
        private int _fd = NoFd;
        private const int NoFd = -1, LogFd = -2;
        private string _logPrefix;
        private int _error;

        public ShellWriter(int capacity) { _buf = new OutBuf(capacity); }

        /// <summary>The first -errno a redirected write met since the target was set (0 if none).</summary>
        public int Error => _error;
        public bool ToFile => _fd >= 0;
        /// <summary>The redirect target's descriptor in the shell task (-1 when not writing to a file).</summary>
        public int FileFd => _fd >= 0 ? _fd : NoFd;
        private bool ToLog => _fd == LogFd;

        public void TargetTty(LineDiscipline ld)
        {
            Flush();
            _ld = ld;
            _fd = NoFd;
            _error = 0;
        }

        public void TargetFile(Syscalls sys, Task task, int fd)
        {
            Flush();
            _sys = sys;
            _task = task;
            _fd = fd;
            _error = 0;
        }

        /// <summary>Lines go to the kernel log as <paramref name="task"/>'s writes (syslog), each prefixed.</summary>
        public void TargetLog(Syscalls sys, Task task, string prefix)
        {
            Flush();
            _sys = sys;
            _task = task;
            _logPrefix = prefix;
            _fd = LogFd;
            _error = 0;
        }

        public void Char(char c)
        {
            Room(1);
            _buf.Char(c);
        }

        public void Str(string s)
        {
            if (s == null) return;
            for (int i = 0; i < s.Length; i++)
            {
                Room(1);
                _buf.Char(s[i]);
            }
        }

        /// <summary>The string left-aligned in <paramref name="width"/> columns (at least one space after it
        /// if it is longer, so columns stay separable).</summary>
        public void StrLeft(string s, int width)
        {
            Str(s);
            int n = s == null ? 0 : s.Length;
            if (n >= width) Char(' ');
            for (int i = n; i < width; i++) Char(' ');
        }

        public void StrRight(string s, int width)
        {
            int n = s == null ? 0 : s.Length;
            for (int i = n; i < width; i++) Char(' ');
            Str(s);
        }

        public void Spaces(int n)
        {
            for (int i = 0; i < n; i++) Char(' ');
        }

        public void Line(string s)
        {
            Str(s);
            Char('\n');
        }

        public void Dec(long v) { Dec(v, 0); }

        /// <summary>%*ld: right-aligned in <paramref name="width"/> (negative: left-aligned).</summary>
        public void Dec(long v, int width)
        {
            Room(NumberRoom + (width < 0 ? -width : width));
            _buf.Dec(v, width, ' ');
        }

        /// <summary>%0*lx lower-case hex, zero padded to <paramref name="width"/>.</summary>
        public void Hex(ulong v, int width)
        {
            Room(NumberRoom + width);
            _buf.Hex(v, width, '0');
        }

        /// <summary>"0x%08x", the shell's way of printing an address.</summary>
        public void Addr(long v)
        {
            Str("0x");
            Hex((ulong)(uint)v, 8);
        }

        public void Bytes(byte[] b, int off, int count)
        {
            if (ToLog)
            {
                for (int i = 0; i < count; i++)
                {
                    Room(1);
                    _buf.Byte(b[off + i]);
                }
                return;
            }
            if (count > _buf.Capacity - _buf.Length) Flush();
            if (count >= _buf.Capacity)
            {
                Emit(b, off, count);
                return;
            }
            _buf.Bytes(b, off, count);
        }

        /// <summary>Pushes everything buffered to the sink.</summary>
        public void Flush()
        {
            if (_buf.Length == 0) return;
            if (ToLog) FlushLog(false);
            else
            {
                Emit(_buf.Buffer, 0, _buf.Length);
                _buf.Clear();
            }
        }

        /// <summary>Flush, and for the log sink also the last unterminated line.</summary>
        public void FlushAll()
        {
            if (ToLog && _buf.Length > 0) FlushLog(true);
            else Flush();
        }

        private void Room(int n)
        {
            if (_buf.Length + n > _buf.Capacity)
            {
                if (!ToLog)
                {
                    Flush();
                    return;
                }
                FlushLog(false);
                if (_buf.Length + n > _buf.Capacity) FlushLog(true);
            }
        }

        private void Emit(byte[] b, int off, int count)
        {
            if (count <= 0) return;
            if (_fd >= 0)
            {
                while (count > 0)
                {
                    int n = _sys.Write(_task, _fd, b, off, count);
                    if (n <= 0)
                    {
                        if (_error == 0) _error = n < 0 ? n : -Errno.EIO;
                        return;
                    }
                    off += n;
                    count -= n;
                }
            }
            else if (_ld != null) _ld.Write(b, off, count);
        }

        // Logs every complete line in the buffer (and the rest too if 'all'); keeps a partial line.
        private void FlushLog(bool all)
        {
            byte[] b = _buf.Buffer;
            int len = _buf.Length, start = 0;
            for (int i = 0; i < len; i++)
            {
                if (b[i] != (byte)'\n') continue;
                LogLine(b, start, i - start);
                start = i + 1;
            }
            if (all && start < len)
            {
                LogLine(b, start, len - start);
                start = len;
            }
            int rest = len - start;
            for (int i = 0; i < rest; i++) b[i] = b[start + i];
            _buf.Truncate(rest);
        }

        private void LogLine(byte[] b, int off, int n)
        {
            char[] c = new char[n];
            for (int i = 0; i < n; i++) c[i] = (char)b[off + i];
            _sys.LogWrite(_task, _logPrefix + new string(c));
        }
    }
}
