using System.Collections.Generic;
using System.Text;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>
    /// Cursor editing in the line discipline (issue 12): every key as the bytes a terminal sends, the line that
    /// results, and for the redraws the exact bytes written back (the tail, then backspaces or ESC [ n D,
    /// whichever is shorter).
    /// </summary>
    public class LineEditingTests
    {
        private const string Left = "\x1b[D", Right = "\x1b[C", Bs = "\b";

        private static (LineDiscipline, MemoryTty) Make(bool echo = true, int max = LineDiscipline.DefaultMaxLine)
        {
            var tty = new MemoryTty();
            var ld = new LineDiscipline(tty, max, LineDiscipline.DefaultHistory) { Echo = echo };
            return (ld, tty);
        }

        /// <summary>Types <paramref name="keys"/>, returns the lines read until the input closes and the output.</summary>
        private static (List<string> lines, string output) Type(string keys, bool echo = true, int max = LineDiscipline.DefaultMaxLine)
        {
            var (ld, tty) = Make(echo, max);
            tty.Type(keys);
            var r = new List<string>();
            while (true)
            {
                int n = ld.ReadLine();
                if (n == LineDiscipline.Closed) return (r, tty.Output);
                r.Add(n >= 0 ? Encoding.Latin1.GetString(ld.Line, 0, n) : "#" + n);
            }
        }

        private static string Repeat(string s, int n) => new StringBuilder().Insert(0, s, n).ToString();

        [Theory]
        [InlineData("\x1b[D")]   // CSI
        [InlineData("\x1bOD")]   // SS3 (application cursor keys)
        [InlineData("\x02")]     // Ctrl-B
        public void LeftThenType_InsertsInTheMiddle_RedrawsOnlyTheTail(string left)
        {
            var (lines, o) = Type("abd" + left + "c\r");
            Assert.Equal(new[] { "abcd" }, lines);
            Assert.Equal("abd\b" + "cd\b" + "\r\n", o);
        }

        [Theory]
        [InlineData("\x1b[C")]
        [InlineData("\x1bOC")]
        [InlineData("\x06")]     // Ctrl-F
        public void Right_RewritesTheCharacterItPasses(string right)
        {
            var (lines, o) = Type("ab" + Left + Left + right + "x\r");
            Assert.Equal(new[] { "axb" }, lines);
            Assert.Equal("ab\b\b" + "a" + "xb\b" + "\r\n", o);
        }

        [Fact]
        public void LeftAtStart_RightAtEnd_DoNothing()
        {
            var (lines, o) = Type(Left + "a" + Right + Right + Left + Left + Left + "b\r");
            Assert.Equal(new[] { "ba" }, lines);
            Assert.Equal("a\b" + "ba\b" + "\r\n", o);
        }

        [Theory]
        [InlineData("\x1b[H")]
        [InlineData("\x1b[1~")]
        [InlineData("\x1b[7~")]
        [InlineData("\x1bOH")]
        [InlineData("\x01")]     // Ctrl-A
        public void Home_GoesToTheStart(string home)
        {
            var (lines, o) = Type("abc" + home + "X\r");
            Assert.Equal(new[] { "Xabc" }, lines);
            Assert.Equal("abc\b\b\b" + "Xabc\b\b\b" + "\r\n", o);
        }

        [Theory]
        [InlineData("\x1b[F")]
        [InlineData("\x1b[4~")]
        [InlineData("\x1b[8~")]
        [InlineData("\x1bOF")]
        [InlineData("\x05")]     // Ctrl-E
        public void End_GoesToTheEnd(string end)
        {
            var (lines, o) = Type("abc\x01" + end + "Y\r");
            Assert.Equal(new[] { "abcY" }, lines);
            Assert.Equal("abc\b\b\b" + "abc" + "Y" + "\r\n", o);
        }

        [Fact]
        public void LongMoves_UseTheShorterCsiForm()
        {
            // Ten columns: ESC [ 1 0 D (5 bytes) beats ten backspaces, ESC [ 1 0 C beats rewriting ten bytes.
            var (lines, o) = Type("0123456789\x01\x05!\r");
            Assert.Equal(new[] { "0123456789!" }, lines);
            Assert.Equal("0123456789" + "\x1b[10D" + "\x1b[10C" + "!" + "\r\n", o);
            // Four columns back: four backspaces tie with ESC [ 4 D and win (every terminal knows them); five do not.
            Assert.Equal("abcd\b\b\b\b\r\n", Type("abcd\x01\r").output);
            Assert.Equal("abcde\x1b[5D\r\n", Type("abcde\x01\r").output);
        }

        [Fact]
        public void InsertBeforeALongTail_StepsBackWithCsi()
        {
            var (lines, o) = Type("cat /proc/meminfo" + Repeat(Left, 13) + "X\r");
            Assert.Equal(new[] { "cat X/proc/meminfo" }, lines);
            Assert.Equal("cat /proc/meminfo" + Repeat("\b", 13) + "X/proc/meminfo" + "\x1b[13D" + "\r\n", o);
        }

        [Fact]
        public void Delete_RemovesTheCharacterUnderTheCursor()
        {
            var (lines, o) = Type("abc\x01\x1b[3~\r");
            Assert.Equal(new[] { "bc" }, lines);
            Assert.Equal("abc\b\b\b" + "bc" + " " + "\b\b\b" + "\r\n", o);
            Assert.Equal(new[] { "abc" }, Type("abc\x1b[3~\r").lines);   // at the end: nothing
        }

        [Fact]
        public void BackspaceInTheMiddle_ClosesTheGap()
        {
            var (lines, o) = Type("abc" + Left + "\x7f\r");
            Assert.Equal(new[] { "ac" }, lines);
            Assert.Equal("abc\b" + "\b" + "c" + " " + "\b\b" + "\r\n", o);
        }

        [Fact]
        public void CtrlK_KillsToTheEnd()
        {
            var (lines, o) = Type("abcdef" + Left + Left + Left + "\x0b\r");
            Assert.Equal(new[] { "abc" }, lines);
            Assert.Equal("abcdef\b\b\b" + "   " + "\b\b\b" + "\r\n", o);
        }

        [Fact]
        public void CtrlU_InTheMiddle_KillsToTheStart()
        {
            var (lines, o) = Type("abcdef" + Left + Left + "\x15\r");
            Assert.Equal(new[] { "ef" }, lines);
            Assert.Equal("abcdef\b\b" + "\b\b\b\b" + "ef" + "    " + "\x1b[6D" + "\r\n", o);
        }

        [Fact]
        public void CtrlW_ErasesTheWordBeforeTheCursor_AndTheBlanksAfterIt()
        {
            var (lines, o) = Type("echo foo bar\x17\r");
            Assert.Equal(new[] { "echo foo " }, lines);
            Assert.Equal("echo foo bar" + "\b\b\b" + "   " + "\b\b\b" + "\r\n", o);
            Assert.Equal(new[] { "echo " }, Type("echo foo  \x17\r").lines);
            Assert.Equal(new[] { "echo bar" }, Type("echo foo bar" + Repeat(Left, 3) + "\x17\r").lines);
            Assert.Equal(new[] { "" }, Type("\x17\r").lines);
        }

        [Fact]
        public void CtrlL_ClearsTheScreen_RedrawsPromptAndLine_CursorInPlace()
        {
            var (ld, tty) = Make();
            ld.Prompt = "nsh> ";
            tty.Type("ab" + Left + "\x0c" + "X\r");
            Assert.Equal(3, ld.ReadLine());
            Assert.Equal("aXb", Encoding.Latin1.GetString(ld.Line, 0, 3));
            Assert.Equal("ab\b" + "\x1b[H\x1b[2J" + "nsh> ab\b" + "Xb\b" + "\r\n", tty.Output);
        }

        [Fact]
        public void Utf8_CharactersStayWholeUnderMovesInsertsAndDeletes()
        {
            // "aé€" then left twice (over € and é, one column each), insert x, right over é (2 bytes, written
            // again) and € (3 bytes: written again, ESC [ C is no shorter), then a 4-byte character is passed with ESC [ C.
            string aeEuro = "a\u00c3\u00a9\u00e2\u0082\u00ac";
            var (lines, o) = Type(aeEuro + Left + Left + "x" + Right + Right + "\r");
            Assert.Equal(new[] { "ax\u00c3\u00a9\u00e2\u0082\u00ac" }, lines);
            Assert.Equal(aeEuro + "\b\b" + "x\u00c3\u00a9\u00e2\u0082\u00ac\b\b" + "\u00c3\u00a9" + "\u00e2\u0082\u00ac" + "\r\n", o);

            string emoji = "\u00f0\u009f\u0098\u0080";
            (lines, o) = Type("a" + emoji + "\x01" + Right + Right + "\r");
            Assert.Equal("a" + emoji + "\b\b" + "a" + "\x1b[C" + "\r\n", o);

            // Delete and backspace take the whole character.
            Assert.Equal(new[] { "a\u00e2\u0082\u00ac" }, Type(aeEuro + Left + "\x7f\r").lines);
            Assert.Equal(new[] { "a\u00c3\u00a9" }, Type(aeEuro + Left + "\x1b[3~\r").lines);
        }

        [Fact]
        public void HistoryRecall_FromTheMiddle_ErasesTheWholeLine_CursorAtTheEnd()
        {
            var (lines, o) = Type("ls\r" + "xyz" + Left + Left + "\x1b[A" + "!\r");
            Assert.Equal(new[] { "ls", "ls!" }, lines);
            Assert.Equal("ls\r\n" + "xyz\b\b" + "yz" + "\b\b\b   \b\b\b" + "ls" + "!" + "\r\n", o);
        }

        [Fact]
        public void TypingAtTheEnd_AndEditingKeysOnAPipe_BehaveAsBefore()
        {
            // A pipe (no echo): the cursor never moves, the new control keys are noise, a tab is text.
            Assert.Equal(new[] { "abc", "a\tb", "abc" }, Type("ab\x1b[Dc\r" + "a\tb\r" + "a\x01\x02\x05\x06\x0b" + "b\x0c\x17" + "c\r", echo: false).lines);
            Assert.Equal("", Type("ab\x1b[Dc\x01\r", echo: false).output);
            // An echoing line with no completer: Tab is text, as before.
            var (lines, o) = Type("a\tb\r");
            Assert.Equal(new[] { "a\tb" }, lines);
            Assert.Equal("a\tb\r\n", o);
        }

        [Fact]
        public void InsertIntoAFullLine_IsRefused_BellOnce()
        {
            var (lines, o) = Type("abcd" + Left + "xy\r" + "ok\r", max: 4);
            Assert.Equal(new[] { "#" + LineDiscipline.TooLong, "ok" }, lines);
            Assert.Equal("abcd\b\a\r\nok\r\n", o);
        }

        [Fact]
        public void OtherCsiKeys_Insert_PageUp_F5_BracketedPaste_AreSwallowed()
        {
            var (lines, o) = Type("ab\x1b[2~\x1b[5~\x1b[15~\x1b[200~c\x1b[201~\r");
            Assert.Equal(new[] { "abc" }, lines);
            Assert.Equal("abc\r\n", o);
        }

        [Fact]
        public void SteadyStateKeystrokes_AllocateNothing()
        {
            var tty = new NullTty();
            var ld = new LineDiscipline(tty) { Echo = true, Prompt = "nsh> " };
            byte[] keys = Encoding.Latin1.GetBytes("echo hello world" + Left + Left + "X\x7f\x01\x1b[3~\x05\x17\x0b"
                + "\x1b[H\x1b[F\x1bOD\x1bOC\x02\x06\x0c" + "\u00c3\u00a9" + Left + "y\x15" + "ls\r" + "\x1b[A\x1b[B\r");
            void Feed(int rounds)
            {
                for (int r = 0; r < rounds; r++) foreach (byte b in keys) ld.Feed(b);
            }
            Feed(50);   // warm up
            Assert.Equal(0, Allocations.Fewest(() => Feed(200)));
            Assert.True(tty.Written > 0);
        }

        [Fact]
        public void NewControlKeys_OnAnEmptyLine_WriteNothing_ButCtrlL()
        {
            // Home, Left, End, Right, Ctrl-K, Ctrl-W, Delete on an empty line: nothing to do, nothing written.
            var (lines, o) = Type("\x01\x02\x05\x06\x0b\x17\x1b[3~\x1b[D\x1b[C" + "ok\r");
            Assert.Equal(new[] { "ok" }, lines);
            Assert.Equal("ok\r\n", o);
        }
    }
}
