using System;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Text;
using System.Threading;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>Runs only where socat(1) is installed (CI installs it: apt-get install socat).</summary>
    public sealed class SocatFactAttribute : FactAttribute
    {
        public SocatFactAttribute()
        {
            if (SerialPtyTests.Socat == null) Skip = "socat not found on PATH: install it (apt-get install socat) to run the pty test";
        }
    }

    /// <summary>A theory that runs only where socat(1) is installed.</summary>
    public sealed class SocatTheoryAttribute : TheoryAttribute
    {
        public SocatTheoryAttribute()
        {
            if (SerialPtyTests.Socat == null) Skip = "socat not found on PATH: install it (apt-get install socat) to run the pty test";
        }
    }

    /// <summary>
    /// The simulator serving its shell on one end of a socat pty pair, reached through System.IO.Ports on
    /// the other end at 115200 baud: exactly how a user reaches the ESP32's UART.
    /// </summary>
    public class SerialPtyTests
    {
        private const int WaitMs = 30000;

        public static string Socat
        {
            get
            {
                foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
                {
                    string p = Path.Combine(dir, "socat");
                    if (dir.Length > 0 && System.IO.File.Exists(p)) return p;
                }
                return null;
            }
        }

        [SocatFact]
        public void Serial_OverAPtyPair_ProcExecPsErrorsLongLinesNoiseCtrlCAndExit()
        {
            string dir = SimProcess.NewFolder();
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
            var socatInfo = new ProcessStartInfo(Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b }) socatInfo.ArgumentList.Add(arg);
            using Process socat = Process.Start(socatInfo);
            socat.ErrorDataReceived += (s, e) => { };
            socat.BeginErrorReadLine();
            Process sim = null;
            try
            {
                var sw = Stopwatch.StartNew();
                while (!(System.IO.File.Exists(a) && System.IO.File.Exists(b)) && sw.ElapsedMilliseconds < WaitMs) Thread.Sleep(20);
                Assert.True(System.IO.File.Exists(a) && System.IO.File.Exists(b), "socat did not create the pty links");

                using var port = new SerialPort(b, 115200) { ReadTimeout = 100, WriteTimeout = 5000 };
                port.Open();
                sim = SimProcess.Start(dir, "--serial", a, "--bare");
                var line = new Line(port);

                line.WaitFor("nsh> ");
                line.Send("echo hello\r");
                Assert.Equal("echo hello\r\nhello\r\nnsh> ", line.WaitFor("nsh> "));

                // The memory report if procfs has it, else the version line.
                line.Send("cat /proc/meminfo\r");
                string mi = line.WaitFor("nsh> ");
                Assert.StartsWith("cat /proc/meminfo\r\n", mi);
                if (mi.Contains("cat: /proc/meminfo: No such file or directory\r\n"))
                {
                    line.Send("cat /proc/version\r");
                    Assert.Matches("^cat /proc/version\r\nLinux version .*\r\nnsh> $", line.WaitFor("nsh> "));
                }
                else
                {
                    Assert.Matches("\r\nMemTotal: +[0-9]+ kB\r\n", mi);
                    Assert.DoesNotMatch("[^\r]\n", mi);   // every newline went out as CRLF
                }

                // A program started from the line, then listed.
                line.Send("exec /bin/hold 1\r");
                var started = System.Text.RegularExpressions.Regex.Match(line.WaitFor("nsh> "), "^exec /bin/hold 1\r\n([0-9]+)\r\nnsh> $");
                Assert.True(started.Success, "exec did not print a pid");
                line.Send("ps\r");
                string ps = line.WaitFor("nsh> ");
                Assert.Matches("\r\n +" + started.Groups[1].Value + " +[0-9]+ root +S +[0-9]+ +[0-9]+ +[0-9]+ /bin/hold 1\r\n", ps);

                // The line's own byte counters, through the uart driver.
                line.Send("insmod uart; cat /proc/driver/uart\r");
                var c1 = System.Text.RegularExpressions.Regex.Match(line.WaitFor("nsh> "), " tx:([0-9]+) rx:([0-9]+)\r\n");
                Assert.True(c1.Success, "no counters in /proc/driver/uart");
                line.Send("cat /proc/driver/uart\r");
                var c2 = System.Text.RegularExpressions.Regex.Match(line.WaitFor("nsh> "), " tx:([0-9]+) rx:([0-9]+)\r\n");
                Assert.True(long.Parse(c2.Groups[1].Value) > long.Parse(c1.Groups[1].Value));
                Assert.Equal(long.Parse(c1.Groups[2].Value) + "cat /proc/driver/uart\r".Length, long.Parse(c2.Groups[2].Value));

                line.Send("nosuch arg\r");
                Assert.Equal("nosuch arg\r\nsh: nosuch: command not found\r\nnsh> ", line.WaitFor("nsh> "));

                line.Send("echo " + new string('L', 400) + "\r");
                string longAnswer = line.WaitFor("nsh> ");
                Assert.EndsWith("\a\r\nsh: line too long (max 256 bytes)\r\nnsh> ", longAnswer);
                Assert.Equal(256, longAnswer.IndexOf('\a'));  // echo stopped at the limit

                // Binary noise (no CR, LF or Ctrl-C, so no line is ever submitted), then Ctrl-C drops it, then a command.
                var noise = new byte[4096];
                new Random(42).NextBytes(noise);
                // Tab too: it completes, and a list of names goes out on lines of its own (EditingPtyTests).
                for (int i = 0; i < noise.Length; i++) if (noise[i] == 13 || noise[i] == 10 || noise[i] == 3 || noise[i] == 9) noise[i] = 0;
                line.Send(noise);
                line.Send("\x03");
                string interrupted = line.WaitFor("^C\r\nnsh> ");
                Assert.DoesNotContain("internal error", interrupted);
                Assert.DoesNotContain("\n", interrupted.Substring(0, interrupted.Length - "^C\r\nnsh> ".Length));   // nothing ran
                line.Send("echo alive\r");
                Assert.Equal("echo alive\r\nalive\r\nnsh> ", line.WaitFor("nsh> "));

                line.Send("exit\r");
                Assert.True(sim.WaitForExit(WaitMs), "the simulator did not exit");
                Assert.Equal(0, sim.ExitCode);
            }
            finally
            {
                if (sim != null && !sim.HasExited) sim.Kill(true);
                if (!socat.HasExited) socat.Kill(true);
            }
        }

        [SocatFact]
        public void Terminal_RawMode_TheKernelLineDisciplineServesTheUser()
        {
            // socat runs the simulator with a pty as its controlling terminal (stdin and stdout), as a user's
            // terminal emulator would; the other end is opened here.
            string dir = SimProcess.NewFolder();
            string t = Path.Combine(dir, "t");
            var info = new ProcessStartInfo(Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add("pty,raw,echo=0,link=" + t);
            info.ArgumentList.Add("EXEC:" + (SimProcess.Binary ?? "dotnet " + SimProcess.Dll) + " --bare --timing --flash " + Path.Combine(dir, "flash") + ",pty,setsid,ctty,stderr");
            using Process socat = Process.Start(info);
            socat.BeginErrorReadLine();
            try
            {
                var sw = Stopwatch.StartNew();
                while (!System.IO.File.Exists(t) && sw.ElapsedMilliseconds < WaitMs) Thread.Sleep(20);
                using var port = new SerialPort(t, 115200) { ReadTimeout = 100, WriteTimeout = 5000 };
                port.Open();
                var line = new Line(port);
                // --timing goes to stderr (the same terminal), then the prompt; nothing else (no escape codes).
                Assert.Matches(@"^procnano-sim: kernel boot \d+ ms, first prompt \d+ ms after Main, \d+ ms after process start\r\nnsh> $", line.WaitFor("nsh> "));
                line.Send("echo hi\x7fx\r");   // DEL erases: the terminal's own editing is off
                Assert.Equal("echo hi\b \bx\r\nhx\r\nnsh> ", line.WaitFor("nsh> "));
                line.Send("ec\x03");          // Ctrl-C reaches the line discipline, not a signal
                Assert.Equal("ec^C\r\nnsh> ", line.WaitFor("nsh> "));
                line.Send("\x1b[A\r");        // up arrow
                Assert.Equal("echo hx\r\nhx\r\nnsh> ", line.WaitFor("nsh> "));
                line.Send("exit 3\r");
                Assert.True(socat.WaitForExit(WaitMs), "the simulator did not exit");
            }
            finally
            {
                if (!socat.HasExited) socat.Kill(true);
            }
        }

        /// <summary>The simulator on one end of a socat pty pair, the test's SerialPort on the other.</summary>
        internal static (Process socat, Process sim, SerialPort port, Line line) SerialPair(string dir, params string[] simArgs)
        {
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
            var socatInfo = new ProcessStartInfo(Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b }) socatInfo.ArgumentList.Add(arg);
            Process socat = Process.Start(socatInfo);
            var sw = Stopwatch.StartNew();
            while (!(System.IO.File.Exists(a) && System.IO.File.Exists(b)) && sw.ElapsedMilliseconds < WaitMs) Thread.Sleep(20);
            Assert.True(System.IO.File.Exists(a) && System.IO.File.Exists(b), "socat did not create the pty links");
            var port = new SerialPort(b, 115200) { ReadTimeout = 100, WriteTimeout = 5000 };
            port.Open();
            var args = new System.Collections.Generic.List<string> { "--serial", a };
            args.AddRange(simArgs);
            Process sim = SimProcess.Start(dir, args.ToArray());
            return (socat, sim, port, new Line(port));
        }

        [SocatTheory]
        [InlineData(false)]
        [InlineData(true)]
        public void Serial_PeerDisconnects_SimulatorExitsCleanly(bool midOutput)
        {
            string dir = SimProcess.NewFolder();
            var (socat, sim, port, line) = SerialPair(dir, "--bare");
            var stderr = sim.StandardError.ReadToEndAsync();
            try
            {
                line.WaitFor("nsh> ");
                line.Send("echo 7 > /flash/x; cat /flash/x\r");
                line.WaitFor("7\r\nnsh> ");
                if (midOutput)
                {
                    // Far more output than the pty pair buffers, and nobody reading it.
                    line.Send("mmap 0x40000 rw- private\r");
                    string addr = System.Text.RegularExpressions.Regex.Match(line.WaitFor("nsh> "), "0x[0-9a-f]{8}").Value;
                    line.Send("hexdump " + addr + " 0x40000\r");
                    Thread.Sleep(500);
                }
                // The other end of the line goes away: the pty pair is torn down.
                port.Dispose();
                socat.Kill(true);
                Assert.True(sim.WaitForExit(WaitMs), "the simulator did not exit when the line went away");
                Assert.Equal(0, sim.ExitCode);
                Assert.True(stderr.Wait(WaitMs));
                Assert.Equal("", stderr.Result);   // no exception, no stack trace
            }
            finally
            {
                if (!sim.HasExited) sim.Kill(true);
                if (!socat.HasExited) socat.Kill(true);
                socat.Dispose();
                sim.Dispose();
            }
        }

        /// <summary>The user's side of the serial line: send bytes, collect answers.</summary>
        internal sealed class Line
        {
            private readonly SerialPort _port;
            private readonly StringBuilder _pending = new StringBuilder();
            private readonly byte[] _buf = new byte[1024];

            public Line(SerialPort port) { _port = port; }

            public void Send(string s) => Send(Encoding.Latin1.GetBytes(s));

            public void Send(byte[] b) => _port.Write(b, 0, b.Length);

            /// <summary>Everything received up to and including the next <paramref name="end"/>.</summary>
            public string WaitFor(string end)
            {
                var sw = Stopwatch.StartNew();
                while (sw.ElapsedMilliseconds < WaitMs)
                {
                    string s = _pending.ToString();
                    int at = s.IndexOf(end, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        _pending.Remove(0, at + end.Length);
                        return s.Substring(0, at + end.Length);
                    }
                    try
                    {
                        int n = _port.Read(_buf, 0, _buf.Length);
                        _pending.Append(Encoding.Latin1.GetString(_buf, 0, n));
                    }
                    catch (TimeoutException)
                    {
                    }
                }
                throw new Xunit.Sdk.XunitException("waited for '" + end.Replace("\r", "\\r").Replace("\n", "\\n") + "', got '"
                    + _pending.ToString().Replace("\r", "\\r").Replace("\n", "\\n") + "'");
            }
        }
    }
}
