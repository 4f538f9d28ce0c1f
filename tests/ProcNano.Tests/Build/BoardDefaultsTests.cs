using System;
using System.IO;
using ProcNano.App;
using ProcNano.HostSim;
using ProcNano.Kernel;
using File = System.IO.File;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>The firmware's built-in config is the same text as the files the simulator reads.</summary>
    public class BoardDefaultsTests
    {
        [Fact]
        public void BoardDefaults_GeneratedFile_MatchesConfigFiles()
        {
            string expected = BoardDefaultsGenerator.Generate(RepoPaths.Root);
            string path = RepoPaths.Combine(BoardDefaultsGenerator.OutputPath);
            if (Environment.GetEnvironmentVariable("PROCNANO_REGEN") == "1")
            {
                File.WriteAllText(path, expected);
                return;
            }
            string actual = File.Exists(path) ? BoardDefaultsGenerator.ReadText(path) : "";
            Assert.True(expected == actual,
                BoardDefaultsGenerator.OutputPath + " is out of date with nf.config and boards/: run\n" +
                "  PROCNANO_REGEN=1 dotnet test ProcNano.sln --filter FullyQualifiedName~BoardDefaults");
        }

        [Fact]
        public void BoardDefaults_CompiledTexts_EqualTheFilesOnDisk()
        {
            // The compiled-in class (linked into this test assembly) against the files themselves.
            Assert.Equal(BoardDefaultsGenerator.ReadText(RepoPaths.Combine("nf.config")), BoardDefaults.NfConfig);
            string[] names = BoardLoader.BoardNames(RepoPaths.Root);
            Assert.Equal(names.Length, BoardDefaults.BoardCount);
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Equal(names[i], BoardDefaults.BoardName(i));
                Assert.Equal(BoardDefaultsGenerator.ReadText(RepoPaths.Combine("boards", names[i] + ".board")), BoardDefaults.BoardText(i));
            }
        }

        [Fact]
        public void BoardDefaults_EveryDeviceBoard_LoadsTheSameAsOnTheHost()
        {
            for (int i = 0; i < BoardDefaults.BoardCount; i++)
            {
                string name = BoardDefaults.BoardName(i);
                var device = new BoardConfig();
                Assert.Equal(0, ConfigFile.Apply(BoardDefaults.NfConfig, device, out string e1));
                Assert.Equal(0, ConfigFile.Apply(BoardDefaults.BoardText(i), device, out string e2));
                BoardConfig host = BoardLoader.Load(RepoPaths.Root, name, out string e3);
                Assert.True(host != null, e3);
                Assert.Equal(Describe(host), Describe(device));
            }
        }

        /// <summary>Every public field, so a new BoardConfig field is compared without editing this test.</summary>
        internal static string Describe(BoardConfig c)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var f in typeof(BoardConfig).GetFields()) sb.Append(f.Name).Append('=').Append(f.GetValue(c)).Append('\n');
            return sb.ToString();
        }
    }
}
