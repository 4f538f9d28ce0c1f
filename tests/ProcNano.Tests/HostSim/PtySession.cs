using System;
using System.Diagnostics;
using System.IO.Ports;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>The simulator's shell over a real pty: as the terminal of its own stdin and stdout (raw mode,
    /// through socat) or on a `--serial` line, the test holding the other end.</summary>
    internal sealed class PtySession : IDisposable
    {
        private const int WaitMs = 30000;
        public readonly Process Socat, Sim;
        public readonly SerialPort Port;
        public readonly SerialPtyTests.Line Line;

        public PtySession(string dir, bool terminal)
        {
            if (terminal) (Socat, Port, Line) = EditingPtyTests.Terminal(dir);
            else (Socat, Sim, Port, Line) = SerialPtyTests.SerialPair(dir, "--bare");
        }

        /// <summary>Types `exit` and waits for the simulator to end (with status 0 where it is the test's child).</summary>
        public void Exit()
        {
            Line.Send("exit\r");
            if (Sim != null)
            {
                Assert.True(Sim.WaitForExit(WaitMs), "the simulator did not exit");
                Assert.Equal(0, Sim.ExitCode);
            }
            else Assert.True(Socat.WaitForExit(WaitMs), "the simulator did not exit");
        }

        public void Dispose()
        {
            if (Sim != null && !Sim.HasExited) Sim.Kill(true);
            if (!Socat.HasExited) Socat.Kill(true);
            Port.Dispose();
            Socat.Dispose();
            Sim?.Dispose();
        }
    }
}
