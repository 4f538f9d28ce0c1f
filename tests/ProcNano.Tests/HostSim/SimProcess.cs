using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Linq;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>Runs procnano-sim as a real process (dotnet procnano-sim.dll) in a fresh folder.</summary>
    internal static class SimProcess
    {
        public const int TimeoutMs = 60000;

        /// <summary>procnano-sim.dll next to the test assembly (the build copies it there), else the
        /// simulator's own build output.</summary>
        public static string Dll
        {
            get
            {
                string here = Path.Combine(AppContext.BaseDirectory, "procnano-sim.dll");
                if (System.IO.File.Exists(here)) return here;
                string root = typeof(SimProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Where(a => a.Key == "RepoRoot").Select(a => a.Value).First();
                foreach (string cfg in new[] { "Debug", "Release" })
                {
                    string p = Path.Combine(root, "host-sim", "bin", cfg, "net10.0", "procnano-sim.dll");
                    if (System.IO.File.Exists(p)) return Path.GetFullPath(p);
                }
                throw new FileNotFoundException("procnano-sim.dll not found; build host-sim first");
            }
        }

        public static string NewFolder()
        {
            string dir = Path.Combine(Path.GetTempPath(), "procnano-sim-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>A published simulator to test instead of the built dll (PROCNANO_SIM: a Native AOT or
        /// ReadyToRun binary, as host-sim/README.md publishes it), or null.</summary>
        public static string Binary => Environment.GetEnvironmentVariable("PROCNANO_SIM") is { Length: > 0 } b ? b : null;

        public static Process Start(string workDir, params string[] args)
        {
            var psi = new ProcessStartInfo(Binary ?? "dotnet")
            {
                WorkingDirectory = workDir,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (Binary == null) psi.ArgumentList.Add(Dll);
            foreach (string a in args) psi.ArgumentList.Add(a);
            psi.Environment["DOTNET_NOLOGO"] = "1";
            return Process.Start(psi);
        }

        /// <summary>Runs to completion with <paramref name="stdin"/> piped in (then closed).</summary>
        public static Result Run(string stdin, params string[] args) => RunIn(NewFolder(), stdin, args);

        /// <summary>Runs to completion in <paramref name="dir"/> with <paramref name="stdin"/> piped in.</summary>
        public static Result RunIn(string dir, string stdin, params string[] args)
        {
            using Process p = Start(dir, args);
            var outTask = p.StandardOutput.ReadToEndAsync();
            var errTask = p.StandardError.ReadToEndAsync();
            if (stdin != null) p.StandardInput.Write(stdin);
            p.StandardInput.Close();
            if (!p.WaitForExit(TimeoutMs))
            {
                p.Kill(true);
                Assert.Fail("procnano-sim did not exit within " + TimeoutMs + " ms: " + string.Join(" ", args));
            }
            p.WaitForExit();
            return new Result { Code = p.ExitCode, Out = outTask.Result, Err = errTask.Result, Folder = dir };
        }

        internal sealed class Result
        {
            public int Code;
            public string Out;
            public string Err;
            public string Folder;
            public override string ToString() => "exit " + Code + "\nstdout:\n" + Out + "\nstderr:\n" + Err;
        }
    }
}
