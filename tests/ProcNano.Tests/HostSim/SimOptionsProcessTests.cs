using System;
using System.IO;
using System.Linq;
using ProcNano.Tests.Build;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>Each of procnano-sim's options, run as a real process: every board in boards/, --flash,
    /// --script, --serial and the command-line errors (status 2, a message on stderr naming the culprit).</summary>
    public class SimOptionsProcessTests
    {
        public static TheoryData<string> Boards()
        {
            var d = new TheoryData<string>();
            foreach (string f in Directory.GetFiles(RepoPaths.Combine("boards"), "*.board").OrderBy(f => f))
                d.Add(Path.GetFileNameWithoutExtension(f));
            return d;
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Board_EveryBoardBoots_BootScriptRunsWithoutErrors_ProcShowsTheBoard(string board)
        {
            var r = SimProcess.Run(null, "--board", board, "-c", "uname -m; cat /proc/cpuinfo; free; ps; dmesg");
            Assert.True(r.Code == 0, r.ToString());
            Assert.Equal("", r.Err);
            string[] lines = r.Out.Split('\n');
            Assert.Equal(board, lines[0]);
            Assert.Contains("Hardware\t: " + board, lines);
            Assert.Contains(lines, l => l.StartsWith("Mem:"));
            // Every boot-script line was traced and none printed an error ("rc: cmd: ..."); output lines are pids.
            string[] rc = lines.Where(l => l.Contains("] rc: ")).Select(l => l.Substring(l.IndexOf("] rc: ") + 6)).ToArray();
            Assert.Contains("+ exec /bin/hold 1", rc);
            Assert.DoesNotContain(rc, l => !l.StartsWith("+ ") && !int.TryParse(l, out _));
            Assert.Contains(lines, l => l.EndsWith(" /bin/shmdemo"));
        }

        // On a device board the Heap figures are the device's: the board's managed_heap, less the kernel's model
        // (which grows with the demo's tasks), never the desktop GC's.
        [Theory]
        [InlineData("esp32-devkitc", 79000)]
        [InlineData("esp32-c3", 43500)]
        public void DeviceBoard_HeapIsTheDevicesModel(string board, long heapAtMain)
        {
            var bare = SimProcess.Run(null, "--board", board, "--bare", "-c", "cat /proc/meminfo; free");
            var demo = SimProcess.Run(null, "--board", board, "-c", "cat /proc/meminfo; free");
            Assert.True(bare.Code == 0 && demo.Code == 0, bare + "\n" + demo);
            Assert.Equal(heapAtMain / 1024, MeminfoKb(bare.Out, "HeapTotal:"));
            long bareFree = MeminfoKb(bare.Out, "HeapFree:"), demoFree = MeminfoKb(demo.Out, "HeapFree:");
            long slabKb = MeminfoKb(bare.Out, "Slab:");
            // The model: the arena (16 or 12 KiB) and the kernel's objects come off the device heap.
            Assert.InRange(bareFree, 1, heapAtMain / 1024 - slabKb - 12);
            Assert.True(demoFree < bareFree, $"the demo's tasks cost nothing? bare {bareFree} kB, demo {demoFree} kB");
            string heapRow = bare.Out.Split('\n').First(l => l.StartsWith("Heap:"));
            Assert.Equal(new[] { "Heap:", (heapAtMain / 1024).ToString() }, heapRow.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
        }

        private static long MeminfoKb(string text, string key)
        {
            string line = text.Split('\n').First(l => l.StartsWith(key));
            return long.Parse(line.Substring(key.Length).Replace("kB", "").Trim());
        }

        [Fact]
        public void Flash_FilesWrittenUnderFlashLandInTheFolder_AndAreThereNextRun()
        {
            string dir = Path.Combine(SimProcess.NewFolder(), "store");
            var first = SimProcess.Run(null, "--bare", "--flash", dir, "-c", "echo kept > /flash/note");
            Assert.True(first.Code == 0, first.ToString());
            Assert.Equal("kept\n", System.IO.File.ReadAllText(Path.Combine(dir, "note")));
            var second = SimProcess.Run(null, "--bare", "--flash", dir, "-c", "cat /flash/note");
            Assert.Equal("kept\n", second.Out);
        }

        [Fact]
        public void Script_MissingFile_Status2_NamesIt()
        {
            var r = SimProcess.Run(null, "--script", "/no/such/script.nsh");
            Assert.Equal(2, r.Code);
            Assert.Contains("/no/such/script.nsh", r.Err);
            Assert.Equal("", r.Out);
        }

        [Theory]
        [InlineData("-c", "echo x", "--script", "f")]
        [InlineData("-c", "echo x", "--serial", "/dev/null")]
        public void Modes_ExcludeEachOther_Status2(string a, string av, string b, string bv)
        {
            var r = SimProcess.Run(null, a, av, b, bv);
            Assert.Equal(2, r.Code);
            Assert.Contains("exclude each other", r.Err);
        }

        [Theory]
        [InlineData("--board")]
        [InlineData("--flash")]
        [InlineData("--serial")]
        [InlineData("--script")]
        [InlineData("-c")]
        public void Option_WithoutItsValue_Status2(string opt)
        {
            var r = SimProcess.Run(null, opt);
            Assert.Equal(2, r.Code);
            Assert.Contains(opt + " needs a value", r.Err);
        }

        [Fact]
        public void Serial_NoSuchDevice_Status2_NoSuchFileOrDirectory()
        {
            string dev = Path.Combine(SimProcess.NewFolder(), "no-such-tty");
            var r = SimProcess.Run(null, "--bare", "--serial", dev);
            Assert.Equal(2, r.Code);
            Assert.Equal("procnano-sim: " + dev + ": No such file or directory\n", r.Err);
        }

        [Fact]
        public void DashC_AndScript_NonAsciiText_PassesThroughAsUtf8()
        {
            // The shell works on bytes (UTF-8 from a terminal passes through unchanged); -c and --script text
            // must reach it as the same bytes, not as UTF-16 code units cut to 8 bits.
            const string text = "h\u00e9llo \u20ac \u00fcml";
            var r = SimProcess.Run(null, "--bare", "-c", "echo " + text + " > /flash/u; cat /flash/u");
            Assert.True(r.Code == 0, r.ToString());
            Assert.Equal(text + "\n", r.Out);
            string dir = SimProcess.NewFolder();
            string file = Path.Combine(dir, "u.nsh");
            System.IO.File.WriteAllText(file, "echo " + text + "\n");
            var s = SimProcess.Run(null, "--bare", "--script", file);
            Assert.Equal(text + "\n", s.Out);
        }
    }
}
