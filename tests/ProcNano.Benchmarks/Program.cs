using System;
using BenchmarkDotNet.Running;

namespace ProcNano.Benchmarks
{
    /// <summary>
    /// `dotnet run -c Release --project tests/ProcNano.Benchmarks` runs BenchmarkDotNet as usual (pick benchmarks,
    /// --filter ...); `... -- --report` runs a short pass of every benchmark in this process and writes
    /// docs/PERFORMANCE.md and docs/performance-mmap.png (see Report).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--report") return Report.Run(args.Length > 1 ? args[1] : null);
            if (args.Length > 0 && args[0] == "--scenario") { System.Console.Write(SharedTextScenario.Table(args.Length > 1 ? args[1] : System.IO.Directory.GetCurrentDirectory())); return 0; }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
