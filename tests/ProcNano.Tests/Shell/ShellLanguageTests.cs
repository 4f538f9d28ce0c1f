using ProcNano;
using Xunit;
using KShell = ProcNano.Shell;

namespace ProcNano.Tests.Shell
{
    /// <summary>The language: $? and variables, &amp;&amp; ||, if and while (one line and across lines), test and [,
    /// and the syntax errors each construct can make.</summary>
    public class ShellLanguageTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        [Fact]
        public void Status_IsTheLastCommands()
        {
            Assert.Equal("1\n0\nsh: nosuch: command not found\n127\n", _h.Out("false; echo $?; true; echo $?; nosuch; echo $?"));
        }

        [Fact]
        public void Assignment_SetsAVariable_BracesAndDoubleQuotesExpand_SingleQuotesDoNot()
        {
            Assert.Equal(0, _h.Run("X=hello; echo $X ${X}world \"[$X]\" '$X' \\$X", out string o));
            Assert.Equal("hello helloworld [hello] $X $X\n", o);
        }

        [Fact]
        public void UnsetVariable_UnquotedVanishes_QuotedIsAnEmptyWord()
        {
            Assert.Equal("a b\n", _h.Out("echo a $NOPE b"));
            Assert.Equal("a  b\n", _h.Out("echo a \"$NOPE\" b"));
            Assert.Equal(0, _h.Run("test -z \"$NOPE\"", out _));
        }

        [Fact]
        public void DollarDollar_IsTheShellsPid_LoneDollarIsLiteral()
        {
            Assert.Equal(_h.K.Sys.Getpid(_h.Task) + " $ a$\n", _h.Out("echo $$ $ a$"));
        }

        [Fact]
        public void ValueWithBlanks_StaysOneWord()
        {
            _h.Out("V='a  b'");
            Assert.Equal(0, _h.Run("test \"$V\" = 'a  b'", out _));
            Assert.Equal("a  b\n", _h.Out("echo \"$V\""));
        }

        [Fact]
        public void TooManyVariables_IsAnError_TheOldOnesStay()
        {
            for (int i = 0; i < KShell.MaxVars; i++) Assert.Equal(0, _h.Run("V" + i + "=" + i, out _));
            Assert.Equal(1, _h.Run("W=1", out string o));
            Assert.Equal("sh: too many variables (max " + KShell.MaxVars + ")\n", o);
            Assert.Equal("3\n", _h.Out("echo $V3"));
            _h.Out("unset V3");
            Assert.Equal(0, _h.Run("W=1; echo $W", out o));
            Assert.Equal("1\n", o);
        }

        [Fact]
        public void AndOr_RunTheSecondByTheFirstsStatus()
        {
            Assert.Equal("a\nc\n", _h.Out("true && echo a; false && echo b; false || echo c; true || echo d"));
            // Left to right, the status carrying: a skipped command leaves it as it was.
            Assert.Equal("y\n", _h.Out("false && echo x || echo y"));
            Assert.Equal(1, _h.Run("true && false", out _));
        }

        [Fact]
        public void If_OnOneLine_ThenElseElif()
        {
            Assert.Equal("yes\n", _h.Out("if true; then echo yes; else echo no; fi"));
            Assert.Equal("no\n", _h.Out("if false; then echo yes; else echo no; fi"));
            Assert.Equal("two\n", _h.Out("if false; then echo one; elif true; then echo two; else echo three; fi"));
            Assert.Equal("three\n", _h.Out("if false; then echo one; elif false; then echo two; else echo three; fi"));
            // No branch ran: status 0, as sh gives.
            Assert.Equal(0, _h.Run("if false; then echo x; fi", out string o));
            Assert.Equal("", o);
            Assert.Equal("in\nafter\n", _h.Out("if true; then if false; then echo no; else echo in; fi; fi; echo after"));
        }

        [Fact]
        public void While_RunsUntilTheConditionFails_StatusOfTheBody()
        {
            _h.Out("echo x > /tmp/f");
            Assert.Equal(0, _h.Run("while test -e /tmp/f; do echo once; rm /tmp/f; done", out string o));
            Assert.Equal("once\n", o);
            Assert.Equal(0, _h.Run("while false; do echo never; done", out o));
            Assert.Equal("", o);
        }

        [Fact]
        public void While_CountsWithVariables()
        {
            // Without arithmetic, a counter is a growing word.
            Assert.Equal("x\nxx\nxxx\n", _h.Out("N=; while test \"$N\" != xxx; do N=${N}x; echo $N; done"));
        }

        [Fact]
        public void Script_IfAndWhileSpanLines()
        {
            string script = "N=\nwhile [ \"$N\" != aa ]\ndo\n  N=a$N\n  if [ $N = a ]\n  then\n    echo first\n  else\n    echo then $N\n  fi\ndone\necho end $?\n";
            _h.Tty.ClearOutput();
            Assert.Equal(0, _h.Sh.RunScript(script));
            Assert.Equal("first\nthen aa\nend 0\n", _h.Tty.Output);
        }

        [Fact]
        public void AndOr_MayContinueOnTheNextLine()
        {
            _h.Tty.ClearOutput();
            _h.Sh.RunScript("true &&\n  echo joined\n");
            Assert.Equal("joined\n", _h.Tty.Output);
        }

        [Theory]
        [InlineData("if true; then echo x", "unexpected end of file")]
        [InlineData("if true; echo x; fi", "near unexpected token 'fi'")]
        [InlineData("fi", "near unexpected token 'fi'")]
        [InlineData("while true; done", "near unexpected token 'done'")]
        [InlineData("&& echo x", "near unexpected token '&&'")]
        [InlineData("echo a &&", "near unexpected token 'newline'")]
        [InlineData("echo a ; || echo b", "near unexpected token '||'")]
        [InlineData("echo a | cat", "near unexpected token '|'")]
        [InlineData("echo ${X", "bad substitution (missing '}')")]
        [InlineData("if true; then echo x; fi echo", "near unexpected token 'word'")]
        public void SyntaxErrors_Status2_RunNothing(string line, string message)
        {
            Assert.Equal(2, _h.Run("echo before; " + line, out string o));
            Assert.Equal("sh: syntax error: " + message + "\n", o);
        }

        [Fact]
        public void SyntaxError_InAScript_StopsItThere_EarlierCommandsRan()
        {
            _h.Tty.ClearOutput();
            Assert.Equal(2, _h.Sh.RunScript("echo one\nif true; then\necho two\n"));
            Assert.Equal("one\nsh: syntax error: unexpected end of file\n", _h.Tty.Output);
        }

        [Fact]
        public void ReservedWords_OnlyAtACommandsStart_OrUnquoted()
        {
            Assert.Equal("if then fi\n", _h.Out("echo if then fi"));
            Assert.Equal(127, _h.Run("'if' true", out string o));
            Assert.Equal("sh: if: command not found\n", o);
        }

        [Theory]
        [InlineData("test", 1)]
        [InlineData("test x", 0)]
        [InlineData("test ''", 1)]
        [InlineData("test -n x", 0)]
        [InlineData("test -z x", 1)]
        [InlineData("test a = a", 0)]
        [InlineData("test a != a", 1)]
        [InlineData("test 3 -lt 10", 0)]
        [InlineData("test 3 -gt 10", 1)]
        [InlineData("test -5 -le -5", 0)]
        [InlineData("test 7 -ge 8", 1)]
        [InlineData("test 7 -eq 7", 0)]
        [InlineData("test 7 -ne 7", 1)]
        [InlineData("test ! -z x", 0)]
        [InlineData("test ! a = a", 1)]
        [InlineData("test -d /proc", 0)]
        [InlineData("test -f /proc", 1)]
        [InlineData("test -f /proc/meminfo", 0)]
        [InlineData("test -e /nonexistent", 1)]
        [InlineData("[ -d /tmp ]", 0)]
        [InlineData("[ ]", 1)]
        public void Test_Answers(string line, int status) => Assert.Equal(status, _h.Run(line, out _));

        [Theory]
        [InlineData("test 1 -lt x", "test: x: integer expression expected\n")]
        [InlineData("test -q x", "test: -q: unary operator expected\n")]
        [InlineData("test a b c d e", "test: too many arguments\n")]
        [InlineData("[ a = a", "[: missing ']'\n")]
        public void Test_SyntaxErrors_Status2(string line, string message)
        {
            Assert.Equal(2, _h.Run(line, out string o));
            Assert.Equal(message, o);
        }

        [Fact]
        public void RandomConstructs_NeverThrow_GiveAKnownStatus_ErrorsRunNothing()
        {
            // Only commands that fail, so no while loop can spin; echo marks what ran.
            string[] parts = { "if", "then", "else", "elif", "fi", "while", "do", "done", ";", "&&", "||", "&", "\n",
                "false", "[ a = b ]", "test -z x", "echo ran", "X=1", "$X", "'if'", "\"", "${X" };
            var rnd = new System.Random(12);
            int syntax = 0, ran = 0;
            for (int iter = 0; iter < 3000; iter++)
            {
                var sb = new System.Text.StringBuilder();
                for (int k = rnd.Next(1, 12); k > 0; k--) sb.Append(parts[rnd.Next(parts.Length)]).Append(' ');
                _h.Tty.ClearOutput();
                int status = _h.Sh.RunScript(sb.ToString());
                string o = _h.Tty.Output;
                Assert.Contains(status, new[] { 0, 1, 2, 127 });
                if (o.Contains("sh: syntax error")) { syntax++; Assert.Equal(2, status); }
                if (o.Contains("ran")) ran++;
                Assert.DoesNotContain("internal error", o);
            }
            Assert.True(syntax > 300 && ran > 100, syntax + " syntax errors, " + ran + " ran");
        }

        [Fact]
        public void Exit_InsideALoop_EndsTheShellThere()
        {
            _h.Tty.ClearOutput();
            Assert.Equal(4, _h.Sh.RunScript("while true\ndo\n  echo once\n  exit 4\ndone\necho never\n"));
            Assert.Equal("once\n", _h.Tty.Output);
            Assert.True(_h.Sh.Exited);
        }

        [Fact]
        public void StatusAfterASyntaxError_Is2()
        {
            _h.Run("if", out _);
            Assert.Equal("2\n", _h.Out("echo $?"));
        }

        [Fact]
        public void AssignmentsBeforeACommand_AreSet_TheCommandRuns()
        {
            Assert.Equal("\n", _h.Out("A=1 echo $A"));   // expanded before the assignment, as in sh
            Assert.Equal("1\n", _h.Out("echo $A"));
            Assert.Equal("a=b\n", _h.Out("echo a=b"));    // not the first word: an argument
        }

        [Fact]
        public void EscapedDollar_InDoubleQuotes_IsLiteral() => Assert.Equal("$HOME x\n", _h.Out("X=x; echo \"\\$HOME $X\""));

        [Fact]
        public void TestDashH_IsAnOperand_NotHelp()
        {
            Assert.Equal(0, _h.Run("test -h", out string o));
            Assert.Equal("", o);
        }
    }
}
