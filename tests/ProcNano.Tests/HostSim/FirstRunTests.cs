using System;
using System.IO;
using System.Linq;
using ProcNano.Tests.Build;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// The README's first command, `dotnet run --project host-sim`, as a fresh clone runs it: no options, the
    /// config found from the working folder, no flash folder yet, commands piped in. The boot script must bring
    /// up the demo tasks, and a second run on the flash the first one left must too.
    /// </summary>
    public class FirstRunTests
    {
        private static readonly string[] DemoTasks =
        {
            "/bin/hold 1", "/bin/hold 2", "/flash/hold 1", "/bin/shmdemo", "/bin/mapfile /flash/demo.txt",
        };

        /// <summary>A folder laid out like a checkout's root: nf.config and boards/ (copied from this one).</summary>
        private static string FreshCheckout()
        {
            string dir = SimProcess.NewFolder();
            System.IO.File.Copy(RepoPaths.Combine("nf.config"), Path.Combine(dir, "nf.config"));
            Directory.CreateDirectory(Path.Combine(dir, "boards"));
            foreach (string f in Directory.GetFiles(RepoPaths.Combine("boards")))
                System.IO.File.Copy(f, Path.Combine(dir, "boards", Path.GetFileName(f)));
            return dir;
        }

        private static void AssertDemo(SimProcess.Result r)
        {
            Assert.True(r.Code == 0, r.ToString());
            Assert.Equal("", r.Err);
            string[] lines = r.Out.Split('\n');
            Assert.Equal(new[] { "PID", "PPID", "USER", "STAT", "VSZ", "RSS", "HEAP", "COMMAND" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            string[] commands = lines.TakeWhile(l => !l.TrimStart().StartsWith("total")).Skip(1).Where(l => l.Length > 0)
                .Select(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(7))).ToArray();
            foreach (string t in DemoTasks) Assert.Contains(t, commands);
            Assert.Equal(2, commands.Count(c => c == "/flash/hold 1"));
            Assert.Equal(2, commands.Count(c => c == "/bin/mapfile /flash/demo.txt"));
            // free: the host board's arena is 256 pages of 4 KiB, and the demo holds some of it.
            string[] mem = lines.Single(l => l.StartsWith("Mem:")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("1024", mem[1]);
            Assert.True(int.Parse(mem[2]) > 0, "the demo tasks hold pages");
            Assert.Contains(lines, l => l.StartsWith("Heap:"));
        }

        [Fact]
        public void NoOptions_InAFreshCheckout_StdinPsFreeExit_ShowsTheDemoTasks_TwiceOnTheSameFlash()
        {
            string dir = FreshCheckout();
            var first = SimProcess.RunIn(dir, "ps\nfree\nexit\n");
            AssertDemo(first);
            // The default flash is ./flash-sim, made on the first run, with what the boot script put there.
            string flash = Path.Combine(dir, "flash-sim");
            Assert.True(System.IO.File.Exists(Path.Combine(flash, "hold")));
            Assert.True(System.IO.File.Exists(Path.Combine(flash, "demo.txt")));
            AssertDemo(SimProcess.RunIn(dir, "ps\nfree\nexit\n"));
        }

        [Fact]
        public void NoOptions_OutsideACheckout_UsesTheConfigNextToTheProgram()
        {
            AssertDemo(SimProcess.Run("ps\nfree\nexit\n"));
        }
    }
}
