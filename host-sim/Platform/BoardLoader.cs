using System;
using System.IO;
using ProcNano.Kernel;
using File = System.IO.File;

namespace ProcNano.HostSim
{
    /// <summary>
    /// Loads the simulator's config the way the firmware gets it at build time: nf.config, then
    /// boards/&lt;board&gt;.board, both parsed by the kernel's <see cref="ConfigFile"/>. The files are found next
    /// to the executable (the build copies them there) or in the repository above it.
    /// </summary>
    public static class BoardLoader
    {
        public const string ConfigFileName = "nf.config";
        public const string BoardsFolder = "boards";
        public const string BoardSuffix = ".board";

        /// <summary>
        /// Builds the config from nf.config and the board it names (or <paramref name="boardNameOrNull"/>, which
        /// overrides it). <paramref name="repoOrAppDir"/> is where to start looking (null: the executable's folder);
        /// the first folder at or above it holding nf.config wins. Returns null with <paramref name="error"/>
        /// naming the file and line on failure.
        /// </summary>
        public static BoardConfig Load(string repoOrAppDir, string boardNameOrNull, out string error)
        {
            string root = FindRoot(repoOrAppDir ?? AppContext.BaseDirectory);
            if (root == null)
            {
                error = ConfigFileName + ": not found in " + (repoOrAppDir ?? AppContext.BaseDirectory) + " or above";
                return null;
            }

            var cfg = new BoardConfig();
            if (!ApplyFile(Path.Combine(root, ConfigFileName), ConfigFileName, cfg, out error)) return null;

            string board = boardNameOrNull ?? cfg.Name;
            if (!IsPlainName(board))
            {
                error = "'" + board + "' is not a board name";
                return null;
            }
            string rel = BoardsFolder + "/" + board + BoardSuffix;
            string path = Path.Combine(root, BoardsFolder, board + BoardSuffix);
            if (!File.Exists(path))
            {
                error = rel + ": no such board (boards: " + string.Join(", ", BoardNames(root)) + ")";
                return null;
            }
            if (!ApplyFile(path, rel, cfg, out error)) return null;
            // The file's own name key must agree with its file name, so a copied board file is not silently
            // reported under the board it was copied from.
            if (cfg.Name != board)
            {
                error = rel + ": name = " + cfg.Name + " does not match the file name";
                return null;
            }
            error = null;
            return cfg;
        }

        /// <summary>The first folder at or above <paramref name="dir"/> that holds nf.config, or null.</summary>
        public static string FindRoot(string dir)
        {
            if (string.IsNullOrEmpty(dir)) return null;
            var d = new DirectoryInfo(Path.GetFullPath(dir));
            while (d != null)
            {
                if (File.Exists(Path.Combine(d.FullName, ConfigFileName))) return d.FullName;
                d = d.Parent;
            }
            return null;
        }

        /// <summary>The boards available under <paramref name="root"/>, sorted by name.</summary>
        public static string[] BoardNames(string root)
        {
            string dir = Path.Combine(root, BoardsFolder);
            if (!Directory.Exists(dir)) return new string[0];
            string[] files = Directory.GetFiles(dir, "*" + BoardSuffix);
            for (int i = 0; i < files.Length; i++) files[i] = Path.GetFileNameWithoutExtension(files[i]);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }

        /// <summary>The text of the boot script <paramref name="cfg"/> names (relative to the root), or null when
        /// it names none or the file is missing.</summary>
        public static string ReadBootScript(string root, BoardConfig cfg)
        {
            if (root == null || string.IsNullOrEmpty(cfg.BootScript)) return null;
            string path = Path.IsPathRooted(cfg.BootScript) ? cfg.BootScript : Path.Combine(root, cfg.BootScript);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        private static bool ApplyFile(string path, string shownName, BoardConfig cfg, out string error)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                error = shownName + ": " + e.Message;
                return false;
            }
            catch (UnauthorizedAccessException e)
            {
                error = shownName + ": " + e.Message;
                return false;
            }
            if (ConfigFile.Apply(text, cfg, out string why) != 0)
            {
                error = shownName + ": " + why;
                return false;
            }
            error = null;
            return true;
        }

        private static bool IsPlainName(string name)
        {
            if (string.IsNullOrEmpty(name) || name == "." || name == "..") return false;
            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) return false;
            }
            return true;
        }
    }
}
