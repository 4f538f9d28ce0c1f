using BenchmarkDotNet.Attributes;

namespace ProcNano.Benchmarks
{
    /// <summary>mmap+munmap of a one-page anonymous map with N regions already live, held by one task or spread
    /// over ten: the cost of the region tree and the VMA list as they grow (goal: 10 000 vs 10 at most 3x, 2x).</summary>
    public class MmapBenchmarks
    {
        [Params(10, 100, 1000, 10000)] public int LiveRegions;
        [Params(1, 10)] public int Tasks;
        private Kernel _k;
        private Task _t;

        [GlobalSetup]
        public void Setup()
        {
            // 256-byte pages keep a 10 000-region arena small; every live map is one page.
            _k = Kernels.Boot(LiveRegions + 64, 256);
            var tasks = new Task[Tasks];
            for (int i = 0; i < Tasks; i++) tasks[i] = Kernels.NewTask(_k, "t" + i);
            for (int i = 0; i < LiveRegions; i++) _k.Sys.Mmap(tasks[i % Tasks], 0, 256, Kernels.RW, Kernels.Anon, -1, 0);
            _t = tasks[0];
        }

        [Benchmark]
        public int MmapMunmapOnePage()
        {
            long a = _k.Sys.Mmap(_t, 0, 256, Kernels.RW, Kernels.Anon, -1, 0);
            return _k.Sys.Munmap(_t, (uint)a, 256);
        }
    }
}
