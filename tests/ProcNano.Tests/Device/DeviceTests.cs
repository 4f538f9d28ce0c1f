using Xunit;

namespace ProcNano.Tests.Device
{
    /// <summary>
    /// The kernel on the device's own runtime (nanoCLR, 32-bit, 12-byte heap blocks) at each board's heap: what
    /// holds today and must keep holding. The issue's memory goals are in <see cref="DeviceGoalTests"/>.
    /// </summary>
    [Collection("Device")]
    public sealed class DeviceTests
    {
        private readonly DeviceFixture _f;

        public DeviceTests(DeviceFixture f)
        {
            _f = f;
        }

        [SkippableTheory]
        [InlineData("esp32-devkitc")]
        [InlineData("esp32-c3")]
        [InlineData("esp32-wrover")]
        [InlineData("esp32-s3")]
        public void Runtime_LoadsEveryAssembly_MainReportsTheHeap(string board)
        {
            foreach (string script in DeviceFixture.Scripts)
            {
                DeviceRun r = _f.Get(board, script);
                Assert.True(r.H("main") > 0, "Main did not run (the runtime refused an assembly?): " + r.Summary() + "\n" + r.Output);
                Assert.True(r.H("before_kernel") > 0, r.Summary());
            }
        }

        // The C3 is not here: its heap does not hold the kernel yet (DeviceGoalTests).
        [SkippableTheory]
        [InlineData("esp32-devkitc")]
        [InlineData("esp32-wrover")]
        [InlineData("esp32-s3")]
        public void Demo_BootsToPrompt_RunsEveryCommand_NoOutOfMemoryEscapes(string board)
        {
            DeviceRun r = _f.Get(board, "demo");
            Assert.True(r.Booted, "new Kernel did not return: " + r.Summary());
            Assert.True(r.H("after_boot_script") > 0, "boot.sh did not finish: " + r.Summary());
            Assert.True(r.Prompted, "no first prompt: " + r.Summary());
            Assert.Contains("nsh> cat /proc/meminfo", r.Output);
            // memmap on the device's runtime: the grid, the legend and the buddy summary came out.
            Assert.Matches(@"nsh> memmap\r?\n\d+ pages of \d+ bytes at 0x[0-9a-f]{8}, 1 page a character", r.Output);
            Assert.Contains(", fragmentation ", r.Output);
            Assert.True(r.Typed == 100, "the session did not type its 100 commands: " + r.Summary());
            Assert.True(r.OomEscaped == 0 && r.Exceptions.Count == 0, "an exception reached Main: " + r.Summary());
            Assert.True(r.End == "done" && r.ExitCode == 0, "Main did not end normally: " + r.Summary());
        }

        [SkippableTheory]
        [InlineData("esp32-devkitc")]
        [InlineData("esp32-wrover")]
        [InlineData("esp32-s3")]
        public void Maps_BootsToPrompt_MapsPages_NoOutOfMemoryEscapes(string board)
        {
            DeviceRun r = _f.Get(board, "maps");
            Assert.True(r.Prompted, "no first prompt: " + r.Summary());
            Assert.True(r.Mapped > 0, "no mmap succeeded: " + r.Summary());
            Assert.True(r.H("after_100_maps") > 0, r.Summary());
            Assert.True(r.OomEscaped == 0 && r.Exceptions.Count == 0, "an exception reached Main: " + r.Summary());
            Assert.True(r.End == "done" && r.ExitCode == 0, "Main did not end normally: " + r.Summary());
        }

        // With megabytes of heap every command must work: a failure here is a kernel bug, not a memory limit.
        [SkippableTheory]
        [InlineData("esp32-wrover")]
        [InlineData("esp32-s3")]
        public void PsramBoards_DemoAndMaps_EveryCommandWorks(string board)
        {
            DeviceRun demo = _f.Get(board, "demo");
            Assert.True(demo.Oom == 0 && demo.Errors == 0, demo.Summary());
            Assert.DoesNotContain("internal error", demo.Output);
            DeviceRun maps = _f.Get(board, "maps");
            Assert.True(maps.Mapped == 100, "100 one-page maps should fit the arena: " + maps.Summary());
        }

        /// <summary>`selftest` after the demo boot, twice, on the device's runtime: every check passes, and the second
        /// run keeps no heap (the first grows the kernel's tables to its peak; they keep that room).</summary>
        [SkippableTheory]
        [InlineData("esp32-devkitc")]
        [InlineData("esp32-s3")]
        public void SelfTest_PassesOnTheRuntime_AndKeepsNothing(string board)
        {
            DeviceRun r = _f.Get(board, "selftest");
            string passed = ProcNano.SelfTest.Count + " passed, 0 failed";
            int runs = r.Output.Split(passed).Length - 1;
            Assert.True(runs == 2, "selftest did not pass twice: " + r.Summary() + "\n" + r.Output);
            Assert.DoesNotContain("FAIL ", r.Output);
            Assert.True(r.OomEscaped == 0 && r.Exceptions.Count == 0 && r.End == "done", r.Summary());
            Assert.True(r.H("after_second_selftest") >= r.H("after_selftest") - 64,
                "the second run kept " + (r.H("after_selftest") - r.H("after_second_selftest")) + " bytes: " + r.Summary());
        }

        /// <summary>The C3 after the demo has about 7 KB of heap: the checks that fit run and pass, the scenarios
        /// that would run it out are skipped (and say so), nothing fails and nothing escapes.</summary>
        [SkippableFact]
        public void SelfTest_OnTheC3_FailsNothing_SkipsWhatTheHeapCannotHold()
        {
            DeviceRun r = _f.Get("esp32-c3", "selftest");
            Assert.DoesNotContain("FAIL ", r.Output);
            Assert.Contains(" passed, 0 failed", r.Output);
            Assert.True(r.OomEscaped == 0 && r.Exceptions.Count == 0 && r.End == "done", r.Summary());
        }
    
        /// <summary>Just below the C3's heap the boot script's execs run out part-way: whatever failed must leave
        /// nothing behind (a shared region once kept a user whose VMA was gone: usage 2, one VMA, check 3; before
        /// the exec's emergency heap, exit_mmap of the failed exec itself ran out at most of these sizes).</summary>
        [SkippableTheory]
        [InlineData(53025)]
        [InlineData(53200)]
        [InlineData(53425)]
        [InlineData(53450)]
        [InlineData(53700)]
        [InlineData(53900)]
        public void SelfTest_OnTheC3_WithLessHeap_OutOfMemoryLeavesTheTablesConsistent(long heap)
        {
            DeviceRun r = _f.Get("esp32-c3@" + heap, "selftest");
            Assert.True(r.OomEscaped == 0 && r.Exceptions.Count == 0 && r.End == "done", r.Summary());
            Assert.Contains(" passed, ", r.Output);
            // The tables' invariants (checks 1-13) and "as selftest found it" (42) hold; a scenario may itself
            // run out of heap here, and then says so.
            foreach (string line in r.Output.Split('\n'))
            {
                var m = System.Text.RegularExpressions.Regex.Match(line, @"^FAIL\s+(\d+) (.*)$");
                if (!m.Success) continue;
                int check = int.Parse(m.Groups[1].Value);
                Assert.True(check > 13 && check < 42, "invariant failed: " + line.Trim());
                Assert.True(line.Contains("Cannot allocate memory") || line.Contains("out of managed heap"), "scenario failed: " + line.Trim());
            }
        }
    }
}
