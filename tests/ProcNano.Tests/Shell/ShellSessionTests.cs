using System.Linq;
using ProcNano.HostSim;
using ProcNano;
using Xunit;
using KKernel = ProcNano.Kernel;
using KShell = ProcNano.Shell;

namespace ProcNano.Tests.Shell
{
    /// <summary>The shell as a session over a tty: prompt, echo, CRLF, Ctrl-C, long lines, its own task, and
    /// the boot script.</summary>
    public class ShellSessionTests
    {
        private static KKernel Boot() => ProcNano.Tests.Boot.Board(new BoardConfig());

        [Fact]
        public void Run_Interactive_PromptsEchoesAndAnswersInCrLf()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("echo hi\rexit 5\r");
            Assert.Equal(5, Getty.RunSession(k.Sys, k.Uart.Stats, tty, true));
            Assert.Equal("nsh> echo hi\r\nhi\r\nnsh> exit 5\r\n", tty.Output);
        }

        [Fact]
        public void Run_NonInteractive_NoPromptNoEchoPlainNewlines()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("echo a\nnosuch\necho b\n");
            Assert.Equal(0, Getty.RunSession(k.Sys, k.Uart.Stats, tty, false));
            Assert.Equal("a\nsh: nosuch: command not found\nb\n", tty.Output);
        }

        [Fact]
        public void Run_EndOfInput_EndsTheSession_WithTheLastStatus()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("nosuch\n");
            Assert.Equal(127, Getty.RunSession(k.Sys, k.Uart.Stats, tty, false));
        }

        [Fact]
        public void Run_CtrlC_DropsTheLine_NewPrompt_Status130()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("echo never\x03");
            var sh = new KShell(k.Sys, k.Uart.Stats, tty);
            Assert.Equal(130, sh.ServeTty());
            Assert.Equal("nsh> echo never^C\r\nnsh> ", tty.Output);
        }

        [Fact]
        public void Run_OverlongLine_RefusedWithAMessage_ShellGoesOn()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("echo " + new string('x', 400) + "\recho ok\r");
            var sh = new KShell(k.Sys, k.Uart.Stats, tty);
            Assert.Equal(0, sh.ServeTty());
            string o = tty.Output;
            Assert.Contains("\r\nsh: line too long (max 256 bytes)\r\nnsh> echo ok\r\nok\r\n", o);
            Assert.DoesNotContain(new string('x', 252), o.Replace("\r\n", ""));
        }

        [Theory]
        [InlineData("", 128 + 15)]
        [InlineData("-9 ", 128 + 9)]
        public void KillingTheShellsOwnTask_EndsTheSession_LikeASignalledSh(string sig, int status)
        {
            KKernel k = Boot();
            var tty = new MemoryTty();
            var sh = new KShell(k.Sys, k.Uart.Stats, tty);
            int pid = sh.Task.Pid.NrIn(sh.Task.PidNs);
            tty.Type("kill " + sig + pid + "; echo same line\recho next line\r");
            Assert.Equal(status, sh.ServeTty());
            Assert.True(sh.Exited);
            Assert.Equal("nsh> kill " + sig + pid + "; echo same line\r\n", tty.Output);   // nothing ran after the kill
            Assert.Equal(Task.Dead, sh.Task.State);
        }

        [Fact]
        public void Serve_ShellKilledByItsOwnKill_ANewSessionPrompts()
        {
            KKernel k = Boot();
            // The first session's shell is the first task after init; the next line must reach a live shell.
            var tty = new MemoryTty().Type("kill 2\rcat /proc/self/comm\r");
            Getty.Serve(k.Sys, k.Uart.Stats, tty, null);
            Assert.Contains("nsh> cat /proc/self/comm\r\nsh\r\n", tty.Output);
        }

        [Fact]
        public void Run_CalledAgainAfterExit_StartsANewSession()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("exit 1\r");
            var sh = new KShell(k.Sys, k.Uart.Stats, tty);
            Assert.Equal(1, sh.ServeTty());
            tty.Type("echo again\rexit 0\r");
            Assert.Equal(0, sh.ServeTty());
            Assert.EndsWith("nsh> echo again\r\nagain\r\nnsh> exit 0\r\n", tty.Output);
        }

        [Fact]
        public void Shell_RunsAsItsOwnTask_ChildOfInit_NamedSh()
        {
            KKernel k = Boot();
            int before = k.Tasks.Count;
            var sh = new KShell(k.Sys, k.Uart.Stats, new MemoryTty());
            Assert.Equal(before + 1, k.Tasks.Count);
            Assert.Same(k.Init, sh.Task.Parent);
            Assert.Equal("sh", sh.Task.Comm);
            Assert.True(k.Tasks.All.IndexOf(sh.Task) >= 0);
        }

        [Fact]
        public void Shell_TaskStateIsRunningOnlyWhileACommandRuns()
        {
            var h = new ShellHarness();
            Assert.Equal(Task.Sleeping, h.Task.State);
            h.Run("cat /proc/self/status", out string o);
            Assert.Contains("\nState:\tR (running)\n", o);
            Assert.Equal(Task.Sleeping, h.Task.State);
        }

        [Fact]
        public void BootScript_OutputGoesToTheKernelLog_EachCommandTraced_ConsoleStaysClean()
        {
            var h = new ShellHarness();
            int status = h.Sh.RunBootScript("# comment\n\necho booted\r\nnosuch\n");
            Assert.Equal(127, status);
            Assert.Equal("", h.Tty.Output);
            Assert.True(h.K.Log.Contains("rc: + echo booted\n"));
            Assert.True(h.K.Log.Contains("rc: booted\n"));
            Assert.True(h.K.Log.Contains("rc: sh: nosuch: command not found\n"));
            Assert.False(h.K.Log.Contains("+ # comment"));
            // Afterwards the shell talks to its tty again.
            Assert.Equal("back\n", h.Out("echo back"));
        }

        [Fact]
        public void BootScript_ExitEndsTheScriptOnly()
        {
            var h = new ShellHarness();
            h.Sh.RunBootScript("echo one\nexit 3\necho two\n");
            Assert.True(h.K.Log.Contains("rc: one"));
            Assert.False(h.K.Log.Contains("rc: two"));
            Assert.False(h.Sh.Exited);
            Assert.Equal(0, h.Sh.Status);
        }

        [Fact]
        public void BootScript_LongOutputLine_IsSplitNotLost()
        {
            var h = new ShellHarness();
            string word = new string('y', 600);
            h.Sh.RunBootScript("echo " + word + "\n");
            Assert.True(h.K.Log.Contains("rc: " + new string('y', 100)));
            Assert.True(h.K.Log.Contains(new string('y', 88) + "\n"));  // the tail: 600 = 256 + 256 + 88
        }

        [Fact]
        public void RunScript_StopsAtExit_ReturnsItsStatus()
        {
            var h = new ShellHarness();
            Assert.Equal(6, h.Sh.RunScript("echo a\nexit 6\necho b"));
            Assert.Equal("a\n", h.Tty.Output);
        }

        [Fact]
        public void Execute_LineLongerThanTheShellLimit_IsRefused()
        {
            var h = new ShellHarness();
            Assert.Equal(1, h.Run("echo " + new string('z', 2000), out string o));
            Assert.Equal("sh: line too long (max 1024 bytes)\n", o);
        }

        [Fact]
        public void FirstPrompt_IsLoggedWithItsTime()
        {
            KKernel k = Boot();
            Getty.RunSession(k.Sys, k.Uart.Stats, new MemoryTty(), true);
            Assert.True(k.Log.Contains("sh: first prompt at "));
        }

        [Fact]
        public void Output_IsWrittenInBufferSizedPieces_NotCharByChar()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("help\n");
            Getty.RunSession(k.Sys, k.Uart.Stats, tty, false);
            Assert.True(tty.OutputBytes.Length > 1000);
            Assert.True(tty.Writes < tty.OutputBytes.Length / 100, "writes: " + tty.Writes);
        }
    }
}
