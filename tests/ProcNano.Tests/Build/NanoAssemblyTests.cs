using System.IO;
using System.Linq;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// The nano-compiled kernel (firmware/Kernel.Nano) must be loadable by nanoFramework's stable runtime, which the
    /// compiler does not guarantee: no assembly but mscorlib, no generics anywhere, no multi-dimensional arrays,
    /// and mscorlib must be nanoFramework's own. Each check is also run on a fixture that breaks it
    /// (NanoViolationFixture.cs in this assembly) to show it can fail.
    /// </summary>
    public class NanoAssemblyTests
    {
        private static NanoAssemblyChecker Kernel()
        {
            string path = RepoPaths.NanoKernelDll;
            Assert.True(System.IO.File.Exists(path), "nano kernel not built: " + path);
            return new NanoAssemblyChecker(path);
        }

        private static NanoAssemblyChecker Fixture() => new NanoAssemblyChecker(typeof(NanoAssemblyTests).Assembly.Location);

        private static void Clean(System.Collections.Generic.List<string> found)
        {
            Assert.True(found.Count == 0, "the nano kernel breaks the device runtime's rules:\n  " + string.Join("\n  ", found));
        }

        [Fact]
        public void NanoKernel_ReferencesOnlyMscorlib() { using var k = Kernel(); Clean(k.ForeignReferences()); }

        [Fact]
        public void NanoKernel_HasNoGenericTypeOrMethodDefinitions() { using var k = Kernel(); Clean(k.GenericDefinitions()); }

        [Fact]
        public void NanoKernel_HasNoMethodSpecs() { using var k = Kernel(); Clean(k.MethodSpecs()); }

        [Fact]
        public void NanoKernel_HasNoGenericOrMultiDimensionalTypeSpecs() { using var k = Kernel(); Clean(k.BadTypeSpecs()); }

        [Fact]
        public void NanoKernel_SignaturesHoldNoGenericOrMultiDimensionalTypes() { using var k = Kernel(); Clean(k.BadSignatures()); }

        [Fact]
        public void NanoKernel_CompiledAgainstNanoFrameworksMscorlib()
        {
            using var k = Kernel();
            AssemblyIdentity used = k.MscorlibReference();
            Assert.True(used != null, "the nano kernel does not reference mscorlib");
            AssemblyIdentity nano = NanoAssemblyChecker.DefinitionOf(RepoPaths.NanoMscorlibDll);
            Assert.Equal(AssemblyIdentity.NanoToken, nano.PublicKeyToken);
            Assert.Equal(nano.PublicKeyToken, used.PublicKeyToken);
            Assert.Equal(nano.Version, used.Version);
            Assert.NotEqual(AssemblyIdentity.DotNetToken, used.PublicKeyToken);
        }

        // Negative controls: the same checks on assemblies known to break each rule.

        [Fact]
        public void Checker_HostKernel_FlagsForeignReferencesAndMissingMscorlib()
        {
            using var host = new NanoAssemblyChecker(typeof(ProcNano.Kernel).Assembly.Location);
            Assert.Contains(host.ForeignReferences(), f => f.Contains("System.Runtime"));
            Assert.Null(host.MscorlibReference());
        }

        [Fact]
        public void Checker_Fixture_FlagsGenericDefinitions()
        {
            using var c = Fixture();
            var found = c.GenericDefinitions();
            Assert.Contains(found, f => f.StartsWith("generic type ") && f.Contains("NanoViolationFixture`1"));
            Assert.Contains(found, f => f.StartsWith("generic method ") && f.Contains("NanoViolationGenericMethod"));
        }

        [Fact]
        public void Checker_Fixture_FlagsMethodSpecs()
        {
            using var c = Fixture();
            Assert.Contains(c.MethodSpecs(), f => f.Contains("NanoViolationGenericMethod<Int32>"));
        }

        [Fact]
        public void Checker_Fixture_FlagsGenericAndMultiDimensionalTypeSpecs()
        {
            using var c = Fixture();
            var found = c.BadTypeSpecs();
            Assert.Contains(found, f => f.StartsWith("generic type instance") && f.Contains("NanoViolationFixture`1<Int32>"));
            Assert.Contains(found, f => f.StartsWith("multi-dimensional array") && f.Contains("Int32[,]"));
        }

        [Fact]
        public void Checker_Fixture_FlagsGenericsInsideSignatures()
        {
            using var c = Fixture();
            var found = c.BadSignatures();
            Assert.Contains(found, f => f.Contains("NullableField") && f.Contains("System.Nullable`1<Int32>"));
            Assert.Contains(found, f => f.Contains("locals of ProcNano.Tests.Build.NanoViolationUse::NanoViolationUses") && f.Contains("System.Func`1<Int32>"));
        }

        [Fact]
        public void Checker_DotNetMscorlib_IsNotNanoFrameworks()
        {
            // What the identity check compares against when someone swaps in .NET's reference assemblies.
            string dotnetMscorlib = Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "mscorlib.dll");
            Assert.True(System.IO.File.Exists(dotnetMscorlib), dotnetMscorlib);
            AssemblyIdentity id = NanoAssemblyChecker.DefinitionOf(dotnetMscorlib);
            Assert.Equal(AssemblyIdentity.DotNetToken, id.PublicKeyToken);
            Assert.NotEqual(NanoAssemblyChecker.DefinitionOf(RepoPaths.NanoMscorlibDll).PublicKeyToken, id.PublicKeyToken);
        }
    }
}
