using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    public class ExeTests
    {
        [Fact]
        public void Exe_PointsAtTheProgramFile_UntilTheTextVmaIsUnmapped_ThenEnoent()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            Assert.Equal("/bin/hold", k.Sys.ReadLink(k.Init, Path(t, "exe"), out int err));
            Assert.Equal(0, err);
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Lstat(k.Init, Path(t, "exe"), st));
            Assert.Equal(Stat.S_IFLNK, st.Mode & Stat.S_IFMT);

            Assert.Equal(0, k.Sys.Munmap(t, t.Mm.StartCode, t.Mm.EndCode - t.Mm.StartCode));
            Assert.Null(k.Sys.ReadLink(k.Init, Path(t, "exe"), out err));
            Assert.Equal(-Errno.ENOENT, err);
            Assert.DoesNotContain("/bin/hold", Cat(k, k.Init, Path(t, "maps")));
        }

        [Fact]
        public void Exe_TaskNeverExeced_Enoent()
        {
            var k = Host();
            Task t = NewTask(k, "bare");
            Assert.Null(k.Sys.ReadLink(k.Init, Path(t, "exe"), out int err));
            Assert.Equal(-Errno.ENOENT, err);
        }

        [Fact]
        public void Exe_FollowedByOpen_ReadsTheProgramFile()
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "1");
            Assert.Equal(Files.Read(k, k.Init, "/bin/hold"), Files.Read(k, k.Init, Path(t, "exe")));
        }
    }
}
