using System.IO;
using System.Linq;
using ProcNano.Tests.HostSim;
using Xunit;

namespace ProcNano.Tests.SelfTestLayer
{
    /// <summary>The self-test passes on a sound kernel, wherever it runs (host board, device boards, after the
    /// demo boot), prints one line per check and a closing count, and leaves the system as it found it.</summary>
    public class SelfTestTests
    {
        [Fact]
        public void HasAtLeast25Checks_EachNamedOnce()
        {
            Assert.True(ProcNano.SelfTest.Count >= 25);
            var names = Enumerable.Range(0, ProcNano.SelfTest.Count).Select(ProcNano.SelfTest.Name).ToArray();
            Assert.All(names, n => Assert.False(string.IsNullOrEmpty(n)));
            Assert.Equal(names.Length, names.Distinct().Count());
            Assert.Null(ProcNano.SelfTest.Name(ProcNano.SelfTest.Count));
        }

        [Fact]
        public void Passes_OnAFreshHostKernel()
        {
            var h = new SelfTestHarness();
            Assert.Equal("", h.Failures());
            Assert.Equal(ProcNano.SelfTest.Count, h.Results.Count);
            Assert.DoesNotContain(h.Results, r => ProcNano.SelfTest.IsSkip(r.Failure));
        }

        [Theory]
        [InlineData("esp32-devkitc")]
        [InlineData("esp32-c3")]
        [InlineData("esp32-s3")]
        [InlineData("esp32-wrover")]
        public void Passes_OnEveryDeviceBoard_AfterTheDemoBoot(string board)
        {
            var h = new SelfTestHarness(SelfTestHarness.Board(board));
            string script = global::ProcNano.HostSim.BoardLoader.ReadBootScript(Build.RepoPaths.Root, h.K.Board);
            h.Shell.Sh.RunBootScript(script);
            Assert.True(h.K.Tasks.Count >= 8, "the demo did not boot");
            Assert.Equal("", h.Failures());
        }

        [Fact]
        public void LeavesTheSystemAsItFoundIt_RunAfterRun()
        {
            var h = new SelfTestHarness();
            h.Shell.Run("mmap 12288 rw- private", out _);
            h.Shell.Run("echo data > /tmp/keep", out _);
            // The first run grows the kernel's tables to their peak, and they keep that room (Slab may show it).
            Assert.Equal("", h.Failures());
            string before = h.Shell.Out("cat /proc/maps") + h.Shell.Out("cat /proc/meminfo") + h.Shell.Out("ls -la /flash /tmp");
            Assert.Equal("", h.Failures());
            Assert.Equal("", h.Failures());
            string after = h.Shell.Out("cat /proc/maps") + h.Shell.Out("cat /proc/meminfo") + h.Shell.Out("ls -la /flash /tmp");
            Assert.Equal(Strip(before), Strip(after));
            Invariants.Check(h.K);
        }

        // The heap lines follow the host's GC; everything else must be as it was.
        private static string Strip(string s) => string.Join("\n", s.Split('\n').Where(l => !l.StartsWith("Heap")));

        [Fact]
        public void Command_PrintsOneLinePerCheck_ThenTheCount()
        {
            var h = new SelfTestHarness();
            Assert.Equal(0, h.Shell.Run("selftest", out string o));
            string[] lines = o.TrimEnd('\n').Split('\n');
            Assert.Equal(ProcNano.SelfTest.Count + 1, lines.Length);
            Assert.Equal("ok    1 " + ProcNano.SelfTest.Name(0), lines[0]);
            Assert.Equal("ok   " + ProcNano.SelfTest.Count + " " + ProcNano.SelfTest.Name(ProcNano.SelfTest.Count - 1), lines[ProcNano.SelfTest.Count - 1]);
            Assert.Equal(ProcNano.SelfTest.Count + " passed, 0 failed", lines[^1]);
        }

        [Fact]
        public void Command_AFailedCheck_SaysWhat_AndTheStatusIs1()
        {
            var h = new SelfTestHarness();
            h.K.Mem.MmapPagesAllocated++;
            Assert.Equal(1, h.Shell.Run("selftest", out string o));
            int copies = h.K.Mem.MmapPagesAllocated - 1;
            Assert.Contains("FAIL  6 MmapCopy equals the copy pages counted: MmapCopy " + (copies + 1) + " pages, copies hold " + copies + "\n", o);
            Assert.EndsWith((ProcNano.SelfTest.Count - 1) + " passed, 1 failed\n", o);
        }

        [Fact]
        public void Command_NeedsRoot_AndTakesNoArguments()
        {
            var h = new SelfTestHarness();
            Assert.Equal(1, h.Shell.Run("selftest now", out string o));
            Assert.Equal("Usage: selftest\n", o);
            h.Shell.Run("su 1000", out _);
            Assert.Equal(1, h.Shell.Run("selftest", out o));
            Assert.Equal("selftest: Operation not permitted\n", o);
        }

        [Fact]
        public void Command_WithoutTheSuite_SaysItIsNotDeployed()
        {
            // A device firmware deploys ProcNano.SelfTest only when asked; a platform without it (no suite built in,
            // no such assembly loaded) answers plainly.
            var k = Boot.WithoutPlatform(new BoardConfig());
            var tty = new Shell.MemoryTty();
            var ld = new LineDiscipline(tty) { Echo = false, OutputCrlf = false };
            var sh = new ProcNano.Shell(k.Sys, Getty.NewShellTask(k.Sys), ld, 256);
            Assert.Equal(1, sh.Execute("selftest"));
            Assert.Equal("selftest: not deployed (ProcNano.SelfTest is not on this device)\n", tty.Output);
            Assert.Null(SelfTestCommand.Deployed());
        }

        [Fact]
        public void ABoardWithoutFlash_SkipsTheFlashChecks_AndSaysSo()
        {
            var h = new SelfTestHarness(new BoardConfig { FlashMount = "" });
            Assert.Equal(0, h.Shell.Run("selftest", out string o));
            Assert.Contains("skip 22 " + ProcNano.SelfTest.Name(21) + "\n", o);
            Assert.EndsWith(" passed, 0 failed, 4 skipped\n", o);
        }

        [Fact]
        public void Simulator_RunsSelftest_OnTheDemoBoot()
        {
            var r = SimProcess.Run(null, "-c", "selftest");
            Assert.True(r.Code == 0, r.Out + r.Err);
            Assert.EndsWith(ProcNano.SelfTest.Count + " passed, 0 failed\n", r.Out);
        }
    }
}
