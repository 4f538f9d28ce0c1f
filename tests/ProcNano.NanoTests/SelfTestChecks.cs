using nanoFramework.TestFramework;
using ProcNano.VirtualDevice;

namespace ProcNano.NanoTests
{
    /// <summary>
    /// A kernel booted the way a small board is (256-byte pages, a 16 KiB arena, an in-memory /flash), its shell
    /// task, and the self-test (firmware/SelfTest) run as that task, one check at a time: each [TestMethod] of this
    /// project is one check of `selftest`. A skipped check is a skipped test.
    /// </summary>
    public sealed class SelfTestChecks
    {
        private readonly SelfTest _test;

        public SelfTestChecks()
        {
            BoardConfig board = new BoardConfig();
            board.Name = "nanotest";
            board.PageSize = 256;
            board.ArenaPages = 64;
            board.KmsgSize = 1024;
            Kernel k = new Kernel(board, new TestPlatform(new MemoryStorage(64 * 1024)));
            _test = new SelfTest(k, Getty.NewShellTask(k.Sys));
        }

        /// <summary>Runs check <paramref name="check"/> (0-based, as SelfTest numbers them) and asserts it passed.</summary>
        public void Pass(int check)
        {
            string failure = _test.RunOne(check);
            if (SelfTest.IsSkip(failure)) Assert.SkipTest(SelfTest.Name(check) + ": " + failure);
            Assert.IsNull(failure, SelfTest.Name(check) + ": " + failure);
        }

        /// <summary>Runs every check in order, the closing comparison included; how many failed.</summary>
        public int RunAll()
        {
            return _test.Run(new Counter());
        }

        private sealed class Counter : ISelfTestReport
        {
            public void Result(int number, string name, string failure)
            {
                if (failure != null && !SelfTest.IsSkip(failure)) OutputLine(number, name, failure);
            }

            private static void OutputLine(int number, string name, string failure)
            {
                System.Console.WriteLine("FAIL " + number.ToString() + " " + name + ": " + failure);
            }
        }
    }

    /// <summary>The runner's clock and no heap figures (the checks then never skip for want of heap).</summary>
    internal sealed class TestPlatform : IPlatform
    {
        private readonly IStorage _flash;
        private readonly long _start = System.DateTime.UtcNow.Ticks;

        public TestPlatform(IStorage flash) { _flash = flash; }

        public long UptimeMs => (System.DateTime.UtcNow.Ticks - _start) / 10000;

        public long UnixTime => (System.DateTime.UtcNow.Ticks - 621355968000000000L) / 10000000;   // 1970-01-01 in ticks

        public IStorage Flash => _flash;

        public long ManagedHeapTotal => -1;

        public long ManagedHeapFree => -1;
    }
}
