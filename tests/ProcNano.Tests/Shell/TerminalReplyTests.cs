using System.Collections.Generic;
using System.Text;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>
    /// Issue 11, finding 8: what a terminal sends besides keys (an OSC title or colour reply, DCS, a cursor report,
    /// a charset designation) reached the line as text: "\x1b]0;title\aecho hi" ran "0" and "titleecho hi".
    /// CSI, SS3, OSC, DCS (and SOS, PM, APC) are swallowed as terminals frame them.
    /// </summary>
    public class TerminalReplyTests
    {
        private static List<string> Lines(string typed)
        {
            var tty = new MemoryTty();
            var ld = new LineDiscipline(tty) { Echo = false };
            tty.Type(Encoding.Latin1.GetBytes(typed));
            var r = new List<string>();
            while (true)
            {
                int n = ld.ReadLine();
                if (n == LineDiscipline.Closed) return r;
                r.Add(n >= 0 ? Encoding.Latin1.GetString(ld.Line, 0, n) : "#" + n);
            }
        }

        [Theory]
        [InlineData("\x1b]0;title\aecho hi\r")]                      // OSC ended by BEL
        [InlineData("\x1b]0;title\x1b\\echo hi\r")]                    // OSC ended by ST
        [InlineData("\x1b]11;rgb:ffff/ffff/ffff\x1b\\echo hi\r")]      // a colour query's reply
        [InlineData("\x1b]8;;http://x/\x1b\\echo hi\r")]               // a hyperlink
        [InlineData("\x1bP1$r0m\x1b\\echo hi\r")]                      // DCS (DECRQSS reply)
        [InlineData("\x1b_app\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\echo hi\r")]   // APC, PM, SOS
        [InlineData("\x1b[12;40Recho hi\r")]                           // cursor position report
        [InlineData("\x1b[?1;2cecho hi\r")]                            // device attributes
        [InlineData("\x1b[>0;276;0cecho hi\r")]
        [InlineData("\x1b(Becho hi\r")]                                // charset designation
        [InlineData("\x1b#8echo hi\r")]
        [InlineData("\x1bOPecho hi\r")]                                // F1 as SS3
        [InlineData("\x1b]0;t\xc3\xa9tle\aecho hi\r")]               // UTF-8 inside the string
        public void TerminalSequences_AreSwallowed_TheLineIsWhatWasTyped(string typed)
        {
            Assert.Equal(new List<string> { "echo hi" }, Lines(typed));
        }

        [Fact]
        public void UnterminatedString_TheEnterStillEndsTheLine()
        {
            // Line noise must not swallow the Enter that follows: a control byte ends the string.
            Assert.Equal(new List<string> { "", "echo hi" }, Lines("\x1b]0;never ended\recho hi\r"));
            Assert.Equal(new List<string> { "#" + LineDiscipline.Interrupted, "ok" }, Lines("\x1b]0;x\x03ok\r"));
        }

        [Fact]
        public void EscapeInsideAString_StartsANewSequence()
        {
            Assert.Equal(new List<string> { "echo hi" }, Lines("\x1b]0;x\x1b[Aecho hi\r"));
        }
    }
}
