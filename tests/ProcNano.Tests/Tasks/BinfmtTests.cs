using ProcNano;
using Xunit;

namespace ProcNano.Tests.Tasks
{
    /// <summary>The loader knows no program: it starts what the registered binary format recognises.</summary>
    public class BinfmtTests
    {
        private sealed class CountingFormat : IBinfmt
        {
            public readonly IBinfmt Inner;
            public int Parsed, Started;
            public CountingFormat(IBinfmt inner) { Inner = inner; }
            public int Parse(byte[] header, int len, ExecImage image) { Parsed++; return Inner.Parse(header, len, image); }
            public int Start(ExecImage image, Task t, string[] argv) { Started++; return Inner.Start(image, t, argv); }
        }

        [Fact]
        public void Exec_GoesThroughTheRegisteredFormat()
        {
            var k = Boot.Host(pages: 64);
            var f = new CountingFormat(k.Loader.Binfmt);
            k.Loader.Binfmt = f;
            Assert.True(k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0) > 0);
            Assert.Equal((1, 1), (f.Parsed, f.Started));
        }

        [Fact]
        public void Exec_WithNoFormatRegistered_IsEnoexec_AndMakesNoTask()
        {
            var k = Boot.Host(pages: 64);
            k.Loader.Binfmt = null;
            int tasks = k.Tasks.Count;
            Assert.Equal(-Errno.ENOEXEC, k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0));
            Assert.Equal(tasks, k.Tasks.Count);
        }
    }
}
