using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>procnano-sim driven as a program: -c, --script, stdin pipes, options and exit statuses.</summary>
    public class SimProcessTests
    {
        [Fact]
        public void DashC_RunsTheCommands_ExitsWithTheLastStatus()
        {
            var r = SimProcess.Run(null, "--bare", "-c", "echo hello; nosuch");
            Assert.Equal("hello\n", r.Out);
            Assert.Equal("sh: nosuch: command not found\n", r.Err);   // errors on fd 2 (issue 12)
            Assert.Equal(127, r.Code);
        }

        [Fact]
        public void DashC_ExitStatusIsPassedThrough()
        {
            Assert.Equal(7, SimProcess.Run(null, "--bare", "-c", "echo x; exit 7; echo y").Code);
            Assert.Equal(0, SimProcess.Run(null, "--bare", "-c", "nosuch; echo fine").Code);
        }

        [Fact]
        public void Script_RunsEachLine_StopsAtExit()
        {
            string dir = SimProcess.NewFolder();
            string file = Path.Combine(dir, "t.nsh");
            System.IO.File.WriteAllText(file, "# a script\necho one\n\necho 'two  words'; nosuch\nexit 4\necho never\n");
            var r = SimProcess.Run(null, "--bare", "--script", file);
            Assert.Equal("one\ntwo  words\n", r.Out);
            Assert.Equal("sh: nosuch: command not found\n", r.Err);
            Assert.Equal(4, r.Code);
        }

        [Fact]
        public void StdinPipe_IsReadLineByLine_NoPromptNoEcho()
        {
            var r = SimProcess.Run("echo one\nnosuch\necho two\n", "--bare");
            Assert.Equal("one\ntwo\n", r.Out);
            Assert.Equal("sh: nosuch: command not found\n", r.Err);
            Assert.Equal(0, r.Code);
        }

        [Fact]
        public void StdinPipe_ExitEndsTheSimulator_LaterLinesIgnored()
        {
            var r = SimProcess.Run("echo a\nexit 3\necho b\n", "--bare");
            Assert.Equal("a\n", r.Out);
            Assert.Equal(3, r.Code);
        }

        [Fact]
        public void StdinPipe_CrLfLinesAndLongLinesAreHandled()
        {
            var r = SimProcess.Run("echo a\r\necho " + new string('q', 300) + "\r\necho b\r\n", "--bare");
            Assert.Equal("a\nb\n", r.Out);
            Assert.Equal("sh: line too long (max 256 bytes)\n", r.Err);
        }

        [Fact]
        public void PipeDriver_GetsEachAnswerBeforeSendingTheNextCommand()
        {
            // A program driving the simulator: write one command, wait for its output, then the next.
            string dir = SimProcess.NewFolder();
            using Process p = SimProcess.Start(dir, "--bare", "-i");
            var seen = new StringBuilder();
            var reader = new Thread(() =>
            {
                var buf = new char[256];
                int n;
                while ((n = p.StandardOutput.Read(buf, 0, buf.Length)) > 0) lock (seen) seen.Append(buf, 0, n);
            });
            reader.Start();
            try
            {
                WaitFor(seen, "nsh> ");
                p.StandardInput.Write("echo ping\n");
                p.StandardInput.Flush();
                WaitFor(seen, "ping\nnsh> ");
                p.StandardInput.Write("echo pong\n");
                p.StandardInput.Flush();
                WaitFor(seen, "pong\nnsh> ");
                p.StandardInput.Write("exit 2\n");
                p.StandardInput.Flush();
                Assert.True(p.WaitForExit(SimProcess.TimeoutMs));
                Assert.Equal(2, p.ExitCode);
            }
            finally
            {
                if (!p.HasExited) p.Kill(true);
            }
        }

        private static void WaitFor(StringBuilder seen, string text)
        {
            var sw = Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < SimProcess.TimeoutMs)
            {
                lock (seen) if (seen.ToString().EndsWith(text)) return;
                Thread.Sleep(10);
            }
            lock (seen) Assert.Fail("waited for " + Escape(text) + ", got " + Escape(seen.ToString()));
        }

        private static string Escape(string s) => "'" + s.Replace("\r", "\\r").Replace("\n", "\\n") + "'";

        [Fact]
        public void BootScript_RunsByDefault_TracedInTheKernelLog_BareSkipsIt()
        {
            var full = SimProcess.Run(null, "-c", "dmesg");
            Assert.Contains("rc: + exec /bin/hold 1\n", full.Out);
            var bare = SimProcess.Run(null, "--bare", "-c", "dmesg");
            Assert.DoesNotContain("rc: ", bare.Out);
            Assert.Contains("ProcNano version", bare.Out);
        }

        [Fact]
        public void BootScriptStatus_DoesNotLeakIntoTheSession()
        {
            // The boot script's last command may fail (a program missing); `exit` alone still reports 0.
            Assert.Equal(0, SimProcess.Run(null, "-c", "exit").Code);
        }

        [Fact]
        public void Help_PrintsUsage_Status0()
        {
            var r = SimProcess.Run(null, "--help");
            Assert.Equal(0, r.Code);
            Assert.StartsWith("Usage: procnano-sim [OPTIONS]", r.Out);
            foreach (string opt in new[] { "--board", "--flash", "--serial", "--bare", "-c", "--script", "--timing" })
                Assert.Contains(opt, r.Out);
        }

        [Fact]
        public void BadOption_Status2_MessageOnStderr()
        {
            var r = SimProcess.Run(null, "--frobnicate");
            Assert.Equal(2, r.Code);
            Assert.Contains("unknown option '--frobnicate'", r.Err);
            Assert.Equal("", r.Out);
        }

        [Fact]
        public void UnknownBoard_Status2_NamesTheBoards()
        {
            var r = SimProcess.Run(null, "--board", "nosuchboard", "-c", "echo x");
            Assert.Equal(2, r.Code);
            Assert.Contains("nosuchboard", r.Err);
            Assert.Contains("host", r.Err);
        }

        [Fact]
        public void Board_Option_SelectsTheBoardFile()
        {
            var r = SimProcess.Run(null, "--bare", "--board", "esp32-devkitc", "-c", "uname -m; free");
            Assert.Equal(0, r.Code);
            Assert.StartsWith("esp32-devkitc\n", r.Out);
        }

        [Fact]
        public void Flash_Option_CreatesTheFolder()
        {
            string dir = Path.Combine(SimProcess.NewFolder(), "myflash");
            var r = SimProcess.Run(null, "--bare", "--flash", dir, "-c", "echo ok");
            Assert.Equal(0, r.Code);
            Assert.True(Directory.Exists(dir));
        }

        [Fact]
        public void DefaultFlash_IsFlashSimInTheWorkingFolder()
        {
            var r = SimProcess.Run(null, "--bare", "-c", "echo ok");
            Assert.True(Directory.Exists(Path.Combine(r.Folder, "flash-sim")));
        }

        [Fact]
        public void Timing_ReportsTheStartupTimeOnStderr()
        {
            var r = SimProcess.Run(null, "--timing", "-c", "echo ok");
            Assert.Matches(@"procnano-sim: kernel boot \d+ ms, first prompt \d+ ms after Main, \d+ ms after process start", r.Err);
            Assert.Equal("ok\n", r.Out);
        }
    }
}
