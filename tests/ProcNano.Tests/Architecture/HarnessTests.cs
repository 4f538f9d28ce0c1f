using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProcNano.Tests.Build;
using Xunit;

namespace ProcNano.Tests.Architecture
{
    /// <summary>Tests build kernels in one place (Support/Boot.cs): a change to how a kernel boots is made once.</summary>
    public class HarnessTests
    {
        [Fact]
        public void OnlyTheBootHarness_ConstructsAKernel()
        {
            string root = RepoPaths.Combine("tests", "ProcNano.Tests");
            string sep = Path.DirectorySeparatorChar.ToString();
            var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(sep + "obj" + sep) && !f.Contains(sep + "bin" + sep))
                .Where(f => Path.GetFileName(f) != "Boot.cs" && Path.GetFileName(f) != "HarnessTests.cs")
                .Where(f => Regex.IsMatch(System.IO.File.ReadAllText(f), @"new\s+(ProcNano\.)?K?Kernel\s*\("))
                .Select(RepoPaths.Relative).ToList();
            Assert.True(offenders.Count == 0, "boot through ProcNano.Tests.Boot instead:\n" + string.Join("\n", offenders));
        }
    }
}
