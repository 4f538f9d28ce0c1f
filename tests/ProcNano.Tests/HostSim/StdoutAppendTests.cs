using System.Diagnostics;
using System.IO;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// Issue 11, finding 10: the simulator wrote its standard output through a FileStream at an offset of its
    /// own, so `{ sim -c "echo first"; sim -c "echo 2nd"; } > out` left "2nd\nt". It writes to the fd as any Unix
    /// program does: after whatever is there, for `>`, `>>` and pipes alike.
    /// </summary>
    public class StdoutAppendTests
    {
        private static string Bash(string dir, string script)
        {
            var psi = new ProcessStartInfo("bash") { WorkingDirectory = dir, UseShellExecute = false, RedirectStandardOutput = true };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(script);
            psi.Environment["SIM"] = "dotnet " + SimProcess.Dll;
            using var p = Process.Start(psi);
            string o = p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(SimProcess.TimeoutMs));
            Assert.Equal(0, p.ExitCode);
            return o;
        }

        [SkippableFact]
        public void TwoRunsIntoOneRedirection_BothOutputsKept_InOrder()
        {
            Skip.If(System.OperatingSystem.IsWindows());
            string dir = SimProcess.NewFolder();
            Bash(dir, "{ $SIM --bare -c 'echo first'; $SIM --bare -c 'echo 2nd'; } > out");
            Assert.Equal("first\n2nd\n", System.IO.File.ReadAllText(Path.Combine(dir, "out")));
            Bash(dir, "echo head > app; $SIM --bare -c 'echo tail' >> app; $SIM --bare -c 'echo more' >> app");
            Assert.Equal("head\ntail\nmore\n", System.IO.File.ReadAllText(Path.Combine(dir, "app")));
            Assert.Equal("x\nfirst\n2nd\n", Bash(dir, "{ echo x; $SIM --bare -c 'echo first'; $SIM --bare -c 'echo 2nd'; } | cat"));
            // Errors go to fd 2 in -c mode (issue 12); joined with 2>&1 they stay in order with the output, and
            // an appending redirection of fd 2 keeps what is there.
            Bash(dir, "{ echo a; $SIM --bare -c 'cat /nope; echo b'; echo c; } > mixed 2>&1");
            Assert.Equal("a\ncat: /nope: No such file or directory\nb\nc\n", System.IO.File.ReadAllText(Path.Combine(dir, "mixed")));
            Bash(dir, "echo old > errs; $SIM --bare -c 'cat /nope; echo b' > outs 2>> errs");
            Assert.Equal("b\n", System.IO.File.ReadAllText(Path.Combine(dir, "outs")));
            Assert.Equal("old\ncat: /nope: No such file or directory\n", System.IO.File.ReadAllText(Path.Combine(dir, "errs")));
        }
    }
}
