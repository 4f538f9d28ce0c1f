using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProcNano.Tests.Build;

namespace ProcNano.Tests.Architecture
{
    /// <summary>
    /// Reads the kernel's sources and reports every use of a type declared in a higher layer than the file's
    /// own folder. The order is docs/ARCHITECTURE.md's; files at the kernel's root (the Kernel class, the boot
    /// sequence) sit above every layer.
    /// </summary>
    internal static class LayerScanner
    {
        public static readonly string[] Layers =
        {
            "Lib", "Board", "Pages", "Vfs", "Fs", "Memory", "Tasks", "Ipc", "Syscalls", "Programs", "Proc", "Modules", "Shell",
        };

        public readonly record struct Violation(string File, int Line, string Type, string TypeLayer)
        {
            public override string ToString() => $"{File}:{Line} uses {Type} ({TypeLayer})";
        }

        private static readonly Regex Declaration = new(
            @"\b(?:class|struct|interface|enum)\s+([A-Za-z_]\w*)|\bdelegate\s+[\w\[\]]+\s+([A-Za-z_]\w*)\s*\(",
            RegexOptions.Compiled);
        private static readonly Regex Identifier = new(@"[A-Za-z_]\w*", RegexOptions.Compiled);

        /// <summary>Layer index of a kernel source file: its first folder, or Layers.Length for root files.</summary>
        public static int LayerOf(string kernelRoot, string file)
        {
            string rel = Path.GetRelativePath(kernelRoot, file).Replace('\\', '/');
            int slash = rel.IndexOf('/');
            if (slash < 0) return Layers.Length;
            int i = System.Array.IndexOf(Layers, rel.Substring(0, slash));
            return i < 0 ? -1 : i;
        }

        public static List<Violation> Scan(string kernelRoot)
        {
            string[] files = Directory.GetFiles(kernelRoot, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)).ToArray();
            var stripped = files.ToDictionary(f => f, f => KernelSourceScanner.StripCommentsAndStrings(System.IO.File.ReadAllText(f)));

            // A name declared in several layers belongs to the lowest: a use resolves there first.
            var typeLayer = new Dictionary<string, int>();
            foreach (string f in files)
            {
                int layer = LayerOf(kernelRoot, f);
                foreach (Match m in Declaration.Matches(stripped[f]))
                {
                    string name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                    if (!typeLayer.TryGetValue(name, out int had) || layer < had) typeLayer[name] = layer;
                }
            }

            var found = new List<Violation>();
            foreach (string f in files)
            {
                int layer = LayerOf(kernelRoot, f);
                string[] lines = stripped[f].Split('\n');
                for (int n = 0; n < lines.Length; n++)
                {
                    var seen = new HashSet<string>();
                    foreach (Match m in Identifier.Matches(lines[n]))
                    {
                        // A member access (x.Name) names a member, not a type.
                        if (m.Index > 0 && lines[n][m.Index - 1] == '.') continue;
                        if (!typeLayer.TryGetValue(m.Value, out int used) || used <= layer || !seen.Add(m.Value)) continue;
                        string layerName = used == Layers.Length ? "kernel root" : used < 0 ? "unlayered" : Layers[used];
                        found.Add(new Violation(RepoPaths.Relative(f), n + 1, m.Value, layerName));
                    }
                }
            }
            return found;
        }
    }
}
