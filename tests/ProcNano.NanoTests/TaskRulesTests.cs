using nanoFramework.TestFramework;

namespace ProcNano.NanoTests
{
    /// <summary>Tasks: exec, the exe link, shm, exit, pid namespaces (selftest checks 27-32). Each test is one check of firmware/SelfTest, on a kernel of its class.</summary>
    [TestClass]
    public class TaskRulesTests
    {
        private static SelfTestChecks s_checks;

        [Setup]
        public void BootAKernel() { s_checks = new SelfTestChecks(); }

        [TestMethod]
        public void FlashTextIsOneSharedCopy() { s_checks.Pass(26); }

        [TestMethod]
        public void RomfsProgramsRunInPlace() { s_checks.Pass(27); }

        [TestMethod]
        public void ExeLinkGoesWithTheLastExecutableVma() { s_checks.Pass(28); }

        [TestMethod]
        public void ShmAttachesShareOneAddress() { s_checks.Pass(29); }

        [TestMethod]
        public void ExitGivesBackEverything() { s_checks.Pass(30); }

        [TestMethod]
        public void ATaskIsPid1OfItsNewNamespace() { s_checks.Pass(31); }
    }
}
