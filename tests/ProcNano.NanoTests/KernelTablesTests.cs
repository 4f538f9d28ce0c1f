using nanoFramework.TestFramework;

namespace ProcNano.NanoTests
{
    /// <summary>The kernel's tables are consistent (selftest checks 1-13). Each test is one check of firmware/SelfTest, on a kernel of its class.</summary>
    [TestClass]
    public class KernelTablesTests
    {
        private static SelfTestChecks s_checks;

        [Setup]
        public void BootAKernel() { s_checks = new SelfTestChecks(); }

        [TestMethod]
        public void RegionTreeInAddressOrder() { s_checks.Pass(0); }

        [TestMethod]
        public void RegionsNeverOverlapUnlessOneFileInPlace() { s_checks.Pass(1); }

        [TestMethod]
        public void RegionUsageCountsItsVmas() { s_checks.Pass(2); }

        [TestMethod]
        public void EveryVmasRegionIsLive() { s_checks.Pass(3); }

        [TestMethod]
        public void PageCountsMatchRegionsAndFiles() { s_checks.Pass(4); }

        [TestMethod]
        public void MmapCopyEqualsTheCopyPages() { s_checks.Pass(5); }

        [TestMethod]
        public void RamfsAndShmCountersMatchTheirFiles() { s_checks.Pass(6); }

        [TestMethod]
        public void EveryOpenFilesInodeIsLive() { s_checks.Pass(7); }

        [TestMethod]
        public void FileReferenceCountsAddUp() { s_checks.Pass(8); }

        [TestMethod]
        public void FreeListsMatchTheBuddyCounts() { s_checks.Pass(9); }

        [TestMethod]
        public void ExeFileHeldWhileAnExecutableVmaRemains() { s_checks.Pass(10); }

        [TestMethod]
        public void ShmAttachCountsMatchTheVmas() { s_checks.Pass(11); }

        [TestMethod]
        public void TaskTablePidsParentsStates() { s_checks.Pass(12); }
    }
}
