using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ProcNano.HostSim;
using ProcNano;
using Xunit;
using KKernel = ProcNano.Kernel;
using KShell = ProcNano.Shell;

namespace ProcNano.Tests.Shell
{
    /// <summary>The console: its bytes count in the UART stats (/proc/driver/uart), and Shell.Serve runs one
    /// /bin/sh task per session, getty-style, as the device's main loop does.</summary>
    public class ConsoleTests
    {
        private static KKernel Boot() => ProcNano.Tests.Boot.Board(new BoardConfig());

        private static readonly Regex Counters = new Regex(@" tx:(\d+) rx:(\d+)\r?\n");

        [Fact]
        public void ConsoleTty_CountsEveryByteReadAndWritten_ProcDriverUartShowsThem()
        {
            KKernel k = Boot();
            // One byte per read, so the rx count at any moment is exactly the bytes the shell has consumed.
            var tty = new MemoryTty { Chunk = 1 };
            string first = "insmod uart\rcat /proc/driver/uart\r";
            string second = "echo some more output\rcat /proc/driver/uart\r";
            tty.Type(first + second + "exit\r");
            var sh = new KShell(k.Sys, k.Uart.Stats, tty);
            Assert.Equal(0, sh.ServeTty());

            string o = tty.Output;
            var m = Counters.Matches(o);
            Assert.Equal(2, m.Count);
            // Each cat reads the counters before its own output goes out: tx is everything written before it.
            int at1 = o.IndexOf("serinfo:1.0", StringComparison.Ordinal);
            int at2 = o.IndexOf("serinfo:1.0", at1 + 1, StringComparison.Ordinal);
            Assert.Equal(at1, int.Parse(m[0].Groups[1].Value));
            Assert.Equal(at2, int.Parse(m[1].Groups[1].Value));
            Assert.Equal(first.Length, int.Parse(m[0].Groups[2].Value));
            Assert.Equal(first.Length + second.Length, int.Parse(m[1].Groups[2].Value));
            // And the totals, after the session: every byte in and out.
            Assert.Equal(tty.OutputBytes.Length, k.Uart.Stats.Tx);
            Assert.Equal(first.Length + second.Length + "exit\r".Length, k.Uart.Stats.Rx);
        }

        [Fact]
        public void ConsoleTty_EchoAndCrlfCount_ScriptShellsDoNot()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("echo x\r");
            Getty.RunSession(k.Sys, k.Uart.Stats, tty, true);
            Assert.Equal(tty.OutputBytes.Length, k.Uart.Stats.Tx);
            Assert.True(k.Uart.Stats.Tx > "nsh> echo x\r\nx\r\n".Length - 1);
            // A shell over a plain line discipline (tests, scripts) is not the UART.
            int tx = k.Uart.Stats.Tx;
            var plain = new KShell(k.Sys, Getty.NewShellTask(k.Sys), new LineDiscipline(new MemoryTty()) { Echo = false, OutputCrlf = false });
            plain.Execute("echo quiet");
            Assert.Equal(tx, k.Uart.Stats.Tx);
        }

        [Fact]
        public void BootScriptOutput_GoesToTheLog_NotTheUart()
        {
            KKernel k = Boot();
            var tty = new MemoryTty();
            var sh = new KShell(k.Sys, k.Uart.Stats, tty);
            sh.RunBootScript("echo to the log\nnosuch\n");
            Assert.Equal(0, k.Uart.Stats.Tx);
            Assert.Equal("", tty.Output);
            Assert.True(k.Log.Contains("rc: to the log"));
        }

        [Fact]
        public void Serve_EachSessionIsANewShTask_BootScriptOnce_ReturnsWhenTheLineCloses()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("readlink /proc/self\rexit 4\rreadlink /proc/self\rexit 5\rreadlink /proc/self\r");
            int status = Getty.Serve(k.Sys, k.Uart.Stats, tty, "echo booted\n");
            // The third session ended with the line, its last command having succeeded.
            Assert.Equal(0, status);
            string o = tty.Output;
            Assert.Equal(6, Regex.Matches(o, "nsh> ").Count);
            int[] pids = Regex.Matches(o, @"readlink /proc/self\r\n(\d+)\r\n").Select(m => int.Parse(m.Groups[1].Value)).ToArray();
            Assert.Equal(3, pids.Length);
            Assert.Equal(3, pids.Distinct().Count());
            Assert.Single(Regex.Matches(Dmesg(k), "rc: booted"));
            // Each sh task went with its session: only init is left.
            Assert.Equal(1, k.Tasks.Count);
        }

        [Fact]
        public void Serve_ANewSession_HasNoHistoryOfTheLastOne()
        {
            KKernel k = Boot();
            var tty = new MemoryTty().Type("echo secret\rexit\r\x1b[A\r");
            Getty.Serve(k.Sys, k.Uart.Stats, tty, null);
            Assert.DoesNotContain("nsh> echo secret\r\nsecret\r\nnsh> exit\r\nnsh> echo secret", tty.Output);
            Assert.EndsWith("nsh> exit\r\nnsh> \r\nnsh> ", tty.Output);
        }

        [Fact]
        public void Serve_ClosedAtOnce_OnePromptNoTaskLeft()
        {
            KKernel k = Boot();
            var tty = new MemoryTty();
            Assert.Equal(0, Getty.Serve(k.Sys, k.Uart.Stats, tty, null));
            Assert.Equal("nsh> ", tty.Output);
            Assert.Equal(1, k.Tasks.Count);
        }

        private static string Dmesg(KKernel k)
        {
            var b = new byte[k.Log.Head - k.Log.Tail];
            int n = k.Log.Read(k.Log.Tail, b, 0, b.Length);
            return Encoding.ASCII.GetString(b, 0, n);
        }
    }
}
