using System;
using System.IO;
using ProcNano.HostSim;
using ProcNano;
using ProcNano.Tests.Build;
using Xunit;

namespace ProcNano.Tests.Board
{
    /// <summary>The simulator's loader: nf.config, then the board it names, found beside the program or above it.</summary>
    public sealed class BoardLoaderTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "procnano-boards-" + Guid.NewGuid().ToString("N"));

        public BoardLoaderTests()
        {
            Directory.CreateDirectory(Path.Combine(_dir, "boards"));
        }

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }

        private void Write(string rel, string text) => System.IO.File.WriteAllText(Path.Combine(_dir, rel), text);

        [Fact]
        public void Load_RepoConfig_GivesNfConfigsBoard()
        {
            BoardConfig cfg = BoardLoader.Load(RepoPaths.Root, null, out string error);
            Assert.True(cfg != null, error);
            var nf = new BoardConfig();
            Assert.Equal(0, ConfigFile.Apply(System.IO.File.ReadAllText(RepoPaths.Combine("nf.config")), nf, out _));
            Assert.Equal(nf.Name, cfg.Name);
            Assert.Equal(nf.Hostname, cfg.Hostname);
        }

        [Fact]
        public void Load_FromTheTestOutputFolder_FindsTheCopiedFiles()
        {
            // The host-sim project copies nf.config and boards/ next to its output; they flow into ours.
            string app = AppContext.BaseDirectory;
            Assert.True(System.IO.File.Exists(Path.Combine(app, "nf.config")), "nf.config not copied to " + app);
            BoardConfig cfg = BoardLoader.Load(app, "esp32-c3", out string error);
            Assert.True(cfg != null, error);
            Assert.Equal("esp32-c3", cfg.Name);
            Assert.Equal(app.TrimEnd(Path.DirectorySeparatorChar), BoardLoader.FindRoot(app).TrimEnd(Path.DirectorySeparatorChar));
        }

        [Fact]
        public void Load_FromASubfolder_WalksUpToNfConfig()
        {
            Write("nf.config", "board = tiny\nhostname = sub\n");
            Write("boards/tiny.board", "name = tiny\npage_size = 256\narena_pages = 8\n");
            string deep = Path.Combine(_dir, "a", "b");
            Directory.CreateDirectory(deep);
            BoardConfig cfg = BoardLoader.Load(deep, null, out string error);
            Assert.True(cfg != null, error);
            Assert.Equal(256, cfg.PageSize);
            Assert.Equal("sub", cfg.Hostname);
        }

        [Fact]
        public void Load_BoardArgument_OverridesNfConfig()
        {
            Write("nf.config", "board = one\n");
            Write("boards/one.board", "name = one\n");
            Write("boards/two.board", "name = two\npage_size = 512\n");
            BoardConfig cfg = BoardLoader.Load(_dir, "two", out string error);
            Assert.True(cfg != null, error);
            Assert.Equal("two", cfg.Name);
            Assert.Equal(512, cfg.PageSize);
        }

        [Fact]
        public void Load_TypoInBoardFile_ErrorNamesFileAndLine()
        {
            Write("nf.config", "board = one\n");
            Write("boards/one.board", "name = one\n# ok\npgae_size = 512\n");
            Assert.Null(BoardLoader.Load(_dir, null, out string error));
            Assert.Equal("boards/one.board: line 3: unknown key 'pgae_size'", error);
        }

        [Fact]
        public void Load_TypoInNfConfig_ErrorNamesFileAndLine()
        {
            Write("nf.config", "board = one\nhostnme = x\n");
            Assert.Null(BoardLoader.Load(_dir, null, out string error));
            Assert.Equal("nf.config: line 2: unknown key 'hostnme'", error);
        }

        [Fact]
        public void Load_MissingBoard_ErrorListsTheBoards()
        {
            Write("nf.config", "board = nope\n");
            Write("boards/one.board", "name = one\n");
            Assert.Null(BoardLoader.Load(_dir, null, out string error));
            Assert.Contains("boards/nope.board", error);
            Assert.Contains("one", error);
        }

        [Fact]
        public void Load_BoardNameNotMatchingFile_Error()
        {
            Write("nf.config", "board = copy\n");
            Write("boards/copy.board", "name = original\n");
            Assert.Null(BoardLoader.Load(_dir, null, out string error));
            Assert.Contains("does not match", error);
        }

        [Fact]
        public void Load_PathInBoardName_Refused()
        {
            Write("nf.config", "board = one\n");
            Assert.Null(BoardLoader.Load(_dir, "../one", out string error));
            Assert.Contains("not a board name", error);
        }

        [Fact]
        public void Load_NoNfConfigAnywhere_Error()
        {
            string empty = Path.Combine(Path.GetTempPath(), "procnano-none-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(empty);
            try
            {
                // Only meaningful if no folder above the temp dir holds an nf.config.
                if (BoardLoader.FindRoot(empty) != null) return;
                Assert.Null(BoardLoader.Load(empty, null, out string error));
                Assert.StartsWith("nf.config: not found", error);
            }
            finally { Directory.Delete(empty); }
        }

        [Fact]
        public void ReadBootScript_RelativeToRoot()
        {
            Write("nf.config", "board = one\nboot_script = boards/boot.sh\n");
            Write("boards/one.board", "name = one\n");
            Write("boards/boot.sh", "echo hi\n");
            BoardConfig cfg = BoardLoader.Load(_dir, null, out string error);
            Assert.True(cfg != null, error);
            Assert.Equal("echo hi\n", BoardLoader.ReadBootScript(BoardLoader.FindRoot(_dir), cfg));
        }
    }
}
