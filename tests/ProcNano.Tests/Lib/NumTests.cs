using ProcNano;
using Xunit;

namespace ProcNano.Tests.Lib
{
    public class NumTests
    {
        [Theory]
        [InlineData("0", 0L)]
        [InlineData("4096", 4096L)]
        [InlineData("-12", -12L)]
        [InlineData("0x3FFB0000", 0x3FFB0000L)]
        [InlineData("0xffffffff", 0xFFFFFFFFL)]
        [InlineData("9223372036854775807", long.MaxValue)]
        public void TryParse_Accepts(string s, long v)
        {
            Assert.True(Num.TryParse(s, out long got));
            Assert.Equal(v, got);
        }

        [Theory]
        [InlineData("")]
        [InlineData("0x")]
        [InlineData("-")]
        [InlineData("12a")]
        [InlineData("0xg1")]
        [InlineData(" 1")]
        [InlineData("9223372036854775808")]
        [InlineData("0x10000000000000000")]
        [InlineData("27000000000000000000")]   // wraps past 2^64 to a value below 2^63
        [InlineData("0x17FFFFFFFFFFFFFFF")]    // likewise in hex
        public void TryParse_Rejects(string s)
        {
            Assert.False(Num.TryParse(s, out _));
        }

        [Fact]
        public void OutBuf_FormatsLikePrintf()
        {
            var o = new OutBuf(64);
            o.Dec(42, 8, ' '); o.Char('|'); o.Hex(0xab, 8, '0'); o.Char('|'); o.Dec(-7, -4, ' '); o.Char('|');
            o.Oct(0x1B6, 4, ' ');
            Assert.Equal("      42|000000ab|-7  | 666", o.ToString());
            o.Clear();
            o.Str("abc"); o.PadTo(6); o.Char('x'); o.PadTo(2); o.Char('y');
            Assert.Equal("abc   x y", o.ToString());
        }

        [Fact]
        public void OutBuf_TruncateAcrossLines_ColumnCountsFromTheLastKeptNewline()
        {
            // Undoing a record that held a newline: padding after it must count from the kept line's start.
            var o = new OutBuf(64);
            o.Str("ab\ncd\nef");
            o.Truncate(4);
            o.PadTo(3);
            o.Char('x');
            Assert.Equal("ab\nc  x", o.ToString());
            // Bytes moved to the front behind its back (ShellWriter keeps a partial line so): no newline left.
            o.Clear();
            o.Str("0123\n5678901");
            for (int i = 0; i < 7; i++) o.Buffer[i] = o.Buffer[5 + i];
            o.Truncate(7);
            Assert.Equal(7, o.Column);
        }
    }
}
