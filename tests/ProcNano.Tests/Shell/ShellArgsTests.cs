using ProcNano;
using Xunit;

namespace ProcNano.Tests.Shell
{
    public class ShellArgsTests
    {
        [Theory]
        [InlineData("0", 0L)]
        [InlineData("4096", 4096L)]
        [InlineData("0x1F", 31L)]
        [InlineData("0xffffffff", 4294967295L)]
        [InlineData("4K", 4096L)]
        [InlineData("2m", 2097152L)]
        [InlineData("-5", -5L)]
        [InlineData("0x20000000", 0x20000000L)]
        public void Numbers_DecimalHexAndSizeSuffixes_Parse(string text, long value)
        {
            Assert.True(ShellArgs.TryParse(text, out long v));
            Assert.Equal(value, v);
        }

        [Theory]
        [InlineData("")]
        [InlineData("0x")]
        [InlineData("12a")]
        [InlineData("abc")]
        [InlineData("-")]
        [InlineData("K")]
        [InlineData("0x1g")]
        [InlineData("99999999999999999999")]
        [InlineData("0x10000000000000000")]
        public void Numbers_Malformed_AreRejected(string text) => Assert.False(ShellArgs.TryParse(text, out _));

        [Theory]
        [InlineData("rw-", Vm.PROT_READ | Vm.PROT_WRITE)]
        [InlineData("r-x", Vm.PROT_READ | Vm.PROT_EXEC)]
        [InlineData("rwx", Vm.PROT_READ | Vm.PROT_WRITE | Vm.PROT_EXEC)]
        [InlineData("---", Vm.PROT_NONE)]
        [InlineData("-", Vm.PROT_NONE)]
        [InlineData("r", Vm.PROT_READ)]
        [InlineData("rr", -1)]
        [InlineData("rwz", -1)]
        [InlineData("rwx-", -1)]
        [InlineData("", -1)]
        public void Prot_RwxLetters_MapToProtBits(string text, int prot) => Assert.Equal(prot, ShellArgs.ParseProt(text));

        [Fact]
        public void Unescape_DecodesPokeEscapes()
        {
            var b = new byte[16];
            int n = ShellArgs.Unescape("a\\n\\x41\\0\\\\\\t", b);
            Assert.Equal(new byte[] { (byte)'a', 10, 0x41, 0, (byte)'\\', 9 }, b[..n]);
        }

        [Fact]
        public void Unescape_BadEscapeOrTooLong_Fails()
        {
            Assert.Equal(-1, ShellArgs.Unescape("\\q", new byte[4]));
            Assert.Equal(-1, ShellArgs.Unescape("\\x4", new byte[4]));
            Assert.Equal(-1, ShellArgs.Unescape("abcde", new byte[4]));
        }

        [Theory]
        [InlineData("/a/b", "b")]
        [InlineData("/a/b/", "b")]
        [InlineData("b", "b")]
        [InlineData("/", "")]
        public void BaseName_IsLastComponent(string path, string name) => Assert.Equal(name, ShellArgs.BaseName(path));
    }
}
