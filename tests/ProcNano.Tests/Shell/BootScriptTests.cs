using System.Linq;
using System.Text;
using ProcNano.HostSim;
using ProcNano;
using ProcNano.Tests.Build;
using Xunit;
using KKernel = ProcNano.Kernel;
using KShell = ProcNano.Shell;

namespace ProcNano.Tests.Shell
{
    /// <summary>boards/boot.sh as the simulator runs it (host board from nf.config): every line succeeds and it
    /// leaves the demo worth looking at in /proc: in-place romfs text shared by two tasks, one text copy of a
    /// program on flash shared by two tasks, a shm segment, a flash file mapped twice.</summary>
    public class BootScriptTests
    {
        private static (KKernel k, KShell sh) Booted()
        {
            string root = RepoPaths.Root;
            BoardConfig board = BoardLoader.Load(root, null, out string error);
            Assert.True(board != null, error);
            var k = ProcNano.Tests.Boot.Board(board);
            var sh = new KShell(k.Sys, Getty.NewShellTask(k.Sys), new LineDiscipline(new MemoryTty()) { Echo = false, OutputCrlf = false }, 4096);
            string script = BoardLoader.ReadBootScript(root, board);
            Assert.NotNull(script);
            sh.RunBootScript(script);
            return (k, sh);
        }

        private static string Dmesg(KKernel k)
        {
            var b = new byte[k.Log.Head - k.Log.Tail];
            int n = k.Log.Read(k.Log.Tail, b, 0, b.Length);
            return Encoding.ASCII.GetString(b, 0, n);
        }

        /// <summary>Regions (vm_region) backed by the file at <paramref name="path"/>.</summary>
        private static int[] Regions(KKernel k, string path)
        {
            RegionTable r = k.Mem.Regions;
            return Enumerable.Range(0, r.Count).Select(r.At).Where(s => k.Mem.RegionFile(s) != null
                && k.Mem.RegionFile(s).Path == path).ToArray();
        }

        [Fact]
        public void EveryLine_Succeeds_AndIsTracedInTheLog()
        {
            var (k, _) = Booted();
            string[] rc = Dmesg(k).Split('\n').Select(l => l.Contains("] ") ? l.Substring(l.IndexOf("] ") + 2) : l)
                .Where(l => l.StartsWith("rc: ")).ToArray();
            Assert.Contains("rc: + cp /bin/hold /flash/hold", rc);
            // Output lines are pids (from exec); an error would read "rc: cmd: ...".
            string[] errors = rc.Where(l => !l.StartsWith("rc: + ") && !int.TryParse(l.Substring(4), out _)).ToArray();
            Assert.Empty(errors);
        }

        [Fact]
        public void DemoTasks_AreRunning()
        {
            var (k, _) = Booted();
            string[] cmds = Enumerable.Range(0, k.Tasks.Count).Select(i => string.Join(" ", k.Tasks[i].Argv)).ToArray();
            foreach (string c in new[] { "/bin/hold 1", "/bin/hold 2", "/bin/shmdemo" }) Assert.Contains(c, cmds);
            Assert.Equal(2, cmds.Count(c => c == "/flash/hold 1"));
            Assert.Equal(2, cmds.Count(c => c == "/bin/mapfile /flash/demo.txt"));
            Assert.Equal(1, k.Shm.Count);
        }

        [Fact]
        public void FlashProgram_TwoTasks_ShareOneTextCopy_RomProgram_SharesItsInPlaceText()
        {
            var (k, _) = Booted();
            int[] flash = Regions(k, "/flash/hold");
            Assert.Single(flash);
            Assert.Equal(2, k.Mem.Regions.Usage(flash[0]));
            Assert.True(k.Phys.InArena(k.Mem.Regions.Start(flash[0])), "the flash text is a copy in RAM");
            int[] rom = Regions(k, "/bin/hold");
            Assert.Single(rom);
            Assert.Equal(2, k.Mem.Regions.Usage(rom[0]));
            Assert.False(k.Phys.InArena(k.Mem.Regions.Start(rom[0])), "romfs text runs in place");
        }

        [Fact]
        public void ProcMaps_ShowsEachTextOnce_WhenItExists()
        {
            var (k, sh) = Booted();
            int fd = k.Sys.Open(sh.Task, "/proc/maps", ProcNano.File.O_RDONLY, 0);
            if (fd < 0) return;   // /proc/maps is not there yet
            k.Sys.Close(sh.Task, fd);
            string maps = Encoding.ASCII.GetString(Files.Read(k, sh.Task, "/proc/maps"));
            Assert.Single(maps.Split('\n'), l => l.EndsWith("/flash/hold"));
            Assert.Single(maps.Split('\n'), l => l.EndsWith("/bin/hold"));
        }

        [Fact]
        public void SecondExecOfAFlashProgram_CostsNoMoreThanARomProgram_TheFirstPaysTheTextOnce()
        {
            var h = new ShellHarness();
            int Cost(string line)
            {
                int before = h.K.Mem.MmapPagesAllocated;
                Assert.Equal(0, h.Run(line, out string o));
                Assert.Matches("^[0-9]+\n$", o);
                return h.K.Mem.MmapPagesAllocated - before;
            }
            int rom = Cost("exec /bin/hold 1");
            Assert.Equal(0, h.Run("cp /bin/hold /flash/hold", out _));
            int first = Cost("exec /flash/hold 1");
            int second = Cost("exec /flash/hold 1");
            Assert.Equal(rom, second);
            int text = Regions(h.K, "/flash/hold").Single();
            RegionTable r = h.K.Mem.Regions;
            Assert.Equal((int)((r.Top(text) - r.Start(text)) / (uint)h.K.Board.PageSize), first - rom);
            Assert.True(first > rom);
        }
    }
}
