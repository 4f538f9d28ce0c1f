using System.IO;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>Issue 12: the simulator as a Unix program runs it from a script: errors on fd 2 in -c, --script
    /// and piped mode, the exit status the last command's, the language's constructs end to end.</summary>
    public class ShellStreamsTests
    {
        [Fact]
        public void DashC_ErrorsGoToStderr_OutputToStdout()
        {
            var r = SimProcess.Run(null, "--bare", "-c", "echo out; cat /nope; echo more");
            Assert.Equal("out\nmore\n", r.Out);
            Assert.Equal("cat: /nope: No such file or directory\n", r.Err);
            Assert.Equal(0, r.Code);
        }

        [Fact]
        public void Piped_ErrorsGoToStderr_ExitStatusIsTheLastCommands()
        {
            var r = SimProcess.Run("echo a\nnosuch\n", "--bare");
            Assert.Equal("a\n", r.Out);
            Assert.Equal("sh: nosuch: command not found\n", r.Err);
            Assert.Equal(127, r.Code);
            Assert.Equal(1, SimProcess.Run("true\nfalse\n", "--bare").Code);
        }

        [Fact]
        public void DashC_ExitStatus_FollowsTheLanguage()
        {
            Assert.Equal(1, SimProcess.Run(null, "--bare", "-c", "true && false").Code);
            Assert.Equal(0, SimProcess.Run(null, "--bare", "-c", "false || true").Code);
            var r = SimProcess.Run(null, "--bare", "-c", "if true; then echo x");
            Assert.Equal(2, r.Code);
            Assert.Equal("", r.Out);
            Assert.Equal("sh: syntax error: unexpected end of file\n", r.Err);
            Assert.Equal(5, SimProcess.Run(null, "--bare", "-c", "if [ -d /proc ]; then exit 5; fi; exit 6").Code);
        }

        [Fact]
        public void Script_IfAndWhileAcrossLines_ExportedEnvironmentReachesAProgram()
        {
            string dir = SimProcess.NewFolder();
            string script = Path.Combine(dir, "t.sh");
            System.IO.File.WriteAllText(script,
                "export MODE=test\nexec /bin/hold 1 &\nP=$!\nif [ -n \"$P\" ]\nthen\n  cat /proc/$P/environ > /tmp/env\nfi\nI=\n" +
                "while [ \"$I\" != xx ]\ndo\n  I=${I}x\ndone\necho I=$I\nkill $P\nwait $P\necho status $?\ncat /tmp/env\n");
            var r = SimProcess.RunIn(dir, null, "--bare", "--script", script);
            Assert.Equal("", r.Err);
            Assert.Matches(@"^\[1\] \d+\nI=xx\nstatus 143\nMODE=test\0$", r.Out);
            Assert.Equal(0, r.Code);
        }
    }
}
