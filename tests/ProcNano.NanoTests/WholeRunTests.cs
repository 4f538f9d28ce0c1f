using nanoFramework.TestFramework;

namespace ProcNano.NanoTests
{
    /// <summary>The whole `selftest`, every check in order on one kernel, the closing "as found" comparison
    /// included (selftest check 42).</summary>
    [TestClass]
    public class WholeRunTests
    {
        [TestMethod]
        public void EveryCheckPasses_AndTheSystemIsLeftAsFound()
        {
            int failed = new SelfTestChecks().RunAll();
            Assert.IsTrue(failed == 0, failed.ToString() + " checks failed (see the output)");
        }
    }
}
