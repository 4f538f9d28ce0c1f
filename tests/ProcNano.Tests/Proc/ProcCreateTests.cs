using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Proc
{
    /// <summary>Making and removing names in /proc answers as Linux does: procfs lookups fail outright, so a new
    /// name is ENOENT (never EROFS or EACCES), an existing one EEXIST, and removal EPERM once may_delete passed.</summary>
    public class ProcCreateTests
    {
        [Theory]
        [InlineData("/proc/foo")]
        [InlineData("/proc/1/foo")]
        [InlineData("/proc/sys/foo")]
        [InlineData("/proc/sys/kernel/foo")]
        [InlineData("/proc/self/fd/7")]
        public void CreatingANewName_Enoent_ForRootAndUsers(string path)
        {
            var k = Host();
            var user = NewTask(k, "u", 1000, 1000);
            foreach (Task t in new[] { k.Init, user })
            {
                Assert.Equal(-Errno.ENOENT, k.Sys.Open(t, path, File.O_WRONLY | File.O_CREAT | File.O_TRUNC, 0x1A4));
                Assert.Equal(-Errno.ENOENT, k.Sys.Mkdir(t, path, 0x1ED));
                Assert.Equal(-Errno.ENOENT, k.Sys.Symlink(t, "/tmp", path));
            }
        }

        [Fact]
        public void ExistingNames_Eexist_RemovalEpermForRoot_EaccesForUsers()
        {
            var k = Host();
            var user = NewTask(k, "u", 1000, 1000);
            Assert.Equal(-Errno.EEXIST, k.Sys.Mkdir(k.Init, "/proc/version", 0x1ED));
            Assert.Equal(-Errno.EEXIST, k.Sys.Mkdir(k.Init, "/proc/1", 0x1ED));
            Assert.Equal(-Errno.EPERM, k.Sys.Unlink(k.Init, "/proc/version"));
            Assert.Equal(-Errno.EPERM, k.Sys.Unlink(k.Init, "/proc/1/status"));
            Assert.Equal(-Errno.EPERM, k.Sys.Rmdir(k.Init, "/proc/1"));
            Assert.Equal(-Errno.EACCES, k.Sys.Unlink(user, "/proc/version"));   // /proc is 0555
            Assert.Equal(-Errno.EISDIR, k.Sys.Unlink(k.Init, "/proc/1"));
        }
    }
}
