using System.Text;
using ProcNano;
using ProcNano.HostSim;

namespace ProcNano.Tests.Proc.Generic
{
    /// <summary>A platform with a fixed clock and fixed managed heap numbers (so meminfo is exact), and a
    /// temporary folder as flash.</summary>
    public sealed class FixedPlatform : IPlatform
    {
        private readonly IStorage _flash = HostPlatform.WithTempFlash().Flash;
        public long HeapTotal = 81920, HeapFree = 40960;
        public long UptimeMs => 0;
        public long UnixTime => 1700000000;
        public IStorage Flash => _flash;
        public long ManagedHeapTotal => HeapTotal;
        public long ManagedHeapFree => HeapFree;
    }

    /// <summary>Kernels for the generic-file tests, read through the syscall API as a program would.</summary>
    public static class GenKit
    {
        public static Kernel Boot(int pages = 256, int pageSize = 4096, int nrTrim = 1, FixedPlatform p = null)
        {
            var b = new BoardConfig { ArenaPages = pages, PageSize = pageSize, NrTrimPages = nrTrim };
            return ProcNano.Tests.Boot.Board(b, p ?? new FixedPlatform());
        }

        public static string Cat(Kernel k, Task t, string path)
        {
            return Encoding.ASCII.GetString(Files.Read(k, t, path));
        }

        /// <summary>The whole file read <paramref name="chunk"/> bytes at a time.</summary>
        public static string CatChunked(Kernel k, Task t, string path, int chunk)
        {
            int fd = k.Sys.Open(t, path, File.O_RDONLY, 0);
            if (fd < 0) throw new System.Exception(path + ": " + Errno.StrError(fd));
            var sb = new StringBuilder();
            var buf = new byte[chunk];
            int n;
            while ((n = k.Sys.Read(t, fd, buf, 0, chunk)) > 0) sb.Append(Encoding.ASCII.GetString(buf, 0, n));
            k.Sys.Close(t, fd);
            if (n < 0) throw new System.Exception(path + ": " + Errno.StrError(n));
            return sb.ToString();
        }

        /// <summary>The value of a "Name:   N kB" line of /proc/meminfo.</summary>
        public static long Meminfo(Kernel k, string name)
        {
            foreach (string line in Cat(k, k.Init, "/proc/meminfo").Split('\n'))
            {
                if (line.StartsWith(name + ":"))
                {
                    string v = line.Substring(16, 8).Trim();
                    return long.Parse(v);
                }
            }
            throw new System.Exception("no " + name + " in /proc/meminfo");
        }

        /// <summary>A "%-16s%8lu kB" meminfo line, written out by hand.</summary>
        public static string Line(string label, long kb)
        {
            return label.PadRight(16) + kb.ToString().PadLeft(8) + " kB\n";
        }
    }
}
