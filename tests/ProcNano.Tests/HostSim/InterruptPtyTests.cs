using System.Diagnostics;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// Ctrl-C and waiting through a real pty, as the simulator's own terminal (raw mode: a read waits for a
    /// key) and as a serial line: a sleep ends on time with no key pressed, a loop's output shows as it is
    /// printed, Ctrl-C ends a while loop (one of builtins too) and the rest of its line, with status 130.
    /// </summary>
    public class InterruptPtyTests
    {
        [SocatTheory]
        [InlineData(false)]
        [InlineData(true)]
        public void OverAPty_SleepEndsUnprompted_CtrlCEndsAWhileLoopAndItsLine(bool terminal)
        {
            using var session = new PtySession(SimProcess.NewFolder(), terminal);
            var line = session.Line;
            line.WaitFor("nsh> ");
            var sw = Stopwatch.StartNew();
            line.Send("sleep 1; echo slept\r");
            Assert.Equal("sleep 1; echo slept\r\nslept\r\nnsh> ", line.WaitFor("nsh> "));
            Assert.True(sw.ElapsedMilliseconds >= 1000 && sw.ElapsedMilliseconds < 4000, "sleep 1 took " + sw.ElapsedMilliseconds + " ms");

            line.Send("while true; do echo tick; sleep 0.2; done; echo after\r");
            line.WaitFor("tick\r\n");
            line.WaitFor("tick\r\n");   // the second tick arrives without a key: output goes out as it is made
            line.Send("\x03");
            string end = line.WaitFor("nsh> ");
            Assert.EndsWith("^C\r\nnsh> ", end);
            Assert.DoesNotContain("after", end);
            line.Send("echo $?\r");
            Assert.Equal("echo $?\r\n130\r\nnsh> ", line.WaitFor("nsh> "));

            // A loop of builtins only: no sleep polls for the key, the loop itself does.
            line.Send("while true; do i=1; done\r");
            line.WaitFor("done\r\n");
            System.Threading.Thread.Sleep(300);
            sw.Restart();
            line.Send("\x03");
            Assert.Equal("^C\r\nnsh> ", line.WaitFor("nsh> "));
            Assert.True(sw.ElapsedMilliseconds < 5000, "Ctrl-C took " + sw.ElapsedMilliseconds + " ms");
            line.Send("echo $?; echo still here\r");
            Assert.Equal("echo $?; echo still here\r\n130\r\nstill here\r\nnsh> ", line.WaitFor("nsh> "));

            session.Exit();
        }
    }
}
