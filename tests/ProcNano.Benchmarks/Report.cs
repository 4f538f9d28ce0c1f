using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ProcNano.Benchmarks
{
    /// <summary>
    /// The published figures: a short BenchmarkDotNet pass (in process, few iterations: minutes, not hours) over
    /// every benchmark, the goal table computed from it as ratios measured side by side in one run, the raw
    /// results, and a plot of mmap cost against live regions.
    /// </summary>
    internal static class Report
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static int Run(string repoRoot)
        {
            repoRoot ??= FindRepoRoot();
            var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short");
            var config = ManualConfig.CreateMinimumViable().AddJob(job).AddDiagnoser(MemoryDiagnoser.Default)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            Summary[] runs = BenchmarkRunner.Run(typeof(Program).Assembly, config);
            var results = runs.SelectMany(s => s.Reports).Where(r => r.ResultStatistics != null).ToList();

            var md = new StringBuilder();
            md.Append("# Performance\n\n");
            md.Append("Measured by `dotnet run -c Release --project tests/ProcNano.Benchmarks -- --report` (a short\n");
            md.Append("BenchmarkDotNet pass, in process; this file and `performance-mmap.png` are its output).\n");
            md.Append("Machine: " + Environment.ProcessorCount + " cores, " + Environment.OSVersion + ", .NET " + Environment.Version
                + "; run " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Inv) + " UTC. Ratios compare cases of one run.\n\n");
            md.Append("## Goals\n\n| figure | measured | goal |\n|---|---|---|\n");
            Goal(md, "mmap+munmap, 1 page, 10 000 vs 10 live regions, one task",
                Mean(results, "MmapMunmapOnePage", ("LiveRegions", 10000), ("Tasks", 1)) / Mean(results, "MmapMunmapOnePage", ("LiveRegions", 10), ("Tasks", 1)), "x", "≤ 3x", r => r <= 3);
            Goal(md, "same, regions spread over 10 tasks",
                Mean(results, "MmapMunmapOnePage", ("LiveRegions", 10000), ("Tasks", 10)) / Mean(results, "MmapMunmapOnePage", ("LiveRegions", 10), ("Tasks", 10)), "x", "≤ 2x", r => r <= 2);
            Goal(md, "private copy map of a 1 MiB ramfs file vs Buffer.BlockCopy of 1 MiB (speed)",
                Mean(results, "BlockCopy", ("Bytes", 1048576)) / Mean(results, "PrivateCopyMap", ("Bytes", 1048576)), "x", "≥ 0.8x", r => r >= 0.8);
            Goal(md, "same at 64 KiB",
                Mean(results, "BlockCopy", ("Bytes", 65536)) / Mean(results, "PrivateCopyMap", ("Bytes", 65536)), "x", "≥ 0.5x", r => r >= 0.5);
            double l0 = Mean(results, "ListProc", ("TaskCount", 0));
            Goal(md, "`ls /proc` cost per task (beyond the listing with none), 500 vs 10 tasks",
                (Mean(results, "ListProc", ("TaskCount", 500)) - l0) / 500 / ((Mean(results, "ListProc", ("TaskCount", 10)) - l0) / 10), "x", "≤ 1.3x", r => r <= 1.3);
            md.Append("\n## The serial line and the start-up\n\n");
            md.Append("`host-sim/measure-serial.sh` (a pty pair through socat, the simulator serving `--serial` on one end; a\n");
            md.Append("115200-baud UART carries 11.25 KiB/s), run by this pass:\n\n```\n" + Script(repoRoot, "host-sim/measure-serial.sh") + "```\n\n");
            md.Append("`host-sim/measure-startup.sh --publish aot` (Native AOT, the fastest start; see host-sim/README.md):\n\n```\n"
                + Script(repoRoot, "host-sim/measure-startup.sh", "-n", "10", "--publish", "aot") + "```\n\n");

            md.Append("## Shared text: N tasks, one program file\n\n");
            md.Append("MmapCopy after N execs of `/bin/hold` copied to `/flash` (flashfs maps by copy only): one file, whose text\n");
            md.Append("copy every task shares, against one file per task (a text copy each, as a loader without shared regions\n");
            md.Append("makes: NuttX's hostfs gives 3 tasks 3 copies). Data and stack are per task either way.\n\n");
            md.Append(SharedTextScenario.Table(repoRoot) + "\n");

            md.Append("## Every result\n\n| benchmark | parameters | mean | allocated/op |\n|---|---|---|---|\n");
            foreach (var r in results.OrderBy(r => r.BenchmarkCase.Descriptor.Type.Name).ThenBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name))
            {
                var c = r.BenchmarkCase;
                string p = string.Join(", ", c.Parameters.Items.Select(i => i.Name + "=" + i.Value));
                long? bytes = r.GcStats.GetBytesAllocatedPerOperation(c);
                md.Append("| " + c.Descriptor.Type.Name + "." + c.Descriptor.WorkloadMethod.Name + " | " + p + " | "
                    + Time(r.ResultStatistics.Mean) + " | " + (bytes.HasValue ? bytes.Value + " B" : "-") + " |\n");
            }
            md.Append("\n![mmap+munmap cost against live regions](performance-mmap.png)\n");
            string docs = Path.Combine(repoRoot, "docs");
            System.IO.File.WriteAllText(Path.Combine(docs, "PERFORMANCE.md"), md.ToString());
            Plot(results, Path.Combine(docs, "performance-mmap.png"));
            Console.WriteLine("wrote " + Path.Combine(docs, "PERFORMANCE.md"));
            return 0;
        }

        private static void Goal(StringBuilder md, string what, double value, string unit, string goal, Func<double, bool> met)
        {
            string v = double.IsNaN(value) ? "not measured" : value.ToString("0.00", Inv) + unit + (met(value) ? " ✔" : " ✘");
            md.Append("| " + what + " | " + v + " | " + goal + " |\n");
        }

        private static double Mean(List<BenchmarkReport> rs, string method, params (string Name, object Value)[] ps)
        {
            var r = rs.FirstOrDefault(x => x.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
                && ps.All(p => Equals(x.BenchmarkCase.Parameters[p.Name], p.Value)));
            return r == null ? double.NaN : r.ResultStatistics.Mean;
        }

        // A measurement script's output (it prints its own figures), or why it could not run.
        private static string Script(string root, string script, params string[] args)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            psi.ArgumentList.Add(Path.Combine(root, script));
            foreach (string a in args) psi.ArgumentList.Add(a);
            try
            {
                using var p = System.Diagnostics.Process.Start(psi);
                var err = p.StandardError.ReadToEndAsync();
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                return p.ExitCode == 0 ? output : "failed (exit " + p.ExitCode + "): " + err.Result + "\n";
            }
            catch (Exception e) { return "could not run: " + e.Message + "\n"; }
        }

        private static string Time(double ns) => ns < 1000 ? ns.ToString("0.0", Inv) + " ns"
            : ns < 1e6 ? (ns / 1e3).ToString("0.00", Inv) + " µs" : (ns / 1e6).ToString("0.00", Inv) + " ms";

        private static void Plot(List<BenchmarkReport> rs, string path)
        {
            var plt = new ScottPlot.Plot();
            foreach (int tasks in new[] { 1, 10 })
            {
                var pts = rs.Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == "MmapMunmapOnePage"
                        && Equals(r.BenchmarkCase.Parameters["Tasks"], tasks))
                    .Select(r => (X: Convert.ToDouble(r.BenchmarkCase.Parameters["LiveRegions"]), Y: r.ResultStatistics.Mean))
                    .OrderBy(p => p.X).ToArray();
                if (pts.Length == 0) continue;
                var s = plt.Add.Scatter(pts.Select(p => Math.Log10(p.X)).ToArray(), pts.Select(p => p.Y).ToArray());
                s.LegendText = tasks == 1 ? "one task" : "ten tasks";
            }
            plt.Title("mmap+munmap of one page");
            plt.XLabel("live regions (log10)");
            plt.YLabel("ns per mmap+munmap");
            plt.ShowLegend();
            plt.SavePng(path, 800, 450);
        }

        private static string FindRepoRoot()
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d != null && !System.IO.File.Exists(Path.Combine(d.FullName, "ProcNano.sln"))) d = d.Parent;
            return d?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
