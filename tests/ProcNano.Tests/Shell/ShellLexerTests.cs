using System.Text;
using ProcNano.Kernel;
using Xunit;

namespace ProcNano.Tests.Shell
{
    public class ShellLexerTests
    {
        private static string Split(string line, int max = 256)
        {
            var lex = new ShellLexer(max);
            byte[] b = Encoding.Latin1.GetBytes(line);
            int n = lex.Split(b, b.Length);
            if (n < 0) return "#" + n;
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append('|');
                sb.Append(lex.Kind[i] == ShellLexer.Word ? "w:" : "op:").Append(lex.Text[i]);
            }
            return sb.ToString();
        }

        [Fact]
        public void Blanks_SeparateWords() => Assert.Equal("w:a|w:b|w:c", Split("  a \t b   c  "));

        [Fact]
        public void SingleQuotes_AreLiteral() => Assert.Equal("w:a  b;>\\\"", Split("'a  b;>\\\"'"));

        [Fact]
        public void DoubleQuotes_KeepBlanks_BackslashEscapesQuoteAndBackslashOnly()
            => Assert.Equal("w:say \"hi\" \\n\\", Split("\"say \\\"hi\\\" \\n\\\\\""));

        [Fact]
        public void Backslash_OutsideQuotes_EscapesNextCharacter() => Assert.Equal("w:a b|w:;", Split("a\\ b \\;"));

        [Fact]
        public void QuotedPieces_JoinIntoOneWord() => Assert.Equal("w:abcd", Split("a'b'\"c\"d"));

        [Fact]
        public void EmptyQuotes_MakeAnEmptyWord() => Assert.Equal("w:echo|w:|w:x", Split("echo '' x"));

        [Fact]
        public void Semicolon_SeparatesCommands_EvenWithoutBlanks() => Assert.Equal("w:a|op:;|w:b|op:;", Split("a;b;"));

        [Fact]
        public void Redirections_AreOperators_EvenAttached()
            => Assert.Equal("w:echo|w:hi|op:>|w:f|op:>>|w:g", Split("echo hi>f>>g"));

        [Fact]
        public void Hash_AtWordStart_StartsAComment_InsideAWordItDoesNot()
            => Assert.Equal("w:echo|w:a#b", Split("echo a#b # comment ; more"));

        [Fact]
        public void UnterminatedQuote_IsAnError()
        {
            Assert.Equal("#" + ShellLexer.ErrQuote, Split("echo 'abc"));
            Assert.Equal("#" + ShellLexer.ErrQuote, Split("echo \"abc"));
        }

        [Fact]
        public void TooManyTokens_IsAnError_NotAnOverflow()
        {
            Assert.Equal("#" + ShellLexer.ErrTooMany, Split(new StringBuilder().Insert(0, "a ", ShellLexer.MaxTokens + 1).ToString(), 1024));
            Assert.NotEqual("#" + ShellLexer.ErrTooMany, Split(new StringBuilder().Insert(0, "a ", ShellLexer.MaxTokens).ToString(), 1024));
        }

        [Fact]
        public void LineLongerThanTheWordBuffer_IsRefused() => Assert.Equal("#" + ShellLexer.ErrTooLong, Split("abcdefghij", 8));
    }
}
