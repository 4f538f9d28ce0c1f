using System.IO;
using ProcNano.HostSim;
using ProcNano;
using ProcNano.Tests.Build;
using Xunit;

namespace ProcNano.Tests.Board
{
    /// <summary>The shipped boards: each loads, and its numbers fit the chip it describes.</summary>
    public class BoardFilesTests
    {
        public static TheoryData<string> Boards()
        {
            var data = new TheoryData<string>();
            foreach (string b in BoardLoader.BoardNames(RepoPaths.Root)) data.Add(b);
            return data;
        }

        private static BoardConfig Load(string board)
        {
            BoardConfig cfg = BoardLoader.Load(RepoPaths.Root, board, out string error);
            Assert.True(cfg != null, error);
            return cfg;
        }

        [Fact]
        public void Boards_SpecsBoardsAllShipped()
        {
            string[] names = BoardLoader.BoardNames(RepoPaths.Root);
            foreach (string b in new[] { "host", "esp32-devkitc", "esp32-wrover", "esp32-s3", "esp32-c3" })
                Assert.Contains(b, names);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Board_LoadsWithNfConfig(string board)
        {
            BoardConfig cfg = Load(board);
            Assert.Equal(board, cfg.Name);
            Assert.Equal(0, ConfigFile.Validate(cfg, out string e));
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Board_SetsEveryBoardKey(string board)
        {
            // A board file states all its facts; it does not lean on BoardConfig's host defaults.
            string text = System.IO.File.ReadAllText(RepoPaths.Combine("boards", board + ".board"));
            foreach (string key in new[] { "name", "nanoff_target", "page_size", "arena_pages", "arena_base", "rom_base",
                "shell_uart", "uart_rx_pin", "uart_tx_pin", "baud", "flash_mount", "cpu_model", "cpu_vendor", "cpu_mhz",
                "cpu_cores", "cpu_features", "sram_kb", "psram_kb" })
            {
                Assert.Matches("(?m)^" + key + @"\s*=", text);
            }
        }

        [Fact]
        public void HostBoard_UsesLinuxPageSizeAndStdio()
        {
            BoardConfig host = Load("host");
            Assert.Equal(4096, host.PageSize);
            Assert.Equal("stdio", host.ShellUart);
            Assert.Equal("", host.NanoffTarget);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void DeviceBoard_ShellOnComPortOtherThanTheDebuggers(string board)
        {
            BoardConfig cfg = Load(board);
            if (cfg.NanoffTarget.Length == 0) return;
            // COM1 (UART0) carries the debugger; the S3 and C3 have only COM1 and COM2.
            int com = ConfigFile.ComNumber(cfg.ShellUart);
            Assert.InRange(com, 2, cfg.Name == "esp32-s3" || cfg.Name == "esp32-c3" ? 2 : 3);
            Assert.True(cfg.UartRxPin >= 0 && cfg.UartTxPin >= 0);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void DeviceBoard_ArenaFitsTheManagedHeap(string board)
        {
            BoardConfig cfg = Load(board);
            if (cfg.NanoffTarget.Length == 0) return;
            long arena = (long)cfg.ArenaPages * cfg.PageSize;
            // One managed object is at most 0xFFFF heap blocks of 12 bytes (nanoCLR's CLR_RT_HeapBlock size field is 16 bits).
            Assert.True(arena + 20 <= 0xFFFF * 12L, board + ": arena " + arena + " B exceeds one managed object");
            // Without PSRAM the heap is 50-80 KB and also holds the kernel: keep the arena at a quarter or less.
            if (cfg.PsramKb == 0) Assert.True(arena <= 20 * 1024, board + ": arena " + arena + " B too big for ~54-79 KB heap");
            Assert.True(cfg.PageSize <= 1024, board + ": device pages should be small");
        }

        [Fact]
        public void Esp32Boards_ArenaInTheirRam()
        {
            Assert.Equal(0x3FFB0000u, Load("esp32-devkitc").ArenaBase);   // ESP32 internal DRAM
            Assert.Equal(0x3F800000u, Load("esp32-wrover").ArenaBase);    // ESP32 external RAM window
            Assert.Equal("ESP32_C3", Load("esp32-c3").NanoffTarget);
            Assert.Equal("ESP32_S3_QUAD", Load("esp32-s3").NanoffTarget);
            Assert.True(Load("esp32-wrover").PsramKb > 0);
            Assert.True(Load("esp32-s3").PsramKb > 0);
        }
    }
}
