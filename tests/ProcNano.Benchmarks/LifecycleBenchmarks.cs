using BenchmarkDotNet.Attributes;

namespace ProcNano.Benchmarks
{
    /// <summary>exec+exit of a program, the sharing lookup of a read-only file map among N regions, and what a
    /// nanoFramework user does without ProcNano: one new byte[] per buffer.</summary>
    [MemoryDiagnoser]
    public class LifecycleBenchmarks
    {
        [Params(10, 1000, 10000)] public int Regions;
        private Kernel _k;
        private int _fd;

        [GlobalSetup]
        public void Setup()
        {
            _k = Kernels.Boot(Regions + 128, 256);
            Kernels.WriteFile(_k, "/tmp/shared", 256);
            _fd = _k.Sys.Open(_k.Init, "/tmp/shared", File.O_RDONLY, 0);
            _k.Sys.Mmap(_k.Init, 0, 256, Vm.PROT_READ, Vm.MAP_PRIVATE, _fd, 0);   // the region later maps share
            for (int i = 0; i < Regions; i++) _k.Sys.Mmap(_k.Init, 0, 256, Kernels.RW, Kernels.Anon, -1, 0);
        }

        /// <summary>A read-only map of a range already mapped: found among the regions and shared.</summary>
        [Benchmark]
        public int SharedMapLookup()
        {
            long a = _k.Sys.Mmap(_k.Init, 0, 256, Vm.PROT_READ, Vm.MAP_PRIVATE, _fd, 0);
            return _k.Sys.Munmap(_k.Init, (uint)a, 256);
        }

        [Benchmark]
        public int ExecExit() => _k.Sys.Exec(_k.Init, "/bin/true", new[] { "true" }, 0);

        [Benchmark]
        public byte[] NewByteArray256() => new byte[256];
    }
}
