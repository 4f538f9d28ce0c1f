using System;
using System.Collections.Generic;
using System.Linq;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Board
{
    /// <summary>The key = value format of nf.config and boards/*.board, parsed by the kernel's ConfigFile.</summary>
    public class ConfigFileTests
    {
        private static BoardConfig Parse(string text)
        {
            var cfg = new BoardConfig();
            int r = ConfigFile.Apply(text, cfg, out string error);
            Assert.True(r == 0, error);
            Assert.Null(error);
            return cfg;
        }

        private static string Error(string text)
        {
            var cfg = new BoardConfig();
            int r = ConfigFile.Apply(text, cfg, out string error);
            Assert.Equal(-Errno.EINVAL, r);
            Assert.False(string.IsNullOrEmpty(error));
            return error;
        }

        [Fact]
        public void Apply_KeyValueLines_SetFields()
        {
            var c = Parse("name = esp32-x\npage_size = 512\narena_pages = 96\nshell_uart = COM2\nuart_rx_pin = 16\n" +
                          "uart_tx_pin = 17\ncpu_model = Xtensa LX6\nhostname = box\nboot_script = boards/boot.sh\n");
            Assert.Equal("esp32-x", c.Name);
            Assert.Equal(512, c.PageSize);
            Assert.Equal(9, c.PageShift);
            Assert.Equal(96, c.ArenaPages);
            Assert.Equal("COM2", c.ShellUart);
            Assert.Equal(16, c.UartRxPin);
            Assert.Equal("Xtensa LX6", c.CpuModel);
            Assert.Equal("box", c.Hostname);
            Assert.Equal("boards/boot.sh", c.BootScript);
        }

        [Fact]
        public void Apply_HexAndDecimalNumbers_BothAccepted()
        {
            var c = Parse("arena_base = 0x3FFB0000\nrom_base = 2147483648\nkmsg_size = 0x800\nuart_rx_pin = -1\n");
            Assert.Equal(0x3FFB0000u, c.ArenaBase);
            Assert.Equal(0x80000000u, c.RomBase);
            Assert.Equal(2048, c.KmsgSize);
            Assert.Equal(-1, c.UartRxPin);
        }

        [Fact]
        public void Apply_CommentsBlankLinesAndCrLf_Ignored()
        {
            var c = Parse("# a comment\r\n\r\n   # indented comment\r\npage_size = 1024   # trailing comment\r\n\tcpu_features =  \r\n");
            Assert.Equal(1024, c.PageSize);
            Assert.Equal("", c.CpuFeatures);
        }

        [Fact]
        public void Apply_HashInsideAWord_IsPartOfTheValue()
        {
            Assert.Equal("a#b", Parse("cpu_model = a#b\n").CpuModel);
        }

        [Fact]
        public void Apply_EmptyText_KeepsDefaults()
        {
            var c = Parse("");
            Assert.Equal(4096, c.PageSize);
            Assert.Equal("host", c.Name);
        }

        [Fact]
        public void Apply_UnknownKey_EinvalNamingLineAndKey()
        {
            string e = Error("page_size = 4096\n\npgae_size = 512\n");
            Assert.StartsWith("line 3:", e);
            Assert.Contains("unknown key 'pgae_size'", e);
        }

        [Fact]
        public void Apply_RepeatedKey_EinvalNamingBothLines()
        {
            string e = Error("baud = 9600\nbaud = 115200\n");
            Assert.StartsWith("line 2:", e);
            Assert.Contains("line 1", e);
        }

        [Fact]
        public void Apply_LineWithoutEquals_Einval()
        {
            Assert.StartsWith("line 2:", Error("# ok\npage_size 4096\n"));
            Assert.StartsWith("line 1:", Error("= 4096\n"));
        }

        [Theory]
        [InlineData("page_size = big")]
        [InlineData("page_size = 0x")]
        [InlineData("page_size = 12abc")]
        [InlineData("page_size = 99999999999999999999")]
        [InlineData("arena_base = -4096")]
        [InlineData("arena_base = 0x100000000")]
        [InlineData("baud =")]
        public void Apply_BadNumber_EinvalOnItsLine(string line)
        {
            string e = Error("# first\n" + line + "\n");
            Assert.StartsWith("line 2:", e);
        }

        [Theory]
        [InlineData("page_size = 128")]
        [InlineData("page_size = 8192")]
        [InlineData("page_size = 768")]
        [InlineData("arena_pages = 0")]
        [InlineData("arena_pages = 40000")]
        [InlineData("arena_base = 0x3FFB0010")]
        [InlineData("pid_max = 300")]
        [InlineData("pid_max = 4194305")]
        [InlineData("nr_trim_pages = -1")]
        [InlineData("kmsg_size = 100")]
        [InlineData("shell_uart = UART1")]
        [InlineData("shell_uart = COM0")]
        [InlineData("hostname = two words")]
        [InlineData("flash_mount = flash")]
        [InlineData("cpu_cores = 0")]
        [InlineData("uart_rx_pin = 49")]
        public void Apply_OutOfRangeValue_EinvalNamingLineAndKey(string line)
        {
            string key = line.Substring(0, line.IndexOf(' '));
            string e = Error("# first\n" + line + "\n");
            Assert.StartsWith("line 2: " + key + ":", e);
        }

        [Fact]
        public void Apply_PowerOfTwoPageSizes_256To4096_Accepted()
        {
            for (int size = 256; size <= 4096; size *= 2)
                Assert.Equal(size, Parse("page_size = " + size + "\n").PageSize);
        }

        [Fact]
        public void Apply_ArenaPastFourGigabytes_Einval()
        {
            Assert.Contains("32-bit", Error("arena_base = 0xFFFF0000\narena_pages = 32\n"));
        }

        [Fact]
        public void Apply_RomInsideArena_Einval()
        {
            string e = Error("arena_base = 0x20000000\nrom_base = 0x20001000\n");
            Assert.StartsWith("line 2: rom_base:", e);
        }

        [Fact]
        public void Apply_ComPortWithoutPins_Einval()
        {
            Assert.Contains("needs an RX pin", Error("shell_uart = COM2\n"));
            Assert.Contains("same pin", Error("shell_uart = COM2\nuart_rx_pin = 5\nuart_tx_pin = 5\n"));
            // COM1 keeps its default pins when none are given.
            Assert.Equal("COM1", Parse("shell_uart = COM1\n").ShellUart);
        }

        [Fact]
        public void Apply_SecondText_OverridesTheFirst()
        {
            var cfg = new BoardConfig();
            Assert.Equal(0, ConfigFile.Apply("board = a\nhostname = one\n", cfg, out _));
            Assert.Equal(0, ConfigFile.Apply("name = a\npage_size = 256\n", cfg, out _));
            Assert.Equal("one", cfg.Hostname);
            Assert.Equal(256, cfg.PageSize);
        }

        [Fact]
        public void Apply_CrossFieldErrorFromEarlierText_NamesKeyWithoutLine()
        {
            var cfg = new BoardConfig();
            Assert.Equal(0, ConfigFile.Apply("arena_base = 0x20000000\n", cfg, out _));
            // Rom is fine on its own, but this text moves the arena onto it: the culprit key has no line here.
            Assert.Equal(-Errno.EINVAL, ConfigFile.Apply("# x\nrom_base = 0x20000000\n", cfg, out string e));
            Assert.StartsWith("line 2: rom_base:", e);
            cfg = new BoardConfig();
            cfg.RomBase = 0x20000100;
            Assert.Equal(-Errno.EINVAL, ConfigFile.Apply("# x\n", cfg, out e));
            Assert.StartsWith("rom_base:", e);
        }

        [Fact]
        public void Validate_DefaultConfig_IsValid()
        {
            Assert.Equal(0, ConfigFile.Validate(new BoardConfig(), out string e));
            Assert.Null(e);
            var bad = new BoardConfig { PageSize = 300 };
            Assert.Equal(-Errno.EINVAL, ConfigFile.Validate(bad, out e));
            Assert.StartsWith("page_size:", e);
        }

        [Fact]
        public void Apply_EveryBoardConfigField_HasASnakeCaseKey()
        {
            // A field added to BoardConfig must be settable from the files, or the device could never get it; and
            // its key must set that field and no other. Each key gets a value unlike the default, so a key wired
            // to the wrong field shows as one field unchanged and another changed.
            var fields = typeof(BoardConfig).GetFields().Where(f => !f.IsStatic && !f.IsInitOnly).ToArray();
            foreach (var f in fields)
            {
                string key = System.Text.RegularExpressions.Regex.Replace(f.Name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();
                var defaults = new BoardConfig();
                object old = f.GetValue(defaults);
                BoardConfig cfg = null;
                string why = null;
                foreach (string candidate in NewValues(old))
                {
                    var c = new BoardConfig();
                    if (ConfigFile.Apply(key + " = " + candidate + "\n", c, out why) == 0 && !Equals(f.GetValue(c), old)) { cfg = c; break; }
                }
                Assert.True(cfg != null, f.Name + ": no value unlike the default was accepted (" + why + ")");
                foreach (var other in fields)
                    if (other != f) Assert.True(Equals(other.GetValue(defaults), other.GetValue(cfg)), key + " also changed " + other.Name);
            }
        }

        private static IEnumerable<string> NewValues(object old)
        {
            if (old is string s) return new[] { "COM1", "stdio", "/mnt", "ESP32_S3", "procnano2", "x" + s, "x" };
            if (old is bool b) return new[] { b ? "false" : "true" };
            long n = Convert.ToInt64(old);
            return new[] { n * 2, n + 1, n / 2, 2, 1, 64, 4096, 0x3F000000L }.Where(v => v != n).Select(v => v.ToString());
        }

        [Theory]
        [InlineData("0", 0L)]
        [InlineData("-1", -1L)]
        [InlineData("0x3FFB0000", 0x3FFB0000L)]
        [InlineData("0Xff", 255L)]
        [InlineData("4294967295", 4294967295L)]
        public void ParseNumber_DecimalAndHex(string text, long expected)
        {
            Assert.True(ConfigFile.ParseNumber(text, out long v));
            Assert.Equal(expected, v);
        }

        [Theory]
        [InlineData("")]
        [InlineData("-")]
        [InlineData("0x")]
        [InlineData("1.5")]
        [InlineData(" 1")]
        [InlineData("0x1g")]
        public void ParseNumber_Garbage_False(string text)
        {
            Assert.False(ConfigFile.ParseNumber(text, out _));
        }

        [Theory]
        [InlineData("COM1", 1)]
        [InlineData("COM2", 2)]
        [InlineData("COM9", 9)]
        [InlineData("COM10", 0)]
        [InlineData("COM0", 0)]
        [InlineData("stdio", 0)]
        [InlineData(null, 0)]
        public void ComNumber_OnlyCom1ToCom9(string port, int expected)
        {
            Assert.Equal(expected, ConfigFile.ComNumber(port));
        }
    }
}
