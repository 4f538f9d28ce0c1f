using nanoFramework.TestFramework;

namespace ProcNano.NanoTests
{
    /// <summary>File maps: ramfs in place, flash by copy, procfs not at all (selftest checks 19-26). Each test is one check of firmware/SelfTest, on a kernel of its class.</summary>
    [TestClass]
    public class FileMapRulesTests
    {
        private static SelfTestChecks s_checks;

        [Setup]
        public void BootAKernel() { s_checks = new SelfTestChecks(); }

        [TestMethod]
        public void RamfsSharedMapIsDirect() { s_checks.Pass(18); }

        [TestMethod]
        public void PrivateFileMapIsACopy() { s_checks.Pass(19); }

        [TestMethod]
        public void MmapLeavesTheFilePosition() { s_checks.Pass(20); }

        [TestMethod]
        public void FlashReadOnlyMapsShareOneCopy() { s_checks.Pass(21); }

        [TestMethod]
        public void APartialFlashOverlapIsEinval() { s_checks.Pass(22); }

        [TestMethod]
        public void SharedFlashMapIsEnodev() { s_checks.Pass(23); }

        [TestMethod]
        public void ProcfsMapIsEnodev() { s_checks.Pass(24); }

        [TestMethod]
        public void WritableSharedMapOfAReadOnlyOpenIsEacces() { s_checks.Pass(25); }
    }
}
