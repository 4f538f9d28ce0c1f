using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// The device app's project files cannot be built here (they need nanoFramework's project system), so their
    /// wiring is checked as data: every source is listed and exists, the kernel is a library on its shared project
    /// and the app stands on it (the self-test library only when asked), and every referenced package is listed.
    /// </summary>
    public class FirmwareProjectTests
    {
        private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";
        private static string App => RepoPaths.Combine("firmware", "App");

        private static XDocument Nfproj() => XDocument.Load(Path.Combine(App, "ProcNano.App.nfproj"));

        [Fact]
        public void Nfproj_ListsEveryAppSourceAndNothingMissing()
        {
            string[] listed = Nfproj().Descendants(Ms + "Compile").Select(c => (string)c.Attribute("Include"))
                .Select(p => p.Replace('\\', '/')).OrderBy(p => p, System.StringComparer.Ordinal).ToArray();
            foreach (string p in listed) Assert.True(System.IO.File.Exists(Path.Combine(App, p)), "nfproj lists missing " + p);
            string[] onDisk = Directory.GetFiles(App, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                         && !f.Contains(Path.DirectorySeparatorChar + "packages" + Path.DirectorySeparatorChar))
                .Select(f => Path.GetRelativePath(App, f).Replace('\\', '/')).OrderBy(p => p, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(onDisk, listed);
        }

        private static XDocument Load(params string[] path) => XDocument.Load(RepoPaths.Combine(path));

        private static string[] Refs(XDocument project) => project.Descendants(Ms + "ProjectReference")
            .Select(r => ((string)r.Attribute("Include")).Replace('\\', '/')).ToArray();

        /// <summary>The shared project <paramref name="nfproj"/> imports, as a full path.</summary>
        private static string SharedImport(string dir, XDocument nfproj)
        {
            string import = nfproj.Descendants(Ms + "Import").Select(i => (string)i.Attribute("Project")).Single(p => p.EndsWith(".projitems"));
            return Path.GetFullPath(Path.Combine(dir, import.Replace('\\', Path.DirectorySeparatorChar)));
        }

        [Fact]
        public void KernelLibrary_ImportsTheKernelSharedProject_WhichGlobsAllKernelSources()
        {
            var lib = Load("firmware", "Kernel.NF", "ProcNano.Kernel.nfproj");
            Assert.Equal("ProcNano.Kernel", lib.Descendants(Ms + "AssemblyName").Single().Value);
            Assert.Equal("Library", lib.Descendants(Ms + "OutputType").Single().Value);
            string projitems = SharedImport(RepoPaths.Combine("firmware", "Kernel.NF"), lib);
            Assert.Equal(RepoPaths.Combine("firmware", "Kernel", "ProcNano.Kernel.projitems"), projitems);
            var compile = XDocument.Load(projitems).Descendants(Ms + "Compile").Single();
            Assert.StartsWith("$(MSBuildThisFileDirectory)**/*.cs", (string)compile.Attribute("Include"));
            Assert.True(System.IO.File.Exists(RepoPaths.Combine("firmware", "Kernel", "ProcNano.Kernel.shproj")));
        }

        [Fact]
        public void App_IsOnTheKernelLibrary_AndTakesTheSelfTestOnlyWhenAsked()
        {
            var app = Nfproj();
            Assert.DoesNotContain(app.Descendants(Ms + "Import"), i => ((string)i.Attribute("Project")).EndsWith(".projitems"));
            Assert.Equal(new[] { "../Kernel.NF/ProcNano.Kernel.nfproj", "../Shell.NF/ProcNano.Shell.nfproj" },
                Refs(app).Where(r => !r.Contains("SelfTest")).ToArray());
            var shell = Load("firmware", "Shell.NF", "ProcNano.Shell.nfproj");
            Assert.Equal("ProcNano.Shell", shell.Descendants(Ms + "AssemblyName").Single().Value);
            Assert.Equal(RepoPaths.Combine("firmware", "Shell", "ProcNano.Shell.projitems"), SharedImport(RepoPaths.Combine("firmware", "Shell.NF"), shell));
            Assert.Equal(new[] { "../Kernel.NF/ProcNano.Kernel.nfproj" }, Refs(shell));
            var selfTest = app.Descendants(Ms + "ProjectReference").Single(r => ((string)r.Attribute("Include")).Contains("SelfTest"));
            Assert.Equal(" '$(ProcNanoSelfTest)' == 'true' ", (string)selfTest.Parent.Attribute("Condition"));
            Assert.Equal("false", app.Descendants(Ms + "ProcNanoSelfTest").Single().Value);
            var lib = Load("firmware", "SelfTest.NF", "ProcNano.SelfTest.nfproj");
            Assert.Equal("ProcNano.SelfTest", lib.Descendants(Ms + "AssemblyName").Single().Value);
            Assert.Equal(RepoPaths.Combine("firmware", "SelfTest", "ProcNano.SelfTest.projitems"), SharedImport(RepoPaths.Combine("firmware", "SelfTest.NF"), lib));
            Assert.Equal(new[] { "../Kernel.NF/ProcNano.Kernel.nfproj", "../Shell.NF/ProcNano.Shell.nfproj" }, Refs(lib));
        }

        [Theory]
        [InlineData("Kernel.NF", "ProcNano.Kernel.nfproj")]
        [InlineData("Shell.NF", "ProcNano.Shell.nfproj")]
        [InlineData("SelfTest.NF", "ProcNano.SelfTest.nfproj")]
        public void Library_ReferencesOnlyItsPackages_FromTheAppsRestore(string dir, string nfproj)
        {
            var packages = XDocument.Load(RepoPaths.Combine("firmware", dir, "packages.config")).Descendants("package")
                .Select(p => (string)p.Attribute("id") + "." + (string)p.Attribute("version")).ToHashSet();
            foreach (string hint in Load("firmware", dir, nfproj).Descendants(Ms + "HintPath").Select(h => h.Value.Replace('\\', '/')))
            {
                // NuGet restores ProcNano.App.sln's packages beside it, in firmware/App/packages.
                Assert.StartsWith("../App/packages/", hint);
                Assert.Contains(hint.Split('/')[3], packages);
            }
        }

        [Fact]
        public void AppSolution_HoldsTheAppItsLibrariesAndTheirSharedProjects()
        {
            string sln = System.IO.File.ReadAllText(Path.Combine(App, "ProcNano.App.sln"));
            foreach (string p in new[] { "ProcNano.App.nfproj", "..\\Kernel.NF\\ProcNano.Kernel.nfproj", "..\\SelfTest.NF\\ProcNano.SelfTest.nfproj",
                "..\\Shell.NF\\ProcNano.Shell.nfproj", "..\\Kernel\\ProcNano.Kernel.shproj", "..\\Shell\\ProcNano.Shell.shproj",
                "..\\SelfTest\\ProcNano.SelfTest.shproj" })
                Assert.Contains("\"" + p + "\"", sln);
        }

        [Fact]
        public void Nfproj_EveryReferencedPackageIsInPackagesConfig()
        {
            var packages = XDocument.Load(Path.Combine(App, "packages.config")).Descendants("package")
                .Select(p => (string)p.Attribute("id") + "." + (string)p.Attribute("version")).ToHashSet();
            var hints = Nfproj().Descendants(Ms + "HintPath").Select(h => h.Value.Replace('\\', '/')).ToArray();
            Assert.NotEmpty(hints);
            foreach (string hint in hints)
            {
                string[] parts = hint.Split('/');
                Assert.Equal("packages", parts[0]);
                Assert.Contains(parts[1], packages);
            }
            // The mscorlib the app builds against is the one the kernel's nano build uses.
            Assert.Contains("nanoFramework.CoreLibrary.1.17.11", packages);
        }

        [Fact]
        public void DotnetBuild_CompilesTheDeviceAppOnlyThroughTheStandIns()
        {
            // The solution stays buildable with the packages served here: the .nfproj is not in it (it needs
            // nanoFramework's project system); firmware/App.Nano compiles the same sources against the stand-ins, and
            // the tests compile only the two platform-free files.
            string sln = System.IO.File.ReadAllText(RepoPaths.Combine("ProcNano.sln"));
            Assert.DoesNotContain("ProcNano.App.nfproj", sln);
            Assert.Contains("firmware\\App.Nano\\ProcNano.App.Nano.csproj", sln);
            string tests = System.IO.File.ReadAllText(RepoPaths.Combine("tests", "ProcNano.Tests", "ProcNano.Tests.csproj"));
            var linked = XDocument.Parse(tests).Descendants("Compile").Select(c => (string)c.Attribute("Include"))
                .Where(p => p.Contains("firmware/App")).ToArray();
            Assert.Equal(new[] { "../../firmware/App/BoardDefaults.g.cs", "../../firmware/App/BoardSelect.cs" }, linked);
        }
    }
}
