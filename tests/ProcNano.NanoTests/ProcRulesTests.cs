using nanoFramework.TestFramework;

namespace ProcNano.NanoTests
{
    /// <summary>procfs (selftest checks 33-41). Each test is one check of firmware/SelfTest, on a kernel of its class.</summary>
    [TestClass]
    public class ProcRulesTests
    {
        private static SelfTestChecks s_checks;

        [Setup]
        public void BootAKernel() { s_checks = new SelfTestChecks(); }

        [TestMethod]
        public void ProcSelfIsTheReader() { s_checks.Pass(32); }

        [TestMethod]
        public void ProcNetAndMountsAreSelfLinks() { s_checks.Pass(33); }

        [TestMethod]
        public void ARemovedEntryReadsEio() { s_checks.Pass(34); }

        [TestMethod]
        public void AnExitedTasksFileReadsEsrch() { s_checks.Pass(35); }

        [TestMethod]
        public void PagemapReadsAreMultiplesOf8() { s_checks.Pass(36); }

        [TestMethod]
        public void ClearRefsTakes1To3() { s_checks.Pass(37); }

        [TestMethod]
        public void NrTrimPagesRefusesBadText() { s_checks.Pass(38); }

        [TestMethod]
        public void MeminfoLines() { s_checks.Pass(39); }

        [TestMethod]
        public void MapsPathsAtColumn49() { s_checks.Pass(40); }
    }
}
