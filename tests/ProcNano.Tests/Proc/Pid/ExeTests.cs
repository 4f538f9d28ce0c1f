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

        // d_path of a file whose last name went: "PATH (deleted)", in exe and in fd/<n> alike.
        [Theory]
        [InlineData("/tmp/h")]
        [InlineData("/flash/h")]
        public void Exe_AfterTheProgramFileIsRemoved_SaysDeleted(string copy)
        {
            var k = Host();
            byte[] text = Files.Read(k, k.Init, "/bin/hold");
            int w = k.Sys.Open(k.Init, copy, File.O_WRONLY | File.O_CREAT, 0x1ED);   // rwxr-xr-x
            Assert.Equal(text.Length, k.Sys.Write(k.Init, w, text, 0, text.Length));
            Assert.Equal(0, k.Sys.Close(k.Init, w));
            int pid = k.Sys.Exec(k.Init, copy, new[] { "hold", "1" }, 0);
            Assert.True(pid > 0);
            Task t = k.Sys.FindTask(k.Init, pid);
            int fd = k.Sys.Open(t, copy, File.O_RDONLY, 0);
            Assert.Equal(copy, k.Sys.ReadLink(k.Init, Path(t, "exe"), out int err));
            Assert.Equal(0, k.Sys.Unlink(k.Init, copy));
            Assert.Equal(copy + " (deleted)", k.Sys.ReadLink(k.Init, Path(t, "exe"), out err));
            Assert.Equal(copy + " (deleted)", k.Sys.ReadLink(k.Init, Path(t, "fd/" + fd), out err));
            // maps print the same d_path: the task's VMAs and the global region list.
            string own = System.Text.Encoding.ASCII.GetString(Files.Read(k, k.Init, Path(t, "maps")));
            string all = System.Text.Encoding.ASCII.GetString(Files.Read(k, k.Init, "/proc/maps"));
            Assert.Contains(" " + copy + " (deleted)\n", own);
            Assert.Contains(" " + copy + " (deleted)\n", all);
            Assert.DoesNotContain(" " + copy + "\n", own);
        }
    }
}
