using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProcNano.Tests.Build;
using Xunit;

namespace ProcNano.Tests.Architecture
{
    /// <summary>Lower layers call nothing above them (docs/ARCHITECTURE.md).</summary>
    public class LayeringTests
    {
        private static string KernelRoot => RepoPaths.Combine("firmware", "Kernel");

        [Fact]
        public void EveryKernelFolder_IsALayer()
        {
            string[] folders = Directory.GetDirectories(KernelRoot).Select(Path.GetFileName)
                .Where(n => n != "obj" && n != "bin").ToArray();
            Assert.All(folders, f => Assert.Contains(f, LayerScanner.Layers));
        }

        [Fact]
        public void NoKernelOrShellSourceFile_IsOver400Lines()
        {
            var long_ = Directory.GetFiles(KernelRoot, "*.cs", SearchOption.AllDirectories)
                .Concat(Directory.GetFiles(RepoPaths.Combine("firmware", "Shell"), "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .Select(f => (File: RepoPaths.Relative(f), Lines: System.IO.File.ReadAllLines(f).Length))
                .Where(x => x.Lines > 400).Select(x => x.File + ": " + x.Lines).ToList();
            Assert.True(long_.Count == 0, "split these by job:\n" + string.Join("\n", long_));
        }

        [Fact]
        public void EveryKernelLayer_HasATestFolder()
        {
            foreach (string layer in LayerScanner.Layers)
                Assert.True(Directory.Exists(RepoPaths.Combine("tests", "ProcNano.Tests", layer)), "tests/ProcNano.Tests/" + layer + " is missing");
        }

        /// <summary>Upward uses not yet removed, one "file: Type" per line (layering-debt.txt). The list may only
        /// shrink: a new upward use fails, and so does an entry that no longer happens (delete its line).</summary>
        private static string DebtFile => RepoPaths.Combine("tests", "ProcNano.Tests", "Architecture", "layering-debt.txt");

        private static SortedSet<string> Uses(IEnumerable<LayerScanner.Violation> vs) =>
            new(vs.Select(v => v.File + ": " + v.Type), StringComparer.Ordinal);

        [Fact]
        public void NoKernelFile_UsesATypeOfAHigherLayer_BeyondTheRecordedDebt()
        {
            var violations = LayerScanner.Scan(KernelRoot);
            var now = Uses(violations);
            var debt = new SortedSet<string>(System.IO.File.ReadAllLines(DebtFile)
                .Where(l => l.Length > 0 && !l.StartsWith("#")), StringComparer.Ordinal);
            var added = violations.Where(v => !debt.Contains(v.File + ": " + v.Type)).Select(v => v.ToString()).ToList();
            Assert.True(added.Count == 0, "new uses of a higher layer:\n" + string.Join("\n", added));
            var paid = debt.Where(d => !now.Contains(d)).ToList();
            Assert.True(paid.Count == 0, "no longer used (delete from layering-debt.txt):\n" + string.Join("\n", paid));
        }

        [Fact]
        public void Scanner_FindsAnUpwardUse()
        {
            string dir = Path.Combine(Path.GetTempPath(), "layers-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "Lib"));
            Directory.CreateDirectory(Path.Combine(dir, "Shell"));
            try
            {
                System.IO.File.WriteAllText(Path.Combine(dir, "Shell", "Sh.cs"), "class Sh { Num n; }");
                System.IO.File.WriteAllText(Path.Combine(dir, "Lib", "Num.cs"), "class Num { // Sh in a comment\n Sh s; }");
                var v = LayerScanner.Scan(dir);
                Assert.Single(v);
                Assert.Equal("Sh", v[0].Type);
                Assert.Equal(2, v[0].Line);
            }
            finally { Directory.Delete(dir, true); }
        }
    }
}
