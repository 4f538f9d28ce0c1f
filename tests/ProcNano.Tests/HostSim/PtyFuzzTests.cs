using System;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Text;
using System.Threading;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// The grammar fuzzer over a real pty (shorter: the serial line echoes byte by byte): the simulator serves
    /// its shell on one end of a socat pair, the test types fuzzed lines (as uid 1000, so the run cannot take the
    /// system down on purpose) and random bytes on the other at full speed, reading as it goes. The simulator must
    /// still be running, never print "internal error", and answer at the end. PROCNANO_PTY_FUZZ_LINES scales it.
    /// </summary>
    public class PtyFuzzTests
    {
        private static int Lines => int.TryParse(Environment.GetEnvironmentVariable("PROCNANO_PTY_FUZZ_LINES"), out int n) && n > 0 ? n : 150;

        [SocatFact]
        public void FuzzedLinesOverAPty_TheSimulatorSurvivesAndAnswers()
        {
            string dir = SimProcess.NewFolder();
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
            var socatInfo = new ProcessStartInfo(SerialPtyTests.Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b }) socatInfo.ArgumentList.Add(arg);
            using Process socat = Process.Start(socatInfo);
            Process sim = null;
            try
            {
                var sw = Stopwatch.StartNew();
                while (!(System.IO.File.Exists(a) && System.IO.File.Exists(b)) && sw.ElapsedMilliseconds < 30000) Thread.Sleep(20);
                using var port = new SerialPort(b, 115200) { ReadTimeout = 50, WriteTimeout = 10000 };
                port.Open();
                sim = SimProcess.Start(dir, "--serial", a, "--bare");
                var got = new StringBuilder();
                var buf = new byte[8192];
                void Pump(int ms)
                {
                    var t = Stopwatch.StartNew();
                    do
                    {
                        try { int n = port.Read(buf, 0, buf.Length); got.Append(Encoding.Latin1.GetString(buf, 0, n)); }
                        catch (TimeoutException) { }
                    } while (t.ElapsedMilliseconds < ms);
                }
                string WaitFor(string s, int from)
                {
                    var t = Stopwatch.StartNew();
                    while (got.ToString().IndexOf(s, from, StringComparison.Ordinal) < 0 && t.ElapsedMilliseconds < 20000) Pump(20);
                    Assert.True(got.ToString().IndexOf(s, from, StringComparison.Ordinal) >= 0, "no '" + s + "' from the simulator");
                    return got.ToString().Substring(from);
                }
                WaitFor("nsh> ", 0);
                port.Write("su 1000\r");
                WaitFor("nsh> ", got.Length);

                var rnd = new Random(99);
                for (int i = 0; i < Lines; i++)
                {
                    string line = ProcNano.Tests.Shell.GrammarFuzzTests.Line(rnd);
                    if (line.StartsWith("kill") || line.StartsWith("su")) line = "echo " + line;   // keep this one session
                    byte[] bytes = Encoding.Latin1.GetBytes(line + (rnd.Next(2) == 0 ? "\r" : "\r\n"));
                    if (rnd.Next(20) == 0)
                    {
                        var noise = new byte[64];
                        rnd.NextBytes(noise);
                        port.Write(noise, 0, noise.Length);
                        port.Write("\x03");
                    }
                    int at = got.Length;
                    port.Write(bytes, 0, bytes.Length);
                    // Paced by the prompt: a line that hangs the simulator is named.
                    try { WaitFor("nsh> ", at); }
                    catch (Exception) { throw new Exception("no prompt after line " + i + ": " + line.Replace("\x1b", "ESC")); }
                    Assert.False(sim.HasExited, "the simulator exited after line " + i + ": " + line);
                }
                int mark = got.Length;
                port.Write("\x03echo fuzz-end\r");
                Assert.Contains("fuzz-end\r\n", WaitFor("fuzz-end\r\n", mark));
                Assert.DoesNotContain("internal error", got.ToString());
                Assert.False(sim.HasExited);
            }
            finally
            {
                if (sim != null && !sim.HasExited) sim.Kill();
                if (!socat.HasExited) socat.Kill();
            }
        }
    }
}
