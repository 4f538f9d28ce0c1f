using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// A nanoFramework app deploys the assemblies of every package it restores, and the runtime refuses to start
    /// when one of them needs an assembly that was not deployed ("needs assembly 'nanoFramework.System.Text'").
    /// NuGet's packages.config does not add dependencies by itself, so the list must be closed under them. The
    /// dependencies below are the listed versions' nuspecs, kept here as data.
    /// </summary>
    public class FirmwarePackagesTests
    {
        private const string Core = "nanoFramework.CoreLibrary";

        /// <summary>Package, version, then its dependencies: (id, version, exact). Not exact means "this version or
        /// later" (a plain nuspec version); exact is a [x] pin.</summary>
        private static readonly (string Id, string Version, (string Id, string Version, bool Exact)[] Deps)[] Nuspecs =
        {
            (Core, "1.17.11", new (string, string, bool)[0]),
            ("nanoFramework.Runtime.Events", "1.11.39", new[] { (Core, "1.17.11", true) }),
            ("nanoFramework.Runtime.Native", "1.7.11", new[] { (Core, "1.17.11", true) }),
            ("nanoFramework.System.Text", "1.3.42", new[] { (Core, "1.17.11", true) }),
            ("nanoFramework.System.IO.Streams", "1.1.96", new[] { (Core, "1.17.11", true) }),
            ("nanoFramework.Hardware.Esp32", "1.6.42", new[] { (Core, "1.17.11", true), ("nanoFramework.Runtime.Events", "1.11.39", true) }),
            ("nanoFramework.System.IO.Ports", "1.1.139", new[]
            {
                (Core, "1.17.11", true), ("nanoFramework.Runtime.Events", "1.11.37", false),
                ("nanoFramework.System.IO.Streams", "1.1.96", true),
            }),
            ("nanoFramework.System.IO.FileSystem", "1.1.93", new[]
            {
                (Core, "1.17.11", true), ("nanoFramework.Runtime.Events", "1.11.37", false),
                ("nanoFramework.System.IO.Streams", "1.1.96", true), ("nanoFramework.System.Text", "1.3.42", true),
            }),
            ("nanoFramework.TestFramework", "3.0.77", new[] { (Core, "1.17.11", true) }),
        };

        private static Dictionary<string, string> Packages(string config) =>
            XDocument.Load(config).Descendants("package").ToDictionary(p => (string)p.Attribute("id"), p => (string)p.Attribute("version"));

        public static IEnumerable<object[]> Configs() => new[]
        {
            new object[] { "firmware/App/packages.config" },
            new object[] { "firmware/Kernel.NF/packages.config" },
            new object[] { "firmware/SelfTest.NF/packages.config" },
            new object[] { "tests/ProcNano.NanoTests/packages.config" },
        };

        /// <summary>Every dependency of every listed package is listed, at a version it accepts.</summary>
        internal static List<string> Unmet(Dictionary<string, string> listed)
        {
            var unmet = new List<string>();
            foreach (var (id, version) in listed)
            {
                var spec = Nuspecs.Where(n => n.Id == id && n.Version == version).ToArray();
                if (spec.Length == 0)
                {
                    unmet.Add(id + " " + version + ": not in the dependency table (add its nuspec's dependencies)");
                    continue;
                }
                foreach (var dep in spec[0].Deps)
                {
                    if (!listed.TryGetValue(dep.Id, out string have)) unmet.Add(id + " " + version + " needs " + dep.Id + " " + dep.Version + ", not listed");
                    else if (dep.Exact ? System.Version.Parse(have) != System.Version.Parse(dep.Version) : System.Version.Parse(have) < System.Version.Parse(dep.Version))
                        unmet.Add(id + " " + version + " needs " + dep.Id + (dep.Exact ? " " : " >= ") + dep.Version + ", listed " + have);
                }
            }
            return unmet;
        }

        [Theory]
        [MemberData(nameof(Configs))]
        public void PackagesConfig_IsClosedUnderItsPackagesDependencies(string config)
        {
            var unmet = Unmet(Packages(RepoPaths.Combine(config.Split('/'))));
            Assert.True(unmet.Count == 0, config + ":\n  " + string.Join("\n  ", unmet));
        }

        [Fact]
        public void Closure_FindsWhatTheFirmwareMissed()
        {
            // The list as it was before System.Text was added: the runtime refused to start.
            var before = Packages(RepoPaths.Combine("firmware", "App", "packages.config"));
            before.Remove("nanoFramework.System.Text");
            Assert.Equal(new[] { "nanoFramework.System.IO.FileSystem 1.1.93 needs nanoFramework.System.Text 1.3.42, not listed" }, Unmet(before));
            before["nanoFramework.System.Text"] = "1.3.41";
            before["nanoFramework.Runtime.Events"] = "1.11.36";
            var unmet = Unmet(before);
            Assert.Contains("nanoFramework.System.IO.FileSystem 1.1.93 needs nanoFramework.System.Text 1.3.42, listed 1.3.41", unmet);
            Assert.Contains("nanoFramework.System.IO.Ports 1.1.139 needs nanoFramework.Runtime.Events >= 1.11.37, listed 1.11.36", unmet);
        }

        [Fact]
        public void Nfproj_ReferencesTheAssemblyOfEveryPackage()
        {
            // Visual Studio deploys what the project references: a package restored but not referenced never reaches the device.
            XNamespace ms = "http://schemas.microsoft.com/developer/msbuild/2003";
            string app = RepoPaths.Combine("firmware", "App");
            var hints = XDocument.Load(Path.Combine(app, "ProcNano.App.nfproj")).Descendants(ms + "HintPath")
                .Select(h => h.Value.Replace('\\', '/').Split('/')[1]).ToHashSet();
            foreach (var (id, version) in Packages(Path.Combine(app, "packages.config")))
                Assert.True(hints.Contains(id + "." + version), "ProcNano.App.nfproj references no assembly of " + id + " " + version);
        }
    }
}
