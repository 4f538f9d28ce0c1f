using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProcNano.Tests.Build;
using Xunit;

namespace ProcNano.Tests.Device
{
    /// <summary>
    /// Builds the virtual device once per test run (firmware/VirtualDevice/run-nanoclr.sh --build-only) and runs
    /// every board and script the device tests read, side by side, on nanoCLR. nanoCLR's folder is
    /// $PROCNANO_NANOCLR, else shared/nanoclr beside the checkout. Without it, or where it cannot run (no
    /// qemu-user and 32-bit libraries), <see cref="Unavailable"/> says why and the tests skip with that reason.
    /// </summary>
    public sealed class DeviceFixture
    {
        /// <summary>The boards and the heap each firmware leaves (the defaults of run-nanoclr.sh; see its comment
        /// and nanoFramework's published figures): devkitc --heap 90000 (~80 KB free at Main), C3 54,472 B (ESP32_C3 with BLE),
        /// S3 quad PSRAM ~800 KB, WROVER ~3.7 MB.</summary>
        public static readonly (string Board, long Heap)[] Boards =
        {
            ("esp32-devkitc", 90000), ("esp32-c3", 54472), ("esp32-wrover", 3700000), ("esp32-s3", 800000),
        };

        public static readonly string[] Scripts = { "demo", "maps" };

        /// <summary>The boards the self-test runs on (the script loads ProcNano.SelfTest.pe): both without PSRAM, and
        /// one with 1 KiB pages.</summary>
        public static readonly string[] SelfTestBoards = { "esp32-devkitc", "esp32-c3", "esp32-s3" };

        /// <summary>Heaps a little below the C3's, where the boot script's execs run out of heap part-way (nanoCLR
        /// takes stack frames from the heap, so any call can throw): the self-test must still find every table
        /// consistent. Run one after another, after the C3's own self-test run (they share its run folder).</summary>
        public static readonly long[] TightC3Heaps = { 53025, 53200, 53425, 53450, 53700, 53900 };

        private const int BuildTimeoutMs = 240000;
        private const int RunTimeoutMs = 120000;

        private readonly Dictionary<string, System.Threading.Tasks.Task<DeviceRun>> _runs = new Dictionary<string, System.Threading.Tasks.Task<DeviceRun>>();
        private readonly string _buildFailure;

        public string NanoClrDir { get; }
        public string Script { get; }
        /// <summary>Why the device tier cannot run here (null when it can).</summary>
        public string Unavailable { get; }

        public DeviceFixture()
        {
            Script = RepoPaths.Combine("firmware", "VirtualDevice", "run-nanoclr.sh");
            string env = Environment.GetEnvironmentVariable("PROCNANO_NANOCLR");
            NanoClrDir = Path.GetFullPath(string.IsNullOrEmpty(env) ? Path.Combine(RepoPaths.Root, "..", "shared", "nanoclr") : env);
            Unavailable = Probe();
            if (Unavailable != null)
            {
                Console.Error.WriteLine("DEVICE TESTS SKIPPED: " + Unavailable);
                return;
            }
            var build = Run(RepoPaths.Root, BuildTimeoutMs, "--build-only");
            if (build.Code != 0)
            {
                _buildFailure = $"run-nanoclr.sh --build-only failed (exit {build.Code}):\n{build.Out}";
                return;
            }
            // Two runs per core at most: each is a small compile and convert, then the emulated runtime.
            var gate = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
            foreach (var (board, heap) in Boards)
            {
                foreach (string script in Scripts.Concat(SelfTestBoards.Contains(board) ? new[] { "selftest" } : new string[0]))
                {
                    _runs[Key(board, script)] = System.Threading.Tasks.Task.Run(async () =>
                    {
                        await gate.WaitAsync();
                        try
                        {
                            var r = Run(RepoPaths.Root, RunTimeoutMs, "--no-build", "--board", board,
                                "--heap", heap.ToString(), "--script", script);
                            return DeviceRun.Parse(board, script, heap, r.Code, r.Out);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    });
                }
            }
            var c3 = _runs[Key("esp32-c3", "selftest")];
            foreach (long heap in TightC3Heaps)
            {
                var previous = c3;
                long h = heap;
                c3 = System.Threading.Tasks.Task.Run(async () =>
                {
                    await previous;
                    var r = Run(RepoPaths.Root, RunTimeoutMs, "--no-build", "--board", "esp32-c3", "--heap", h.ToString(), "--script", "selftest");
                    return DeviceRun.Parse("esp32-c3", "selftest", h, r.Code, r.Out);
                });
                _runs[Key("esp32-c3@" + h, "selftest")] = c3;
            }
        }

        /// <summary>The run of <paramref name="script"/> on <paramref name="board"/>; skips (with the reason) where
        /// the tier cannot run; fails if the build failed.</summary>
        public DeviceRun Get(string board, string script)
        {
            Skip.If(Unavailable != null, "DEVICE TESTS SKIPPED: " + Unavailable);
            Assert.True(_buildFailure == null, _buildFailure);
            Assert.True(_runs.ContainsKey(Key(board, script)), $"no run of {board} {script} in the fixture");
            return _runs[Key(board, script)].GetAwaiter().GetResult();
        }

        private static string Key(string board, string script) => board + "/" + script;

        // Null when nanoCLR is there and runs here; else why not, with what to do.
        private string Probe()
        {
            string nanoclr = Path.Combine(NanoClrDir, "nanoclr");
            if (!System.IO.File.Exists(nanoclr) || !System.IO.File.Exists(Path.Combine(NanoClrDir, "mdp.sh")))
                return $"no nanoCLR at {NanoClrDir} (set PROCNANO_NANOCLR to the folder with nanoclr and mdp.sh)";
            string mscorlibPe = Path.Combine(Path.GetDirectoryName(RepoPaths.NanoMscorlibDll), "mscorlib.pe");
            if (!System.IO.File.Exists(mscorlibPe)) return $"{mscorlibPe} is missing (dotnet restore)";
            // mscorlib alone has no Main: a runtime that works loads it and says so.
            var r = Exec("bash", RepoPaths.Root, 60000, nanoclr, mscorlibPe);
            if (!r.Out.Contains("Cannot find any entrypoint") && !r.Out.Contains("Ready."))
                return "nanoCLR does not run on this machine (it is 32-bit Linux code; install qemu-user libc6-i386 " +
                    $"lib32stdc++6 lib32gcc-s1): exit {r.Code}: {Last(r.Out, 400)}";
            return null;
        }

        private (int Code, string Out) Run(string dir, int timeoutMs, params string[] args)
        {
            return Exec("bash", dir, timeoutMs, new[] { Script }.Concat(args).ToArray());
        }

        private (int Code, string Out) Exec(string file, string dir, int timeoutMs, params string[] args)
        {
            var psi = new ProcessStartInfo(file)
            {
                WorkingDirectory = dir,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string a in args) psi.ArgumentList.Add(a);
            psi.Environment["PROCNANO_NANOCLR"] = NanoClrDir;
            psi.Environment["DOTNET_NOLOGO"] = "1";
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            // The test host runs under dotnet test's MSBuild: keep its settings out of the nested build.
            foreach (string k in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || k == "MSBUILD_EXE_PATH" || k == "MSBUILDNOINPROCNODE").ToList())
                psi.Environment.Remove(k);
            using Process p = Process.Start(psi);
            p.StandardInput.Close();
            var err = p.StandardError.ReadToEndAsync();
            var outp = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(timeoutMs))
            {
                try { p.Kill(true); } catch (InvalidOperationException) { }
                return (-1, $"timed out after {timeoutMs} ms: {file} {string.Join(" ", args)}\n{outp.Result}{err.Result}");
            }
            p.WaitForExit();
            return (p.ExitCode, outp.Result + err.Result);
        }

        private static string Last(string s, int n) => s.Length <= n ? s : "..." + s.Substring(s.Length - n);
    }

    [CollectionDefinition("Device")]
    public sealed class DeviceCollection : ICollectionFixture<DeviceFixture> { }
}
