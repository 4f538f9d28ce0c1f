using nanoFramework.TestFramework;

namespace ProcNano.NanoTests
{
    /// <summary>Anonymous memory (selftest checks 14-18). Each test is one check of firmware/SelfTest, on a kernel of its class.</summary>
    [TestClass]
    public class MemoryRulesTests
    {
        private static SelfTestChecks s_checks;

        [Setup]
        public void BootAKernel() { s_checks = new SelfTestChecks(); }

        [TestMethod]
        public void AnonymousMapIsATrimmedCopy() { s_checks.Pass(13); }

        [TestMethod]
        public void MunmapPunchesAHole() { s_checks.Pass(14); }

        [TestMethod]
        public void AFileVmaGoesWhole() { s_checks.Pass(15); }

        [TestMethod]
        public void MmapRefusesBadRequests() { s_checks.Pass(16); }

        [TestMethod]
        public void OutOfArenaIsEnomemWithNothingLeft() { s_checks.Pass(17); }
    }
}
