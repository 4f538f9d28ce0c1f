using ProcNano;
using Xunit;

namespace ProcNano.Tests.Lib
{
    public class OutBufNumberTests
    {
        private static string Dec(long v, int width, char pad) { var o = new OutBuf(64); o.Dec(v, width, pad); return o.ToString(); }
        private static string Hex(ulong v, int width, char pad) { var o = new OutBuf(64); o.Hex(v, width, pad); return o.ToString(); }
        private static string Oct(ulong v, int width, char pad) { var o = new OutBuf(64); o.Oct(v, width, pad); return o.ToString(); }

        [Theory]
        [InlineData(0L, 0, ' ', "0")]
        [InlineData(9L, 0, ' ', "9")]
        [InlineData(10L, 0, ' ', "10")]
        [InlineData(-42L, 6, ' ', "   -42")]
        [InlineData(-42L, 6, '0', "-00042")]
        [InlineData(42L, -5, ' ', "42   ")]
        [InlineData(long.MaxValue, 0, ' ', "9223372036854775807")]
        [InlineData(long.MinValue, 0, ' ', "-9223372036854775808")]
        [InlineData(1000000000000000000L, 0, ' ', "1000000000000000000")]
        public void Dec_AsPrintf(long v, int width, char pad, string expected) { Assert.Equal(expected, Dec(v, width, pad)); }

        [Theory]
        [InlineData(0UL, 8, '0', "00000000")]
        [InlineData(0xdeadbeefUL, 0, ' ', "deadbeef")]
        [InlineData(0x1aUL, 4, ' ', "  1a")]
        [InlineData(0x1aUL, -4, ' ', "1a  ")]
        [InlineData(ulong.MaxValue, 0, ' ', "ffffffffffffffff")]
        public void Hex_AsPrintf(ulong v, int width, char pad, string expected) { Assert.Equal(expected, Hex(v, width, pad)); }

        [Theory]
        [InlineData(0x1edUL, 4, '0', "0755")]
        [InlineData(ulong.MaxValue, 0, ' ', "1777777777777777777777")]
        public void Oct_AsPrintf(ulong v, int width, char pad, string expected) { Assert.Equal(expected, Oct(v, width, pad)); }
    }
}
