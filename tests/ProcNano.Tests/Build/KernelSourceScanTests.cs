using System.IO;
using System.Linq;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>Kernel sources use only what nanoFramework's stable runtime has; a violation names file and line.</summary>
    public class KernelSourceScanTests
    {
        [Fact]
        public void KernelSources_UseNoForbiddenNamesOrConditionals()
        {
            string kernel = RepoPaths.Combine("firmware", "Kernel");
            string[] files = Directory.GetFiles(kernel, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(files);
            var found = files.SelectMany(f => KernelSourceScanner.Scan(System.IO.File.ReadAllText(f))
                .Select(h => RepoPaths.Relative(f) + ":" + h.Line + ": " + h.What)).ToList();
            Assert.True(found.Count == 0, "kernel code uses what the device lacks (see docs/ESP32.md):\n  " + string.Join("\n  ", found));
        }

        [Fact]
        public void Scanner_FindsEachForbiddenNameOnItsLine()
        {
            foreach (string f in KernelSourceScanner.Forbidden)
            {
                string src = "namespace X\n{\n    class A { object o = " + f + "int>(); }\n}\n";
                var hits = KernelSourceScanner.Scan(src);
                Assert.Contains(hits, h => h.Line == 3 && h.What == f.Trim());
            }
            var directive = KernelSourceScanner.Scan("class A\n{\n  #if NANOFRAMEWORK\n  #endif\n#elif X\n}\n");
            Assert.Contains(directive, h => h.Line == 3 && h.What == "#if");
            Assert.Contains(directive, h => h.Line == 5 && h.What == "#elif");
        }

        [Fact]
        public void Scanner_IgnoresCommentsStringsAndLongerNames()
        {
            string src =
                "// no StringBuilder, no Hashtable, no #if\n" +
                "/* Math.Max and List<int>\n   over two lines: Func<int> */\n" +
                "/// <summary>Action<T> is banned</summary>\n" +
                "class A\n{\n" +
                "    string s = \"StringBuilder \\\" Math.Abs\";\n" +
                "    string v = @\"Hashtable \"\" #if\";\n" +
                "    char c = '\"'; IntList l; PageMath.Foo(); MyDictionary<int> d; // Math.\n" +
                "    string i = $\"{x} yield return\";\n" +
                "}\n";
            Assert.Empty(KernelSourceScanner.Scan(src));
            // Stripping keeps line numbers: a violation after the comments is still found on its own line.
            var hits = KernelSourceScanner.Scan(src + "Math.Abs(1);\n");
            Assert.Contains(hits, h => h.Line == 12 && h.What == "Math.");
        }
    }
}
