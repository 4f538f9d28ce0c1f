using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Xml.Linq;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// firmware/App.Nano compiles the device app with the .NET SDK against nanoFramework's mscorlib and the
    /// compile-time stand-ins in firmware/StandIns. These tests keep that build honest: it compiles exactly what
    /// ProcNano.App.nfproj deploys, its result passes the nano build gate, and the stand-ins are what upstream
    /// declares, never more than the app uses, never deployed.
    /// </summary>
    public class AppNanoTests
    {
        private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";
        private static string App => RepoPaths.Combine("firmware", "App");
        private static string StandIns => RepoPaths.Combine("firmware", "StandIns");
        private static string AppNanoProject => RepoPaths.Combine("firmware", "App.Nano", "ProcNano.App.Nano.csproj");

        private static string[] NfprojCompile() => XDocument.Load(Path.Combine(App, "ProcNano.App.nfproj"))
            .Descendants(Ms + "Compile").Select(c => ((string)c.Attribute("Include")).Replace('\\', '/')).ToArray();

        /// <summary>The assemblies the app may reference: those of the packages the .nfproj references (their
        /// lib/NAME.dll), mscorlib among them.</summary>
        private static string[] PackageAssemblies() => XDocument.Load(Path.Combine(App, "ProcNano.App.nfproj"))
            .Descendants(Ms + "HintPath").Select(h => Path.GetFileNameWithoutExtension(h.Value.Replace('\\', '/'))).ToArray();

        /// <summary>What the app may reference: the packages' assemblies and its own libraries (the kernel).</summary>
        private static string[] AllowedReferences() => PackageAssemblies().Concat(new[] { "ProcNano.Kernel", "ProcNano.Shell" }).ToArray();

        private static NanoAssemblyChecker AppDll()
        {
            Assert.True(System.IO.File.Exists(RepoPaths.AppNanoDll), "firmware/App.Nano not built: " + RepoPaths.AppNanoDll);
            return new NanoAssemblyChecker(RepoPaths.AppNanoDll);
        }

        [Fact]
        public void AppNano_CompilesTheNfprojsSources_OnTheKernelLibrary()
        {
            var project = XDocument.Load(AppNanoProject);
            var includes = project.Descendants("Compile").Select(c => (string)c.Attribute("Include")).ToArray();
            Assert.All(includes, i => Assert.StartsWith("../App/", i));
            Assert.Equal(NfprojCompile(), includes.Select(i => i.Substring("../App/".Length)).ToArray());
            // The kernel comes in as a library, the nano build of what ../Kernel.NF builds for Visual Studio.
            Assert.Contains("../Kernel.Nano/ProcNano.Kernel.Nano.csproj", project.Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")));
            var nfprojRefs = XDocument.Load(Path.Combine(App, "ProcNano.App.nfproj")).Descendants(Ms + "ProjectReference")
                .Select(r => ((string)r.Attribute("Include")).Replace('\\', '/')).ToArray();
            Assert.Contains("../Kernel.NF/ProcNano.Kernel.nfproj", nfprojRefs);
        }

        [Fact]
        public void CompileListCheck_FailsWhenTheListsDisagree()
        {
            string[] nfproj = NfprojCompile();
            Assert.NotEqual(nfproj, nfproj.Where(p => p != "UartTty.cs").ToArray());
            Assert.NotEqual(nfproj, nfproj.Concat(new[] { "Extra.cs" }).ToArray());
        }

        [Fact]
        public void AppNano_ReferencesOnlyThePackagesAssemblies()
        {
            using var app = AppDll();
            var found = app.ForeignReferences(AllowedReferences());
            Assert.True(found.Count == 0, "the app uses an assembly no package of packages.config deploys:\n  " + string.Join("\n  ", found));
            // What it does reference: the kernel's mscorlib and the nanoFramework libraries it calls.
            Assert.Contains("System.IO.Ports", app.ReferencedNames());
            Assert.Contains("nanoFramework.Runtime.Native", app.ReferencedNames());
        }

        [Fact]
        public void AppNano_PassesTheNanoBuildGate()
        {
            using var app = AppDll();
            var found = app.GenericDefinitions().Concat(app.MethodSpecs()).Concat(app.BadTypeSpecs()).Concat(app.BadSignatures()).ToList();
            Assert.True(found.Count == 0, "the app breaks the device runtime's rules:\n  " + string.Join("\n  ", found));
        }

        private static IEnumerable<string> StandInProjects() =>
            Directory.GetDirectories(StandIns).Where(d => System.IO.File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")));

        private static string StandInDll(string name) =>
            Path.Combine(Path.GetDirectoryName(RepoPaths.AppNanoDll), name + ".dll");

        [Fact]
        public void StandIns_AreNamedAsPackageAssemblies_AndSayTheyAreNeverDeployed()
        {
            var projects = StandInProjects().ToArray();
            Assert.NotEmpty(projects);
            string appProject = System.IO.File.ReadAllText(AppNanoProject);
            foreach (string dir in projects)
            {
                string name = Path.GetFileName(dir);
                Assert.Contains(name, PackageAssemblies());
                Assert.Contains("../StandIns/" + name + "/" + name + ".csproj", appProject);
                StandInChecks.AssertHeadersSayNeverDeployed(dir);
            }
        }

        [Fact]
        public void StandIns_EveryBodyThrows()
        {
            var found = StandInProjects().SelectMany(d => StandInChecks.BodiesThatDoNotThrow(StandInDll(Path.GetFileName(d)))).ToList();
            Assert.True(found.Count == 0, "stand-in methods that do more than throw:\n  " + string.Join("\n  ", found));
        }

        [Fact]
        public void StandIns_DeclareNothingTheAppDoesNotUse()
        {
            // Every public method of a stand-in is called by the app (or overrides a stand-in's abstract member): the
            // stand-ins stay as small as the app's API surface.
            using var app = AppDll();
            var unused = StandInProjects().SelectMany(d => StandInChecks.Unused(StandInDll(Path.GetFileName(d)), app.Reader)).ToList();
            Assert.True(unused.Count == 0, "stand-in members the app never uses (drop them):\n  " + string.Join("\n  ", unused));
        }

        /// <summary>nanoCLR's folder (shared/nanoclr) holds the real Runtime.Native this machine can read.</summary>
        private static string RealRuntimeNative()
        {
            string env = System.Environment.GetEnvironmentVariable("PROCNANO_NANOCLR");
            string dir = string.IsNullOrEmpty(env) ? Path.Combine(RepoPaths.Root, "..", "shared", "nanoclr") : env;
            return Path.GetFullPath(Path.Combine(dir, "ref", "nanoFramework.Runtime.Native.dll"));
        }

        [SkippableFact]
        public void RuntimeNativeStandIn_IsASubsetOfTheRealAssembly()
        {
            string real = RealRuntimeNative();
            Skip.IfNot(System.IO.File.Exists(real), "no real nanoFramework.Runtime.Native.dll at " + real);
            var upstream = ApiSurface.Of(real);
            var missing = ApiSurface.Of(StandInDll("nanoFramework.Runtime.Native")).Where(l => !upstream.Contains(l)).ToList();
            Assert.True(missing.Count == 0, "the stand-in declares what upstream does not:\n  " + string.Join("\n  ", missing));
        }
    }
}
