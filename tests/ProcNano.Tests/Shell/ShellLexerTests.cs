using System.Text;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Shell
{
    public class ShellLexerTests
    {
        /// <summary>Check, then every command: words "w:..", operators "op:..", commands separated by " ; ".</summary>
        private static string Split(string line, int max = 256)
        {
            var lex = new ShellLexer(max);
            byte[] b = Encoding.Latin1.GetBytes(line);
            int r = lex.Check(b, b.Length);
            if (r < 0) return "#" + r;
            var sb = new StringBuilder();
            int pos = 0, n, commands = 0;
            while ((n = lex.Next(b, b.Length, ref pos)) >= 0)
            {
                if (commands++ > 0) sb.Append(" ; ");
                for (int i = 0; i < n; i++)
                {
                    if (i > 0) sb.Append('|');
                    sb.Append(lex.Kind[i] == ShellLexer.Word ? "w:" : "op:").Append(lex.Text[i]);
                }
            }
            return sb.ToString();
        }

        [Theory]
        [InlineData(63)]
        [InlineData(64)]
        [InlineData(65)]
        [InlineData(200)]
        public void LongWords_SurviveWhole_PastTheLexersChunk(int n)
        {
            string plain = new string('x', n - 1) + "y";
            string inner = "a b" + new string('q', n) + "\\\"z";       // a b qqq\"z: an escaped quote inside
            string word = "a b" + new string('q', n) + "\"z";
            Assert.Equal("w:" + plain + "|w:" + word + "|w:end", Split(plain + " \"" + inner + "\" end", 1024));
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
        public void Semicolon_SeparatesCommands_EvenWithoutBlanks() => Assert.Equal("w:a ; w:b", Split("a;b;"));

        [Fact]
        public void EmptyCommands_BetweenSemicolons_AreEmpty() => Assert.Equal("w:a ;  ; w:b", Split("a;;b"));

        [Fact]
        public void Redirections_AreOperators_EvenAttached()
            => Assert.Equal("w:echo|w:hi|op:>|w:f|op:>>|w:g", Split("echo hi>f>>g"));

        [Fact]
        public void Hash_AtWordStart_StartsAComment_InsideAWordItDoesNot()
            => Assert.Equal("w:echo|w:a#b", Split("echo a#b # comment ; more"));

        [Fact]
        public void Redirection_FollowedByNoWord_IsAnError_NamingTheToken()
        {
            var lex = new ShellLexer(64);
            byte[] b = Encoding.ASCII.GetBytes("echo > ; x");
            Assert.Equal(ShellLexer.ErrRedirect, lex.Check(b, b.Length));
            Assert.Equal(";", lex.BadToken);
            b = Encoding.ASCII.GetBytes("echo >>");
            Assert.Equal(ShellLexer.ErrRedirect, lex.Check(b, b.Length));
            Assert.Equal("newline", lex.BadToken);
        }

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
            // The limit is per command: a long line of short commands is fine.
            Assert.NotEqual("#" + ShellLexer.ErrTooMany, Split(new StringBuilder().Insert(0, "a b;", ShellLexer.MaxTokens).ToString(), 1024));
        }

        [Fact]
        public void LineLongerThanTheWordBuffer_IsRefused() => Assert.Equal("#" + ShellLexer.ErrTooLong, Split("abcdefghij", 8));
    }
}
