using System;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace ProcNano.Benchmarks
{
    /// <summary>`ls /proc` with N tasks (per task, beyond the listing with none: goal 500 vs 10 at most 1.3x; a pid
    /// directory's name is formatted, a fixed entry's is a literal, so the cost per entry is not the measure), and
    /// /proc/maps with 1 000 regions
    /// beside what the usual C# way (string.Format into a StringBuilder) costs for the same lines.</summary>
    [MemoryDiagnoser]
    public class ProcBenchmarks
    {
        [Params(0, 10, 500)] public int TaskCount;
        private Kernel _k;
        private readonly byte[] _buf = new byte[4096];

        [GlobalSetup]
        public void Setup()
        {
            _k = Kernels.Boot(1100, 256);
            for (int i = 0; i < TaskCount; i++) Kernels.NewTask(_k, "t" + i);
            for (int i = 0; i < 1000; i++) _k.Sys.Mmap(_k.Init, 0, 256, Kernels.RW, Kernels.Anon, -1, 0);
        }

        /// <summary>Every entry of /proc, as ls reads them.</summary>
        [Benchmark]
        public int ListProc()
        {
            int fd = _k.Sys.Open(_k.Init, "/proc", File.O_RDONLY, 0);
            int n = 0;
            while (_k.Sys.ReadDir(_k.Init, fd, n, out _, out _) > 0) n++;
            _k.Sys.Close(_k.Init, fd);
            return n;
        }

        [Benchmark]
        public int ProcMaps()
        {
            int fd = _k.Sys.Open(_k.Init, "/proc/maps", File.O_RDONLY, 0);
            int total = 0, n;
            while ((n = _k.Sys.Read(_k.Init, fd, _buf, 0, _buf.Length)) > 0) total += n;
            _k.Sys.Close(_k.Init, fd);
            return total;
        }

        /// <summary>The same kind of lines (start-end perms offset dev inode) the usual way, for comparison.</summary>
        [Benchmark]
        public int ProcMapsStringFormatBaseline()
        {
            var sb = new StringBuilder();
            for (uint i = 0; i < 1000; i++)
                sb.Append(string.Format("{0:x8}-{1:x8} {2} {3:x8} {4:x2}:{5:x2} {6}\n", 0x20000000 + i * 256, 0x20000100 + i * 256, "rw-p", 0, 0, 0, 0));
            return Encoding.ASCII.GetByteCount(sb.ToString());
        }
    }
}
