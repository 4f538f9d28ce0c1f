using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>procnano-sim --attach against a "board" that is another simulator serving its shell on one end
    /// of a socat pty pair: one snapshot as JSON, and the board's console is left at its prompt.</summary>
    public class AttachPtyTests
    {
        [SocatFact]
        public void Attach_WithoutWeb_PrintsOneSnapshot_AndLeavesTheConsoleUsable()
        {
            string dir = SimProcess.NewFolder();
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
            var socatInfo = new ProcessStartInfo(SerialPtyTests.Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b }) socatInfo.ArgumentList.Add(arg);
            using Process socat = Process.Start(socatInfo);
            Process board = null;
            try
            {
                var sw = Stopwatch.StartNew();
                while (!(System.IO.File.Exists(a) && System.IO.File.Exists(b)) && sw.ElapsedMilliseconds < 30000) Thread.Sleep(20);
                board = SimProcess.Start(dir, "--serial", a, "--board", "esp32-devkitc");
                var r = SimProcess.RunIn(dir, null, "--attach", b);
                Assert.True(r.Code == 0, r.ToString());
                JsonElement s = JsonDocument.Parse(r.Out).RootElement;
                Assert.Equal("esp32-devkitc", s.GetProperty("board").GetString());
                Assert.Equal(256, s.GetProperty("pageSize").GetInt32());
                Assert.Equal(64, s.GetProperty("pages").GetInt32());
                Assert.Equal(64, s.GetProperty("owners").GetArrayLength());
                var regions = s.GetProperty("regions").EnumerateArray().ToArray();
                Assert.Contains(regions, x => x.GetProperty("kind").GetString() == "rom" && x.GetProperty("file").GetString() == "/bin/hold");
                Assert.Contains(regions, x => x.GetProperty("shm").GetBoolean() && x.GetProperty("kind").GetString() == "direct");
                Assert.Equal(9, s.GetProperty("tasks").GetArrayLength());
                Assert.All(s.GetProperty("tasks").EnumerateArray(), t => Assert.True(t.GetProperty("memBytes").GetInt64() > 0));
                // Every page is accounted for: a region, free, or held.
                Assert.All(s.GetProperty("owners").EnumerateArray(), o => Assert.True(o.GetInt32() >= -2));

                // The board's console is at its prompt for the next user.
                using var port = new SerialPort(b, 115200) { ReadTimeout = 100 };
                port.Open();
                port.Write("echo alive\r");
                var got = new StringBuilder();
                var buf = new byte[256];
                sw.Restart();
                while (!got.ToString().Contains("alive\r\nnsh> ") && sw.ElapsedMilliseconds < 30000)
                {
                    try { got.Append(Encoding.Latin1.GetString(buf, 0, port.Read(buf, 0, buf.Length))); }
                    catch (System.TimeoutException) { }
                }
                Assert.Contains("alive\r\nnsh> ", got.ToString());
            }
            finally
            {
                if (board != null && !board.HasExited) board.Kill(true);
                if (!socat.HasExited) socat.Kill(true);
            }
        }
    }
}
