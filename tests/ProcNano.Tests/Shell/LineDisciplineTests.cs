using System;
using System.Collections.Generic;
using System.Text;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Shell
{
    public class LineDisciplineTests
    {
        private static string LineText(LineDiscipline ld, int n) => Encoding.Latin1.GetString(ld.Line, 0, n);

        private static (LineDiscipline, MemoryTty) Make(bool echo = true, int max = LineDiscipline.DefaultMaxLine, int history = LineDiscipline.DefaultHistory)
        {
            var tty = new MemoryTty();
            var ld = new LineDiscipline(tty, max, history) { Echo = echo };
            return (ld, tty);
        }

        /// <summary>Every ReadLine result until the tty closes, lines as text, codes as "#code".</summary>
        private static List<string> Drain(LineDiscipline ld)
        {
            var r = new List<string>();
            while (true)
            {
                int n = ld.ReadLine();
                if (n == LineDiscipline.Closed) return r;
                r.Add(n >= 0 ? LineText(ld, n) : "#" + n);
            }
        }

        [Fact]
        public void Echo_On_TypedCharactersAndCrLfAreEchoed()
        {
            var (ld, tty) = Make();
            tty.Type("ab\r");
            Assert.Equal(2, ld.ReadLine());
            Assert.Equal("ab", LineText(ld, 2));
            Assert.Equal("ab\r\n", tty.Output);
        }

        [Fact]
        public void Echo_Off_NothingIsWritten()
        {
            var (ld, tty) = Make(echo: false);
            tty.Type("abc\b\x03xy\r");
            Assert.Equal(new[] { "#" + LineDiscipline.Interrupted, "xy" }, Drain(ld));
            Assert.Equal("", tty.Output);
        }

        [Fact]
        public void BackspaceAndDel_EraseOneCharacter_EchoRubout()
        {
            var (ld, tty) = Make();
            tty.Type("abc\x08\x7f" + "d\r");
            Assert.Equal(new[] { "ad" }, Drain(ld));
            Assert.Equal("abc\b \b\b \bd\r\n", tty.Output);
        }

        [Fact]
        public void Backspace_OnEmptyLine_DoesNothing()
        {
            var (ld, tty) = Make();
            tty.Type("\x08\x7f\r");
            Assert.Equal(new[] { "" }, Drain(ld));
            Assert.Equal("\r\n", tty.Output);
        }

        [Fact]
        public void CrLfAndCrLf_EachEndOneLine_CrLfCountsOnce()
        {
            var (ld, _) = Make(echo: false);
            var tty = (MemoryTty)ld.Tty;
            tty.Type("a\rb\nc\r\nd\r\n\n\r\re");
            Assert.Equal(new[] { "a", "b", "c", "d", "", "", "", "e" }, Drain(ld));
        }

        [Fact]
        public void CrLf_SplitAcrossReads_StillCountsOnce()
        {
            var (ld, tty) = Make(echo: false);
            tty.Chunk = 1;
            tty.Type("x\r\ny\r\n");
            Assert.Equal(new[] { "x", "y" }, Drain(ld));
        }

        [Fact]
        public void CtrlC_DropsTheLine_EchoesCaretC_NextLineIsClean()
        {
            var (ld, tty) = Make();
            tty.Type("abc\x03" + "d\r");
            Assert.Equal(LineDiscipline.Interrupted, ld.ReadLine());
            Assert.Equal("abc^C\r\n", tty.Output);
            Assert.Equal(1, ld.ReadLine());
            Assert.Equal("d", LineText(ld, 1));
        }

        [Fact]
        public void LineOfExactlyMaxLength_IsAccepted()
        {
            var (ld, tty) = Make(echo: false, max: 16);
            tty.Type(new string('a', 16) + "\r");
            Assert.Equal(new[] { new string('a', 16) }, Drain(ld));
        }

        [Fact]
        public void OverlongLine_IsRefusedAsTooLong_BellOnce_NextLineWorks()
        {
            var (ld, tty) = Make(max: 16);
            tty.Type(new string('a', 300) + "\rok\r");
            Assert.Equal(new[] { "#" + LineDiscipline.TooLong, "ok" }, Drain(ld));
            string o = tty.Output;
            Assert.Equal(1, o.Split('\a').Length - 1);
            // Only what fitted was echoed.
            Assert.StartsWith(new string('a', 16) + "\a\r\n", o);
        }

        [Fact]
        public void OverlongLine_BackspaceDoesNotRevive_CtrlCClears()
        {
            var (ld, tty) = Make(echo: false, max: 4);
            tty.Type("abcdef\b\b\b\r" + "abcdef\x03" + "ok\r");
            Assert.Equal(new[] { "#" + LineDiscipline.TooLong, "#" + LineDiscipline.Interrupted, "ok" }, Drain(ld));
        }

        [Fact]
        public void ControlBytesAndStrayHighBytes_AreIgnored()
        {
            var (ld, tty) = Make();
            var noise = new List<byte>();
            for (int b = 0; b < 0x20; b++)
            {
                // Ctrl-L redraws (clears the screen): LineEditingTests has it. The other editing keys do nothing
                // on an empty line, so they stay in the noise.
                if (b is 0x03 or 0x08 or 0x09 or 0x0a or 0x0c or 0x0d or 0x15 or 0x1b) continue;
                noise.Add((byte)b);
            }
            for (int b = 0x80; b <= 0xc1; b++) noise.Add((byte)b); // continuation bytes, overlong leads
            for (int b = 0xf5; b <= 0xff; b++) noise.Add((byte)b);
            tty.Type(noise.ToArray()).Type("ok\r");
            Assert.Equal(new[] { "ok" }, Drain(ld));
            Assert.Equal("ok\r\n", tty.Output);
        }

        [Fact]
        public void RandomBinaryNoise_NeverCrashes_LinesStayBounded_ThenCtrlCRecovers()
        {
            var (ld, tty) = Make(max: 32);
            var rnd = new Random(1234);
            var noise = new byte[20000];
            rnd.NextBytes(noise);
            tty.Type(noise).Type(0x03).Type("echo ok\r");
            var lines = Drain(ld);
            foreach (string l in lines) Assert.True(l.StartsWith("#") || l.Length <= 32);
            Assert.Equal("echo ok", lines[lines.Count - 1]);
        }

        [Fact]
        public void Utf8_MultiByteCharacter_KeptWhole_ErasedWhole()
        {
            var (ld, tty) = Make();
            tty.Type(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x0d); // "aé€"
            int n = ld.ReadLine();
            Assert.Equal(new byte[] { 0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac }, ld.Line[..n]);
            tty.ClearOutput();
            tty.Type(0x61, 0xc3, 0xa9, 0x08, 0x0d); // "aé", backspace
            n = ld.ReadLine();
            Assert.Equal("a", LineText(ld, n));
            Assert.Equal("a\u00c3\u00a9\b \b\r\n", tty.Output); // one rubout for the two-byte character
        }

        [Fact]
        public void Utf8_MalformedSequence_PartialCharacterDropped()
        {
            var (ld, tty) = Make(echo: false);
            tty.Type(0xc3, 0x41, 0xe2, 0x82, 0x42, 0x0d); // lead bytes cut short by ASCII
            int n = ld.ReadLine();
            Assert.Equal("AB", LineText(ld, n));
        }

        [Fact]
        public void UpArrow_RecallsPreviousLines_DownWalksBack()
        {
            var (ld, tty) = Make(echo: false);
            tty.Type("one\rtwo\r\x1b[A\x1b[A\r");
            tty.Type("\x1b[A\x1b[A\x1b[B\r");      // up: one (the newest), up: two, down: one again
            tty.Type("\x1bOA\r");                  // SS3 form of up: one
            tty.Type("\x1b[A\x1b[B\r");            // up then down: back to an empty line
            Assert.Equal(new[] { "one", "two", "one", "one", "one", "" }, Drain(ld));
        }

        [Fact]
        public void UpArrow_ReplacesTypedText_AndEchoesTheRecalledLine()
        {
            var (ld, tty) = Make();
            tty.Type("ls\rxy\x1b[A\r");
            Drain(ld);
            Assert.Equal("ls\r\nxy\b\b  \b\bls\r\n", tty.Output);
        }

        [Fact]
        public void History_IsFixedDepth_OldestLinesFallOut_DuplicatesNotRepeated()
        {
            var (ld, tty) = Make(echo: false, history: 3);
            tty.Type("l1\rl2\rl2\rl3\rl4\r");
            tty.Type("\x1b[A\x1b[A\x1b[A\x1b[A\x1b[A\x1b[A\r");
            var lines = Drain(ld);
            Assert.Equal("l2", lines[lines.Count - 1]);
            Assert.Equal(3, ld.HistoryCount);
        }

        [Fact]
        public void AnsiEscapeSequences_AreSwallowed()
        {
            var (ld, tty) = Make();
            tty.Type("a\x1b[2Jb\x1b[1;5Cc\x1b[?25ld\x1b" + "ce\r"); // ESC c: a two-byte sequence
            Assert.Equal(new[] { "abcde" }, Drain(ld));
            Assert.Equal("abcde\r\n", tty.Output);
        }

        [Fact]
        public void ControlByteInsideEscapeSequence_EndsIt_AndActs()
        {
            var (ld, tty) = Make(echo: false);
            tty.Type("a\x1b[12\rb\r");
            Assert.Equal(new[] { "a", "b" }, Drain(ld));
        }

        [Fact]
        public void CtrlU_ErasesTheWholeLine()
        {
            var (ld, tty) = Make();
            tty.Type("abc\x15" + "d\r");
            Assert.Equal(new[] { "d" }, Drain(ld));
            Assert.Equal("abc\b\b\b   \b\b\bd\r\n", tty.Output);
        }

        [Fact]
        public void Output_NewlineBecomesCrLf_ExistingCrLfKept()
        {
            var (ld, tty) = Make();
            byte[] b = Encoding.ASCII.GetBytes("x\ny\r\n\nz");
            ld.Write(b, 0, b.Length);
            Assert.Equal("x\r\ny\r\n\r\nz", tty.Output);
        }

        [Fact]
        public void Output_CrAtEndOfOneWriteThenLf_NotDoubled()
        {
            var (ld, tty) = Make();
            ld.Write("a\r");
            ld.Write("\nb\n");
            Assert.Equal("a\r\nb\r\n", tty.Output);
        }

        [Fact]
        public void Output_CrlfOff_PassesBytesUnchanged()
        {
            var (ld, tty) = Make();
            ld.OutputCrlf = false;
            ld.Write("x\ny\n");
            Assert.Equal("x\ny\n", tty.Output);
        }

        [Fact]
        public void PartialLineAtClose_IsReturned_ThenClosed()
        {
            var (ld, tty) = Make(echo: false);
            tty.Type("last");
            Assert.Equal(new[] { "last" }, Drain(ld));
            Assert.Equal(LineDiscipline.Closed, ld.ReadLine());
        }

        [Fact]
        public async System.Threading.Tasks.Task NothingYet_ReadLineWaitsAndPollsAgain()
        {
            var tty = new MemoryTty { StayOpen = true };
            var ld = new LineDiscipline(tty) { Echo = false };
            var t = System.Threading.Tasks.Task.Run(() => ld.ReadLine());
            System.Threading.Thread.Sleep(50);
            Assert.False(t.IsCompleted);
            tty.Type("late\r");
            Assert.Same(t, await System.Threading.Tasks.Task.WhenAny(t, System.Threading.Tasks.Task.Delay(5000)));
            Assert.Equal(4, await t);
        }
    }
}
