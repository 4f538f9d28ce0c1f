using System;
using BenchmarkDotNet.Attributes;

namespace ProcNano.Benchmarks
{
    /// <summary>A private (copied) map of a ramfs file, mmap+munmap, beside Buffer.BlockCopy of as many bytes: the
    /// copy at memory speed (goal: at least 0.8x of BlockCopy at 1 MiB, 0.5x at 64 KiB).</summary>
    public class CopyBenchmarks
    {
        [Params(65536, 1048576)] public int Bytes;
        private Kernel _k;
        private int _fd;
        private byte[] _src, _dst;

        [GlobalSetup]
        public void Setup()
        {
            _k = Kernels.Boot(3 * Bytes / 4096 + 64);
            Kernels.WriteFile(_k, "/tmp/f", Bytes);
            _fd = _k.Sys.Open(_k.Init, "/tmp/f", File.O_RDONLY, 0);
            _src = new byte[Bytes];
            _dst = new byte[Bytes];
        }

        [Benchmark(Baseline = true)]
        public void BlockCopy() => Buffer.BlockCopy(_src, 0, _dst, 0, Bytes);

        [Benchmark]
        public int PrivateCopyMap()
        {
            long a = _k.Sys.Mmap(_k.Init, 0, Bytes, Kernels.RW, Vm.MAP_PRIVATE, _fd, 0);
            return _k.Sys.Munmap(_k.Init, (uint)a, Bytes);
        }
    }
}
