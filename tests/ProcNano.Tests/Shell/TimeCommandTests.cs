using System.Diagnostics;
using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>sleep, time, watch, date: waiting on the kernel's clock, Ctrl-C from the tty, date's calendar.</summary>
    public class TimeCommandTests
    {
        [Fact]
        public void Sleep_Waits_FractionsToo()
        {
            var h = new ShellHarness();
            var sw = Stopwatch.StartNew();
            Assert.Equal(0, h.Run("sleep 0.3", out string o));
            Assert.Equal("", o);
            Assert.InRange(sw.ElapsedMilliseconds, 280, 3000);
        }

        [Fact]
        public void Sleep_CtrlC_StopsIt_Status130()
        {
            var h = new ShellHarness();
            h.Tty.StayOpen = true;
            h.Tty.Type(3);
            var sw = Stopwatch.StartNew();
            Assert.Equal(130, h.Run("sleep 20", out _));
            Assert.True(sw.ElapsedMilliseconds < 5000);
        }

        [Fact]
        public void Sleep_TypeAheadWithoutCtrlC_StaysForTheNextLine()
        {
            var h = new ShellHarness();
            h.Tty.StayOpen = true;
            h.Tty.Type("echo hi\n");
            Assert.Equal(0, h.Run("sleep 0.1", out _));
            Assert.Equal(7, h.Ld.ReadLine());
        }

        [Fact]
        public void Sleep_BadInput()
        {
            var h = new ShellHarness();
            Assert.Equal(1, h.Run("sleep abc", out string o));
            Assert.Equal("sleep: invalid number 'abc'\n", o);
            Assert.Equal(1, h.Run("sleep", out o));
            Assert.Equal("Usage: sleep SECONDS\n", o);
            Assert.Equal(0, h.Run("sleep -h", out o));
            Assert.StartsWith("Usage: sleep SECONDS\n", o);
        }

        [Theory]
        [InlineData("1", 1000)]
        [InlineData("0.5", 500)]
        [InlineData("1.25", 1250)]
        [InlineData("2m", 120000)]
        [InlineData("1h", 3600000)]
        [InlineData(".1", 100)]
        [InlineData("x", -1)]
        [InlineData("1.2.3", -1)]
        [InlineData("", -1)]
        public void Millis_ParsesSleepsArgument(string s, long ms) { Assert.Equal(ms, TimeCommands.Millis(s)); }

        [Fact]
        public void Time_RunsTheCommand_PrintsRealAndMemory_KeepsItsStatus()
        {
            var h = new ShellHarness();
            Assert.Equal(0, h.Run("time mmap 8192 rw- private", out string o));
            string[] lines = o.Split('\n');
            Assert.StartsWith("0x", lines[0]);
            Assert.Matches(@"^real\t0m 0\.\d\ds$", lines[1]);
            Assert.Equal("arena\t+8 kB", lines[2]);
            Assert.StartsWith("heap\t", lines[3]);
            Assert.Equal(1, h.Run("time cat /nosuch", out o));
            Assert.StartsWith(ShellHarness.Error("cat", "/nosuch", -Errno.ENOENT) + "real\t", o);
            Assert.Equal(1, h.Run("time", out o));
            Assert.StartsWith("Usage: time", o);
        }

        [Fact]
        public void Time_KeepsWordsWithBlanksAndQuotes()
        {
            var h = new ShellHarness();
            h.Run("time echo 'a  b' \"it's\" 'x;y'", out string o);
            Assert.StartsWith("a  b it's x;y\n", o);
            Assert.Equal("'a  b' \"it's\" plain", TimeCommands.Join(new[] { "a  b", "it's", "plain" }, 0, 3));
        }

        [Fact]
        public void Watch_ClearsRunsAndRepeats_UntilCtrlC()
        {
            var h = new ShellHarness();
            h.Tty.StayOpen = true;
            var typist = new System.Threading.Thread(() => { System.Threading.Thread.Sleep(700); h.Tty.Type(3); });
            typist.Start();
            Assert.Equal(130, h.Run("watch -n 0.1 echo tick", out string o));
            typist.Join();
            Assert.StartsWith("\x1b[H\x1b[2JEvery 0.1s: echo tick\n\ntick\n", o);
            int runs = o.Split("tick\n").Length - 1;
            Assert.True(runs >= 3, "runs: " + runs);
        }

        [Fact]
        public void Watch_BadInput()
        {
            var h = new ShellHarness();
            Assert.Equal(1, h.Run("watch", out string o));
            Assert.StartsWith("Usage: watch", o);
            Assert.Equal(1, h.Run("watch -n zz echo", out o));
            Assert.Equal("watch: invalid number 'zz'\n", o);
        }

        [Fact]
        public void Date_PrintsTheKernelsRealtimeClock_InDatesLayout()
        {
            var h = new ShellHarness();
            long before = System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            string s = h.Out("date +%s").Trim();
            long after = System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.InRange(long.Parse(s), before, after);
            string d = h.Out("date");
            Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z][a-z] [ 1-3]\d \d\d:\d\d:\d\d UTC \d{4}\n$", d);
            Assert.Equal(System.DateTime.UtcNow.Year.ToString() + "\n", h.Out("date -u +%Y"));
            Assert.Equal(1, h.Run("date now", out string o));
            Assert.StartsWith("Usage: date", o);
        }

        [Theory]
        [InlineData(0L, "Thu Jan  1 00:00:00 1970")]
        [InlineData(951782400L, "Tue Feb 29 00:00:00 2000")]
        [InlineData(1796189990L, "Wed Dec  2 05:39:50 2026")]
        [InlineData(4107542399L, "Sun Feb 28 23:59:59 2100")]
        [InlineData(-86400L, "Wed Dec 31 00:00:00 1969")]
        public void Date_Calendar_MatchesDotNets(long secs, string expected)
        {
            var tty = new MemoryTty();
            var w = new ShellWriter(64);
            var ld = new LineDiscipline(tty) { Echo = false, OutputCrlf = false };
            w.TargetTty(ld);
            TimeCommands.PrintDate(w, secs, "%a %b %e %H:%M:%S %Y");
            w.Flush();
            Assert.Equal(expected, tty.Output);
            Assert.Equal(System.DateTimeOffset.FromUnixTimeSeconds(secs).UtcDateTime.ToString("ddd MMM d HH:mm:ss yyyy", System.Globalization.CultureInfo.InvariantCulture),
                expected.Replace("  ", " "));
        }
    }
}
