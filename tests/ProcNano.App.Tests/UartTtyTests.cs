using System;
using System.Diagnostics;
using System.IO.Ports;
using ProcNano;
using ProcNano.App;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]   // the fake drive and port registry are static

namespace ProcNano.App.Tests
{
    /// <summary>The shell's UART tty over a scripted port: what it reads, how long it waits, and that no port
    /// failure ever leaves it as an exception (the console writes echo and prompts outside any command).</summary>
    public class UartTtyTests
    {
        private static SerialPort OpenPort()
        {
            SerialPort.Refuse = null;
            SerialPort p = UartTty.OpenPort("COM2", 115200, 2000, out string error);
            Assert.Null(error);
            return p;
        }

        [Fact]
        public void OpenPort_SizesTheReceiveBufferBeforeOpening_AndBoundsWrites()
        {
            SerialPort p = OpenPort();
            Assert.True(p.IsOpen);
            Assert.Equal(UartTty.ReadBufferBytes, p.ReadBufferSizeAtOpen);
            Assert.True(p.ReadBufferSizeAtOpen >= 1024, "a pasted line must survive a command's run");
            Assert.Equal(2000, p.WriteTimeout);
            Assert.Equal("COM2", p.PortName);
            Assert.Equal(115200, p.BaudRate);
        }

        [Fact]
        public void OpenPort_APortThatCannotBeHad_IsNullWithTheReason()
        {
            SerialPort.Refuse = "COM1";
            Assert.Null(UartTty.OpenPort("COM1", 115200, 2000, out string error));
            Assert.StartsWith("cannot open COM1", error);
            SerialPort.Refuse = null;
        }

        [Fact]
        public void Read_GivesWhatArrived_NeverMoreThanAsked()
        {
            SerialPort p = OpenPort();
            var tty = new UartTty(p, 100);
            p.Receive("0123456789");
            var buf = new byte[16];
            Assert.Equal(4, tty.Read(buf, 2, 4));
            Assert.Equal("0123", System.Text.Encoding.ASCII.GetString(buf, 2, 4));
            Assert.Equal(6, tty.Read(buf, 0, 16));
            Assert.Equal("456789", System.Text.Encoding.ASCII.GetString(buf, 0, 6));
        }

        [Fact]
        public void Read_APortThatHandsOverLessThanItSaid_GivesWhatItGot()
        {
            SerialPort p = OpenPort();
            p.ReadLimit = 3;
            p.Receive("abcdefgh");
            var tty = new UartTty(p, 100);
            var buf = new byte[8];
            Assert.Equal(3, tty.Read(buf, 0, 8));
            Assert.Equal(3, tty.Read(buf, 0, 8));
            Assert.Equal(2, tty.Read(buf, 0, 8));
        }

        [Fact]
        public void Read_NothingArrives_ZeroAfterTheTimeout_NotMinusOne()
        {
            SerialPort p = OpenPort();
            var tty = new UartTty(p, 60);
            var sw = Stopwatch.StartNew();
            Assert.Equal(0, tty.Read(new byte[4], 0, 4));
            Assert.True(sw.ElapsedMilliseconds >= 50, "returned after " + sw.ElapsedMilliseconds + " ms");
            Assert.True(p.Polls >= 5, "polled " + p.Polls + " times");
        }

        [Fact]
        public void Read_BytesArrivingDuringTheWait_AreReturnedAtOnce()
        {
            SerialPort p = OpenPort();
            p.Receive("x");
            p.ArriveAfterPolls = 3;
            var tty = new UartTty(p, 1000);
            var sw = Stopwatch.StartNew();
            Assert.Equal(1, tty.Read(new byte[4], 0, 4));
            Assert.True(sw.ElapsedMilliseconds < 500);
        }

        [Fact]
        public void Read_APortThatFails_IsNothingYet_AndCounted()
        {
            SerialPort p = OpenPort();
            var tty = new UartTty(p, 50);
            p.ReadThrows = new InvalidOperationException();
            Assert.Equal(0, tty.Read(new byte[4], 0, 4));
            Assert.Equal(1, tty.Errors);
            p.ReadThrows = new TimeoutException();
            Assert.Equal(0, tty.Read(new byte[4], 0, 4));
            Assert.Equal(1, tty.Errors);
        }

        [Fact]
        public void Write_PassesTheBytesThrough()
        {
            SerialPort p = OpenPort();
            var tty = new UartTty(p, 50);
            tty.Write(System.Text.Encoding.ASCII.GetBytes("xxnsh> "), 2, 5);
            tty.Write(new byte[1], 0, 0);
            Assert.Equal("nsh> ", System.Text.Encoding.ASCII.GetString(p.Written.ToArray()));
        }

        [Fact]
        public void Write_PastTheWriteTimeout_DropsTheBytes_DoesNotThrow()
        {
            SerialPort p = OpenPort();
            var tty = new UartTty(p, 50);
            p.WriteThrows = new TimeoutException();
            tty.Write(new byte[10], 0, 10);
            tty.Write(new byte[5], 0, 5);
            Assert.Equal(2, tty.WriteTimeouts);
            Assert.Equal(15, tty.DroppedBytes);
            p.WriteThrows = new InvalidOperationException();
            tty.Write(new byte[3], 0, 3);
            Assert.Equal(1, tty.Errors);
            Assert.Equal(18, tty.DroppedBytes);
        }

        [Fact]
        public void Console_OutlivesAWriteTimeoutInEchoAndPrompt()
        {
            // Echo and the prompt are written outside any command: a port that times out there must not end the
            // console. A whole session on a port whose every write times out still runs its commands.
            var board = new BoardConfig { ArenaPages = 64, PageSize = 4096 };
            var k = new Kernel(board, null);
            SerialPort p = OpenPort();
            p.WriteThrows = new TimeoutException();
            p.Receive("mkdir /seen\r");
            var tty = new UartTty(p, 20);
            var sh = new ProcNano.Shell(k.Sys, k.Uart.Stats, tty);
            Exception escaped = null;
            var reader = new System.Threading.Thread(() =>
            {
                try { sh.ServeTty(); }
                catch (Exception e) { escaped = e; }
            });
            reader.IsBackground = true;
            reader.Start();
            var sw = Stopwatch.StartNew();
            var st = new StatInfo();
            while (k.Sys.Stat(k.Init, "/seen", st) < 0 && escaped == null && sw.ElapsedMilliseconds < 5000) System.Threading.Thread.Sleep(10);
            Assert.Null(escaped);
            Assert.Equal(0, k.Sys.Stat(k.Init, "/seen", st));
            Assert.True(tty.WriteTimeouts > 0);
            Assert.True(reader.IsAlive, "the console ended");
        }
    }
}
