using System;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Text;
using System.Threading;
using ProcNano;
using ProcNano.HostSim;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// Issue 11, finding 7: a paste of ~20 KB through a relay whose other end did not read stalled the
    /// simulator's output; after 5 s SerialTty took the write timeout for a hang-up, the session ended and the
    /// simulator exited 0, silently. A write timeout drops (and counts) output and keeps the line.
    /// </summary>
    public class SerialBurstTests
    {
        [SocatFact]
        public void WriteTimeout_IsNoHangUp_OutputDroppedAndCounted_TheLineWorksAfter()
        {
            string dir = SimProcess.NewFolder();
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
            var socatInfo = new ProcessStartInfo(SerialPtyTests.Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b }) socatInfo.ArgumentList.Add(arg);
            using Process socat = Process.Start(socatInfo);
            try
            {
                var sw = Stopwatch.StartNew();
                while (!(System.IO.File.Exists(a) && System.IO.File.Exists(b)) && sw.ElapsedMilliseconds < 30000) Thread.Sleep(20);
                using var other = new SerialPort(b, 115200) { ReadTimeout = 100, WriteTimeout = 5000 };
                other.Open();
                var stats = new UartStats(new BoardConfig());
                using var tty = new SerialTty(a, 115200, stats);

                // Nobody reads the other end: the relay's and the ptys' buffers fill, then writes time out.
                byte[] chunk = Encoding.ASCII.GetBytes(new string('x', 1023) + "\n");
                sw.Restart();
                while (stats.TxDropped == 0 && sw.ElapsedMilliseconds < 30000) tty.Write(chunk, 0, chunk.Length);
                Assert.True(stats.TxDropped > 0, "no write ever timed out");
                Assert.Equal(0, tty.Read(new byte[16], 0, 16));   // still open: nothing to read, not -1

                // The other end reads again: the line works.
                var buf = new byte[65536];
                sw.Restart();
                while (sw.ElapsedMilliseconds < 2000)
                {
                    try { other.Read(buf, 0, buf.Length); } catch (TimeoutException) { }
                }
                Thread.Sleep(600);
                byte[] ok = Encoding.ASCII.GetBytes("still here\n");
                var got = new StringBuilder();
                sw.Restart();
                while (!got.ToString().Contains("still here\n") && sw.ElapsedMilliseconds < 20000)
                {
                    tty.Write(ok, 0, ok.Length);
                    try
                    {
                        int n = other.Read(buf, 0, buf.Length);
                        got.Append(Encoding.ASCII.GetString(buf, 0, n));
                    }
                    catch (TimeoutException) { }
                }
                Assert.Contains("still here\n", got.ToString());
                other.Write("typed");
                var inbuf = new byte[16];
                int r = 0;
                sw.Restart();
                while (r == 0 && sw.ElapsedMilliseconds < 5000) r = tty.Read(inbuf, 0, inbuf.Length);
                Assert.Equal("typed", Encoding.ASCII.GetString(inbuf, 0, r));
            }
            finally
            {
                if (!socat.HasExited) socat.Kill();
            }
        }

        [Fact]
        public void UartProcFile_ShowsTheDrops()
        {
            var k = Boot.Host();
            Assert.Equal(0, k.Sys.InitModule(k.Init, "uart"));
            k.Uart.Stats.AddTxDropped(42);
            string text = System.Text.Encoding.ASCII.GetString(Files.Read(k, k.Init, "/proc/driver/uart"));
            Assert.Contains(" txdrop:42\n", text);
        }
    }
}
