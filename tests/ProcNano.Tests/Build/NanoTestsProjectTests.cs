using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// tests/ProcNano.NanoTests is the self-test for nanoFramework's test runner; tests/ProcNano.NanoTests.Nano
    /// compiles its sources in CI against the nano kernel, the nano self-test and a stand-in of the test framework.
    /// Both lists of sources agree, the result passes the nano build gate, and the stand-in is what upstream declares.
    /// </summary>
    public class NanoTestsProjectTests
    {
        private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";
        private static string Dir => RepoPaths.Combine("tests", "ProcNano.NanoTests");
        private static string NanoProject => RepoPaths.Combine("tests", "ProcNano.NanoTests.Nano", "ProcNano.NanoTests.Nano.csproj");
        private static string Dll => Path.Combine(Path.GetDirectoryName(RepoPaths.AppNanoDll).Replace(
            Path.Combine("firmware", "App.Nano"), Path.Combine("tests", "ProcNano.NanoTests.Nano")), "NFUnitTest.dll");

        private static XDocument Nfproj() => XDocument.Load(Path.Combine(Dir, "ProcNano.NanoTests.nfproj"));

        [Fact]
        public void Nfproj_IsANanoFrameworkTestProject_OnTheKernelAndSelfTestLibraries()
        {
            var p = Nfproj();
            Assert.Contains(p.Descendants(Ms + "ProjectCapability"), c => (string)c.Attribute("Include") == "TestContainer");
            Assert.Equal("NFUnitTest", p.Descendants(Ms + "AssemblyName").Single().Value);
            Assert.Equal("true", p.Descendants(Ms + "IsTestProject").Single().Value);
            Assert.True(System.IO.File.Exists(Path.Combine(Dir, "nano.runsettings")));
            var refs = p.Descendants(Ms + "ProjectReference").Select(r => ((string)r.Attribute("Include")).Replace('\\', '/')).ToArray();
            Assert.Equal(new[] { "../../firmware/Kernel.NF/ProcNano.Kernel.nfproj", "../../firmware/Shell.NF/ProcNano.Shell.nfproj", "../../firmware/SelfTest.NF/ProcNano.SelfTest.nfproj" }, refs);
            var packages = XDocument.Load(Path.Combine(Dir, "packages.config")).Descendants("package")
                .ToDictionary(x => (string)x.Attribute("id"), x => (string)x.Attribute("version"));
            Assert.Equal("3.0.77", packages["nanoFramework.TestFramework"]);
            Assert.Equal("1.17.11", packages["nanoFramework.CoreLibrary"]);
            foreach (string hint in p.Descendants(Ms + "HintPath").Select(h => h.Value.Replace('\\', '/')))
            {
                Assert.StartsWith("../../firmware/App/packages/", hint);   // restored with ProcNano.App.sln, which holds it
                Assert.Contains(hint.Split('/')[5], packages.Select(kv => kv.Key + "." + kv.Value));
            }
            Assert.Contains("..\\..\\tests\\ProcNano.NanoTests\\ProcNano.NanoTests.nfproj", System.IO.File.ReadAllText(RepoPaths.Combine("firmware", "App", "ProcNano.App.sln")));
        }

        [Fact]
        public void NanoBuild_CompilesTheNfprojsSources_OnTheNanoLibraries()
        {
            string[] nfproj = Nfproj().Descendants(Ms + "Compile").Select(c => Path.GetFullPath(Path.Combine(Dir, ((string)c.Attribute("Include")).Replace('\\', '/')))).ToArray();
            var csproj = XDocument.Load(NanoProject);
            string[] nano = csproj.Descendants("Compile").Select(c => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(NanoProject), (string)c.Attribute("Include")))).ToArray();
            Assert.Equal(nfproj, nano);
            Assert.All(nfproj, f => Assert.True(System.IO.File.Exists(f), f));
            var refs = csproj.Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")).ToArray();
            Assert.Contains("../../firmware/Kernel.Nano/ProcNano.Kernel.Nano.csproj", refs);
            Assert.Contains("../../firmware/SelfTest.Nano/ProcNano.SelfTest.Nano.csproj", refs);
            string[] onDisk = Directory.GetFiles(Dir, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)).OrderBy(f => f).ToArray();
            Assert.Equal(onDisk, nfproj.Where(f => f.StartsWith(Dir)).OrderBy(f => f).ToArray());
        }

        [Fact]
        public void NanoBuild_PassesTheNanoGate_AndReferencesOnlyTheFrameworkAndTheLibraries()
        {
            Assert.True(System.IO.File.Exists(Dll), "not built: " + Dll);
            using var c = new NanoAssemblyChecker(Dll);
            var found = c.GenericDefinitions().Concat(c.MethodSpecs()).Concat(c.BadTypeSpecs()).Concat(c.BadSignatures())
                .Concat(c.ForeignReferences("nanoFramework.TestFramework", "ProcNano.Kernel", "ProcNano.Shell", "ProcNano.SelfTest")).ToList();
            Assert.True(found.Count == 0, "the test project breaks the device runtime's rules:\n  " + string.Join("\n  ", found));
        }

        [Fact]
        public void TestFrameworkStandIn_IsNeverDeployed_OnlyThrows_AndDeclaresOnlyWhatTheTestsUse()
        {
            string dir = RepoPaths.Combine("tests", "StandIns", "nanoFramework.TestFramework");
            StandInChecks.AssertHeadersSayNeverDeployed(dir);
            string standIn = Path.Combine(Path.GetDirectoryName(Dll), "nanoFramework.TestFramework.dll");
            Assert.Empty(StandInChecks.BodiesThatDoNotThrow(standIn));
            using var c = new NanoAssemblyChecker(Dll);
            Assert.Empty(StandInChecks.Unused(standIn, c.Reader));
        }
    }
}
