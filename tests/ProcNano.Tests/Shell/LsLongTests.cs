using ProcNano;
using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>ls -l as busybox and coreutils print it: device numbers for device nodes, a symlink operand shown
    /// as the link.</summary>
    public class LsLongTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        [Fact]
        public void LsLongDev_ShowsCharDevicesWithMajorMinor()
        {
            Assert.Equal(0, _h.Run("ls -l /dev", out string o));
            Assert.Contains("crw-rw-rw-    1 root     root        1,    3 null\n", o);
            Assert.Contains("crw-rw-rw-    1 root     root        1,    5 zero\n", o);
        }

        [Fact]
        public void LsLongOfSymlinkOperand_ShowsTheLink_PlainLsFollowsIt()
        {
            Assert.Equal(0, _h.Run("ls -l /proc/self", out string o));
            Assert.Matches(@"^lrwxrwxrwx +1 root +root +0 /proc/self -> \d+\n$", o);
            Assert.Equal(0, _h.Run("ls /proc/self", out o));
            Assert.Contains("status\n", o);
        }
    }
}
