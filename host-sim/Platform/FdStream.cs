using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ProcNano.HostSim
{
    /// <summary>A Unix fd as a stream, through read(2) and write(2): the fd's own offset (shared with whoever
    /// else has the file open, O_APPEND honoured), as any Unix program writes its standard output.</summary>
    public sealed class FdStream : Stream
    {
        private readonly int _fd;
        private readonly FileAccess _access;

        public FdStream(int fd, FileAccess access)
        {
            _fd = fd;
            _access = access;
        }

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        private static extern unsafe nint SysRead(int fd, byte* buf, nint count);

        [DllImport("libc", EntryPoint = "write", SetLastError = true)]
        private static extern unsafe nint SysWrite(int fd, byte* buf, nint count);

        [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
        private static extern unsafe int SysPoll(PollFd* fds, nuint count, int timeoutMs);

        // struct pollfd: the same three fields on every Unix.
        [StructLayout(LayoutKind.Sequential)]
        private struct PollFd
        {
            public int Fd;
            public short Events, Revents;
        }

        private const int EINTR = 4, EAGAIN = 11;
        private const short POLLIN = 1;

        /// <summary>Waits up to <paramref name="ms"/> for the fd to have bytes (or its end, or an error) to
        /// read: a raw terminal's read (VMIN 1) or an idle pipe's would otherwise block until a key comes.</summary>
        public unsafe bool WaitReadable(int ms)
        {
            PollFd p = new PollFd { Fd = _fd, Events = POLLIN };
            int n = SysPoll(&p, 1, ms);
            // A failed poll (EINTR, or an fd poll cannot watch) says "try the read": it blocks as before.
            return n != 0;
        }

        public override bool CanRead => (_access & FileAccess.Read) != 0;
        public override bool CanWrite => (_access & FileAccess.Write) != 0;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override unsafe int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0) return 0;
            fixed (byte* p = &buffer[offset])
            {
                while (true)
                {
                    nint n = SysRead(_fd, p, count);
                    if (n >= 0) return (int)n;
                    int e = Marshal.GetLastPInvokeError();
                    if (e == EINTR) continue;
                    throw new IOException("read failed", e);
                }
            }
        }

        public override unsafe void Write(byte[] buffer, int offset, int count)
        {
            if (count == 0) return;
            fixed (byte* p = &buffer[offset])
            {
                int done = 0;
                while (done < count)
                {
                    nint n = SysWrite(_fd, p + done, count - done);
                    if (n > 0) { done += (int)n; continue; }
                    int e = Marshal.GetLastPInvokeError();
                    if (e == EINTR || e == EAGAIN) { System.Threading.Thread.Sleep(1); continue; }
                    throw new IOException("write failed", e);
                }
            }
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { throw new NotSupportedException(); }
    }
}
