using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProcNano.HostSim
{
    /// <summary>
    /// Puts the terminal on stdin in raw mode (cfmakeraw: no line editing, no echo, no signals, no output
    /// processing) so the kernel's own line discipline sees every byte, exactly as on a UART; and puts it
    /// back. Talks to libc directly and reaches the terminal through plain file streams on fds 0/1/2, never
    /// System.Console: .NET's console layer would send its own escape sequences (keypad mode, cursor
    /// queries) and re-apply the cooked settings whenever a child process ends.
    /// </summary>
    public sealed class RawTerminal : IDisposable
    {
        // Larger than struct termios on every libc we run on (glibc 60 bytes, macOS 72): the layout never
        // matters, the bytes are only saved, handed to cfmakeraw and restored.
        private const int TermiosBytes = 256;
        private const int TCSANOW = 0;

        private readonly byte[] _saved;
        private bool _restored;

        private RawTerminal(byte[] saved) { _saved = saved; }

        [DllImport("libc", EntryPoint = "isatty")]
        private static extern int IsATty(int fd);

        [DllImport("libc", EntryPoint = "tcgetattr")]
        private static extern int TcGetAttr(int fd, byte[] termios);

        [DllImport("libc", EntryPoint = "tcsetattr")]
        private static extern int TcSetAttr(int fd, int when, byte[] termios);

        [DllImport("libc", EntryPoint = "cfmakeraw")]
        private static extern void CfMakeRaw(byte[] termios);

        /// <summary>True if fd 0 is a terminal (false on Windows or when libc is not there).</summary>
        public static bool StdinIsTerminal()
        {
            try
            {
                return !OperatingSystem.IsWindows() && IsATty(0) == 1;
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return false;
            }
        }

        /// <summary>Switches stdin's terminal to raw mode; null if it is not a terminal or that failed.</summary>
        public static RawTerminal Enter()
        {
            if (!StdinIsTerminal()) return null;
            var saved = new byte[TermiosBytes];
            if (TcGetAttr(0, saved) != 0) return null;
            var raw = (byte[])saved.Clone();
            CfMakeRaw(raw);
            if (TcSetAttr(0, TCSANOW, raw) != 0) return null;
            var t = new RawTerminal(saved);
            AppDomain.CurrentDomain.ProcessExit += (s, e) => t.Dispose();
            return t;
        }

        /// <summary>Restores the settings found at <see cref="Enter"/> (once).</summary>
        public void Dispose()
        {
            if (_restored) return;
            _restored = true;
            TcSetAttr(0, TCSANOW, _saved);
        }

        /// <summary>An unbuffered stream on a standard fd that bypasses System.Console. On Unix it is read(2) and
        /// write(2) on the fd itself: a FileStream over a file keeps an offset of its own and writes there
        /// (pwrite), so a second program's output into the same `> out` overwrote the first's.</summary>
        public static Stream Fd(int fd, FileAccess access)
        {
            if (!OperatingSystem.IsWindows()) return new FdStream(fd, access);
            return new FileStream(new SafeFileHandle((IntPtr)fd, false), access, 1);
        }
    }
}
