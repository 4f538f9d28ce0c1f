using System;
using System.Text;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.PidFiles
{
    /// <summary>Reading /proc/&lt;pid&gt;/ files through the syscalls, as a user program would.</summary>
    public static class PidKit
    {
        /// <summary>Starts a program as a child of <paramref name="parent"/>; returns the task.</summary>
        public static Task Exec(Kernel k, Task parent, string prog, params string[] args)
        {
            var argv = new string[args.Length + 1];
            argv[0] = prog;
            Array.Copy(args, 0, argv, 1, args.Length);
            int pid = k.Sys.Exec(parent, "/bin/" + prog, argv, 0);
            Assert.True(pid > 0, prog + ": " + Errno.StrError(pid));
            return k.Sys.FindTask(parent, pid);
        }

        public static string Path(Task target, string file) => "/proc/" + target.Tgid + "/" + file;

        /// <summary>The whole file read with reads of <paramref name="chunk"/> bytes.</summary>
        public static string Cat(Kernel k, Task reader, string path, int chunk = 4096)
        {
            int fd = k.Sys.Open(reader, path, File.O_RDONLY, 0);
            Assert.True(fd >= 0, path + ": " + Errno.StrError(fd));
            try { return ReadAll(k, reader, fd, chunk); }
            finally { k.Sys.Close(reader, fd); }
        }

        public static string ReadAll(Kernel k, Task reader, int fd, int chunk = 4096)
        {
            var sb = new StringBuilder();
            var buf = new byte[chunk];
            int n;
            while ((n = k.Sys.Read(reader, fd, buf, 0, chunk)) > 0) sb.Append(Encoding.ASCII.GetString(buf, 0, n));
            Assert.True(n == 0, "read: " + Errno.StrError(n));
            return sb.ToString();
        }

        /// <summary>The first read's result (bytes or -errno).</summary>
        public static int ReadOnce(Kernel k, Task reader, int fd, int count = 64)
        {
            return k.Sys.Read(reader, fd, new byte[count], 0, count);
        }

        public static int OpenRead(Kernel k, Task reader, string path) => k.Sys.Open(reader, path, File.O_RDONLY, 0);

        /// <summary>Writes text to a file; the write's result (count or -errno), or the open's error.</summary>
        public static int WriteText(Kernel k, Task writer, string path, string text)
        {
            int fd = k.Sys.Open(writer, path, File.O_WRONLY, 0);
            if (fd < 0) return fd;
            byte[] b = Encoding.ASCII.GetBytes(text);
            int r = k.Sys.Write(writer, fd, b, 0, b.Length);
            k.Sys.Close(writer, fd);
            return r;
        }

        /// <summary>"Label:" line's value, e.g. Value(status, "Slack:").</summary>
        public static string Line(string text, string label)
        {
            foreach (var l in text.Split('\n')) if (l.StartsWith(label)) return l;
            throw new InvalidOperationException(label + " missing in:\n" + text);
        }

        /// <summary>A maps line as the printf format would print it, built independently of the kernel's OutBuf.</summary>
        public static string MapsLine(long start, long end, string perms, long offset, int major, int minor, long ino, string path)
        {
            string head = string.Format("{0:x8}-{1:x8} {2} {3:x8} {4:x2}:{5:x2} {6} ", start, end, perms, offset, major, minor, ino);
            if (path == null) return head + "\n";
            return (head.Length >= 49 ? head + " " : head.PadRight(49)) + path + "\n";
        }
    }
}
