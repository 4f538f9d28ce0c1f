using ProcNano.App;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Board
{
    /// <summary>The firmware's choice of board from its built-in texts (firmware/App/BoardSelect.cs).</summary>
    public class BoardSelectTests
    {
        [Theory]
        [InlineData("ESP32_REV0", "esp32-devkitc")]       // exact nanoff target
        [InlineData("ESP32_REV3", "esp32-devkitc")]       // same chip, no PSRAM
        [InlineData("ESP32_BLE_REV0", "esp32-devkitc")]
        [InlineData("ESP32_PSRAM_REV3", "esp32-wrover")]
        [InlineData("ESP32_PSRAM_REV0", "esp32-wrover")]
        [InlineData("ESP_WROVER_KIT", "esp32-wrover")]
        [InlineData("ESP32_S3_QUAD", "esp32-s3")]
        [InlineData("ESP32_S3_OCTAL", "esp32-s3")]
        [InlineData("ESP32_C3", "esp32-c3")]
        public void MatchTarget_FirmwareName_PicksTheBoard(string target, string board)
        {
            int i = BoardSelect.MatchTarget(target);
            Assert.True(i >= 0, "no board for " + target);
            Assert.Equal(board, BoardDefaults.BoardName(i));
        }

        [Theory]
        [InlineData("ESP32_C6_THREAD")]
        [InlineData("")]
        [InlineData(null)]
        public void MatchTarget_ChipWithoutBoard_None(string target)
        {
            Assert.Equal(-1, BoardSelect.MatchTarget(target));
        }

        [Fact]
        public void Choose_FollowsNfConfig()
        {
            var nf = new BoardConfig();
            Assert.Equal(0, ConfigFile.Apply(BoardDefaults.NfConfig, nf, out _));
            BoardConfig cfg = BoardSelect.Choose("ESP32_C3", out string error);
            Assert.True(cfg != null, error);
            int named = BoardSelect.IndexOf(nf.Name);
            Assert.True(named >= 0);
            var board = new BoardConfig();
            Assert.Equal(0, ConfigFile.Apply(BoardDefaults.BoardText(named), board, out _));
            // A device board in nf.config is used as is; the host board defers to the firmware's target.
            string expected = board.NanoffTarget.Length > 0 ? nf.Name : "esp32-c3";
            Assert.Equal(expected, cfg.Name);
            Assert.Equal(nf.Hostname, cfg.Hostname);
            // Kernel defaults come from nf.config unless the board file sets its own (the small boards' log ring).
            var layered = new BoardConfig();
            Assert.Equal(0, ConfigFile.Apply(BoardDefaults.NfConfig, layered, out _));
            Assert.Equal(0, ConfigFile.Apply(BoardDefaults.BoardText(BoardSelect.IndexOf(cfg.Name)), layered, out _));
            Assert.Equal(layered.KmsgSize, cfg.KmsgSize);
            Assert.Equal(cfg.Name == "esp32-c3" ? 1024 : nf.KmsgSize, cfg.KmsgSize);
        }

        [Fact]
        public void Chip_NamesTheSiliconFamily()
        {
            Assert.Equal("ESP32", BoardSelect.Chip("ESP32_PSRAM_REV3"));
            Assert.Equal("ESP32", BoardSelect.Chip("ESP_WROVER_KIT"));
            Assert.Equal("ESP32_S3", BoardSelect.Chip("ESP32_S3_QUAD"));
            Assert.Equal("ESP32_C3", BoardSelect.Chip("ESP32_C3"));
            Assert.Equal("ESP32_C6", BoardSelect.Chip("ESP32_C6_THREAD"));
        }
    }
}
