using System;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Threading;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// Line editing and Tab completion through a real pty byte stream (issue 12): the keys a user's terminal
    /// sends, through socat, to the simulator serving its shell on a serial line (--serial) or as the
    /// terminal of its own stdin and stdout (raw mode), and the exact bytes that come back.
    /// </summary>
    public class EditingPtyTests
    {
        private const int WaitMs = 30000;

        [SocatTheory]
        [InlineData(false)]
        [InlineData(true)]
        public void OverAPty_TabCompletesPaths_ListsSeveral_LeftArrowInserts(bool terminal)
        {
            using var session = new PtySession(SimProcess.NewFolder(), terminal);
            var line = session.Line;
            line.WaitFor("nsh> ");
            // "cat /pr" Tab "me" Tab Enter: /proc is the only name in / starting "pr", meminfo the only one in it
            // starting "me"; a directory completes with '/', a file with a blank.
            line.Send("cat /pr\t");
            Assert.Equal("cat /pr" + "oc/", line.WaitFor("oc/"));
            line.Send("me\t");
            Assert.Equal("me" + "minfo ", line.WaitFor("minfo "));
            line.Send("\r");
            Assert.Matches("^\r\nMemTotal: +[0-9]+ kB\r\n(.*\r\n)+nsh> $", line.WaitFor("nsh> "));

            // Several names (mounts, modules): nothing in common, so the names go on a line of their own and
            // the prompt and the line come back; then Ctrl-U drops the line.
            line.Send("cat /proc/mo\t");
            string listed = line.WaitFor("nsh> cat /proc/mo");
            Assert.Matches("^cat /proc/mo\r\n(mounts +modules|modules +mounts)\r\nnsh> cat /proc/mo$", listed);
            line.Send("\x15\r");
            line.WaitFor("nsh> ");

            // Left arrow three times, then a letter: it goes in the middle, the tail is rewritten and the
            // cursor steps back over it.
            line.Send("echo hllo\x1b[D\x1b[D\x1b[De\r");
            Assert.Equal("echo hllo\b\b\b" + "ello\b\b\b" + "\r\nhello\r\nnsh> ", line.WaitFor("nsh> "));
            // Home, a word, End, a word (ESC [ 1 ~ and ESC O F as other terminals send them).
            line.Send("hi\x1b[1~echo \x1bOF there\r");
            string inserted = "";
            foreach (char c in "echo ") inserted += c + "hi\b\b";   // each letter in front of "hi", then back over it
            Assert.Equal("hi\b\b" + inserted + "hi" + " there" + "\r\nhi there\r\nnsh> ", line.WaitFor("nsh> "));

            session.Exit();
        }

        [Fact]
        public void PipedStdin_TabAndEditingKeysAreNotKeys_TheLinesReadAsBefore()
        {
            // No echo on a pipe: a Tab is text (the shell splits words at it), ESC [ D and Ctrl-A do nothing.
            var r = SimProcess.Run("echo unam\tx\n" + "echo ab\x1b[Dc\x01" + "d\n", "--bare");
            Assert.Equal(0, r.Code);
            Assert.Equal("unam x\nabcd\n", r.Out);
        }

        /// <summary>socat runs the simulator with a pty as its controlling terminal (raw mode, the kernel's line
        /// discipline edits), as a user's terminal emulator would; the test opens the other end.</summary>
        internal static (Process socat, SerialPort port, SerialPtyTests.Line line) Terminal(string dir)
        {
            string t = Path.Combine(dir, "t");
            var info = new ProcessStartInfo(SerialPtyTests.Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            info.ArgumentList.Add("pty,raw,echo=0,link=" + t);
            info.ArgumentList.Add("EXEC:" + (SimProcess.Binary ?? "dotnet " + SimProcess.Dll) + " --bare --flash " + Path.Combine(dir, "flash") + ",pty,setsid,ctty,stderr");
            Process socat = Process.Start(info);
            socat.BeginErrorReadLine();
            var sw = Stopwatch.StartNew();
            while (!System.IO.File.Exists(t) && sw.ElapsedMilliseconds < WaitMs) Thread.Sleep(20);
            Assert.True(System.IO.File.Exists(t), "socat did not create the pty link");
            var port = new SerialPort(t, 115200) { ReadTimeout = 100, WriteTimeout = 5000 };
            port.Open();
            return (socat, port, new SerialPtyTests.Line(port));
        }
    }
}
