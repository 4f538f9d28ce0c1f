using ProcNano.Kernel;

namespace ProcNano.App
{
    /// <summary>
    /// Builds the firmware's config from the texts of nf.config and the board files embedded at build time
    /// (<see cref="BoardDefaults"/>), with the kernel's own parser. nf.config names the board; when it names one
    /// with nothing to flash (the host), the board is chosen by the firmware the device runs (its nanoff target).
    /// Plain C# that nanoFramework runs; the host tests compile this file too.
    /// </summary>
    internal static class BoardSelect
    {
        /// <summary>The config for a device running the nanoFramework firmware <paramref name="targetName"/>
        /// (SystemInfo.TargetName, e.g. "ESP32_REV0"), or null with <paramref name="error"/> saying why.</summary>
        public static BoardConfig Choose(string targetName, out string error)
        {
            BoardConfig cfg = new BoardConfig();
            if (ConfigFile.Apply(BoardDefaults.NfConfig, cfg, out error) != 0)
            {
                error = "nf.config: " + error;
                return null;
            }

            int index = IndexOf(cfg.Name);
            if (index < 0)
            {
                error = "nf.config: board '" + cfg.Name + "' is not built in";
                return null;
            }
            if (TargetOf(index).Length == 0)
            {
                index = MatchTarget(targetName);
                if (index < 0)
                {
                    error = "no board for firmware '" + targetName + "'; set board in nf.config";
                    return null;
                }
            }

            string name = BoardDefaults.BoardName(index);
            if (ConfigFile.Apply(BoardDefaults.BoardText(index), cfg, out error) != 0)
            {
                error = "boards/" + name + ".board: " + error;
                return null;
            }
            return cfg;
        }

        /// <summary>Index of the built-in board called <paramref name="name"/>, or -1.</summary>
        public static int IndexOf(string name)
        {
            for (int i = 0; i < BoardDefaults.BoardCount; i++)
            {
                if (BoardDefaults.BoardName(i) == name) return i;
            }
            return -1;
        }

        /// <summary>
        /// The built-in board that suits firmware <paramref name="target"/> best, or -1: its exact nanoff target;
        /// else one of the same chip with or without PSRAM as the firmware; else one of the same chip.
        /// </summary>
        public static int MatchTarget(string target)
        {
            if (target == null || target.Length == 0) return -1;
            string chip = Chip(target);
            bool psram = HasPsram(target);
            int best = -1, bestScore = 0;
            for (int i = 0; i < BoardDefaults.BoardCount; i++)
            {
                string t = TargetOf(i);
                if (t.Length == 0) continue;
                int score = 0;
                if (t == target) score = 3;
                else if (Chip(t) == chip) score = HasPsram(t) == psram ? 2 : 1;
                if (score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }
            return best;
        }

        /// <summary>The chip a firmware target is built for: "ESP32_S3", "ESP32_C3", ... or "ESP32".</summary>
        public static string Chip(string target)
        {
            if (target.Length >= 8 && target.StartsWith("ESP32_"))
            {
                char kind = target[6], digit = target[7];
                if ((kind == 'S' || kind == 'C' || kind == 'H' || kind == 'P') && digit >= '0' && digit <= '9')
                    return target.Substring(0, 8);
            }
            return "ESP32";
        }

        /// <summary>Whether firmware <paramref name="target"/> puts the managed heap in PSRAM.</summary>
        public static bool HasPsram(string target)
        {
            // S3 targets are named by their PSRAM bus (QUAD, OCTAL); ESP32 ones say PSRAM or WROVER.
            return target.IndexOf("PSRAM") >= 0 || target.IndexOf("WROVER") >= 0
                || (Chip(target) == "ESP32_S3" && (target.IndexOf("QUAD") >= 0 || target.IndexOf("OCTAL") >= 0));
        }

        private static string TargetOf(int index)
        {
            BoardConfig scratch = new BoardConfig();
            string error;
            if (ConfigFile.Apply(BoardDefaults.BoardText(index), scratch, out error) != 0) return "";
            return scratch.NanoffTarget == null ? "" : scratch.NanoffTarget;
        }
    }
}
