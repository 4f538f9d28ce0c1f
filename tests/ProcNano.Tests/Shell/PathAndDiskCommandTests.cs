using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>mv (rename(2)), ln -s, df (statfs per mount), du.</summary>
    public class PathAndDiskCommandTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        [Fact]
        public void Mv_RenamesInRamfs_KeepingTheInode()
        {
            _h.Run("echo data > /tmp/a", out _);
            var before = new StatInfo();
            Assert.Equal(0, _h.K.Sys.Stat(_h.Task, "/tmp/a", before));
            Assert.Equal(0, _h.Run("mv /tmp/a /tmp/b", out string o));
            Assert.Equal("", o);
            Assert.Equal("data\n", _h.Out("cat /tmp/b"));
            Assert.Equal(ShellHarness.Error("cat", "/tmp/a", -Errno.ENOENT), _h.Out("cat /tmp/a"));
            var after = new StatInfo();
            Assert.Equal(0, _h.K.Sys.Stat(_h.Task, "/tmp/b", after));
            Assert.Equal(before.Ino, after.Ino);
        }

        [Fact]
        public void Mv_IntoADirectory_AndOverAFile_AndADirectory()
        {
            _h.Run("mkdir /tmp/d; echo 1 > /tmp/x; echo 2 > /tmp/y", out _);
            Assert.Equal(0, _h.Run("mv /tmp/x /tmp/d", out _));
            Assert.Equal("1\n", _h.Out("cat /tmp/d/x"));
            Assert.Equal(0, _h.Run("mv /tmp/y /tmp/d/x", out _));
            Assert.Equal("2\n", _h.Out("cat /tmp/d/x"));
            Assert.Equal(0, _h.Run("mv /tmp/d /tmp/e", out _));
            Assert.Equal("2\n", _h.Out("cat /tmp/e/x"));
        }

        [Theory]
        [InlineData("mv /tmp/nosuch /tmp/z", "/tmp/nosuch", Errno.ENOENT)]
        [InlineData("mv /tmp/dir /tmp/dir/sub", "/tmp/dir/sub", Errno.EINVAL)]
        [InlineData("mv /tmp/file /tmp/dir2", "/tmp/dir2/file", Errno.EISDIR)]
        [InlineData("mv /tmp/dir /tmp/file", "/tmp/file", Errno.ENOTDIR)]
        [InlineData("mv /tmp/dir /tmp/full", "/tmp/full/dir", Errno.ENOTEMPTY)]
        [InlineData("mv /tmp/dir /flash/dir", "/tmp/dir", Errno.EXDEV)]
        [InlineData("mv /bin/hold /bin/h2", "/bin/h2", Errno.EROFS)]
        [InlineData("mv /flash /tmp/fl", "/tmp/fl", Errno.EBUSY)]
        [InlineData("mv /tmp/file/ /tmp/f2", "/tmp/f2", Errno.ENOTDIR)]
        public void Mv_Errors_AreLinuxs(string line, string named, int errno)
        {
            _h.Run("mkdir /tmp/dir; mkdir /tmp/dir2; mkdir /tmp/dir2/file; echo f > /tmp/file; mkdir /tmp/full; mkdir /tmp/full/dir; echo x > /tmp/full/dir/x", out _);
            Assert.Equal(1, _h.Run(line, out string o));
            Assert.Equal(ShellHarness.Error("mv", named, -errno), o);
        }

        [Fact]
        public void Mv_NeedsWriteOnBothDirectories()
        {
            _h.Run("echo f > /tmp/mine; mkdir /tmp/ro", out _);
            _h.Run("su 1000", out _);
            // /tmp is sticky and world-writable: a file of root's may not be moved away by another user.
            Assert.Equal(1, _h.Run("mv /tmp/mine /tmp/other", out string o));
            Assert.Equal(ShellHarness.Error("mv", "/tmp/other", -Errno.EPERM), o);
            Assert.Equal(1, _h.Run("echo g > /tmp/g; mv /tmp/g /tmp/ro/g", out o));
            Assert.Equal(ShellHarness.Error("mv", "/tmp/ro/g", -Errno.EACCES), o);
        }

        [Fact]
        public void Mv_OnFlash_Renames_AndAcrossMountsCopiesAFile()
        {
            _h.Run("echo flash > /flash/one", out _);
            Assert.Equal(0, _h.Run("mv /flash/one /flash/two", out string o));
            Assert.Equal("", o);
            Assert.Equal("flash\n", _h.Out("cat /flash/two"));
            Assert.DoesNotContain("one", _h.Out("ls /flash"));
            Assert.Equal(0, _h.Run("mv /flash/two /tmp/back", out o));
            Assert.Equal("", o);
            Assert.Equal("flash\n", _h.Out("cat /tmp/back"));
            Assert.DoesNotContain("two", _h.Out("ls /flash"));
            Assert.Equal(1, _h.Run("mv", out o));
            Assert.StartsWith("Usage: mv", o);
        }

        [Fact]
        public void Rename_Syscall_SameFileIsANoOp_DotIsBusy()
        {
            _h.Run("echo a > /tmp/s", out _);
            Assert.Equal(0, _h.K.Sys.Rename(_h.Task, "/tmp/s", "/tmp/s"));
            Assert.Equal("a\n", _h.Out("cat /tmp/s"));
            Assert.Equal(-Errno.EBUSY, _h.K.Sys.Rename(_h.Task, "/tmp/.", "/tmp/q"));
            Assert.Equal(-Errno.EBUSY, _h.K.Sys.Rename(_h.Task, "/tmp/s", "/"));
        }

        // GNU readlink: not a link (or no such file) is exit status 1 and no output; -v says why.
        [Fact]
        public void Readlink_OfANonLink_IsSilentFailure_VerboseSaysWhy()
        {
            _h.Run("echo t > /tmp/plain", out _);
            Assert.Equal(1, _h.Run("readlink /tmp/plain", out string o));
            Assert.Equal("", o);
            Assert.Equal(1, _h.Run("readlink /tmp/none", out o));
            Assert.Equal("", o);
            Assert.Equal(1, _h.Run("readlink -v /tmp/plain", out o));
            Assert.Equal(ShellHarness.Error("readlink", "/tmp/plain", -Errno.EINVAL), o);
            Assert.Equal(0, _h.Run("readlink -v /proc/self", out o));
            Assert.Matches(@"^\d+\n$", o);
        }

        // cp without -r on a directory: coreutils' wording, and nothing is made.
        [Fact]
        public void Cp_OfADirectory_OmitsItInCoreutilsWords()
        {
            _h.Run("mkdir /tmp/d", out _);
            Assert.Equal(1, _h.Run("cp /tmp/d /tmp/e", out string o));
            Assert.Equal("cp: -r not specified; omitting directory '/tmp/d'\n", o);
            Assert.Equal(1, _h.Run("ls /tmp/e", out _));
        }

        // mmap of /dev/zero from the shell: private is a zero copy, shared ENODEV (NOMMU).
        [Fact]
        public void Mmap_DevZero_PrivateMapsSharedIsEnodev()
        {
            Assert.Equal(0, _h.Run("mmap 4096 rw- private /dev/zero", out string o));
            Assert.Matches(@"^0x[0-9a-f]{8}\n$", o);
            Assert.Contains("/dev/zero", _h.Out("cat /proc/self/maps"));
            Assert.Equal(1, _h.Run("mmap 4096 rw- shared /dev/zero", out o));
            Assert.Equal("mmap: /dev/zero: No such device\n", o);
        }

        [Fact]
        public void LnS_MakesASymlink_LsAndReadlinkSeeIt()
        {
            _h.Run("echo t > /tmp/target", out _);
            Assert.Equal(0, _h.Run("ln -s /tmp/target /tmp/link", out string o));
            Assert.Equal("", o);
            Assert.Equal("/tmp/target\n", _h.Out("readlink /tmp/link"));
            Assert.Equal("t\n", _h.Out("cat /tmp/link"));
            _h.Run("mkdir /tmp/ld", out _);
            Assert.Equal(0, _h.Run("ln -s /tmp/target /tmp/ld", out _));
            Assert.Equal("/tmp/target\n", _h.Out("readlink /tmp/ld/target"));
            Assert.Equal(1, _h.Run("ln -s /x /tmp/link", out o));
            Assert.Equal(ShellHarness.Error("ln", "/tmp/link", -Errno.EEXIST), o);
            Assert.Equal(1, _h.Run("ln -s /x /flash/l", out o));
            Assert.Equal(ShellHarness.Error("ln", "/flash/l", -Errno.EPERM), o);
            Assert.Equal(1, _h.Run("ln /tmp/target /tmp/hard", out o));
            Assert.Equal("Usage: ln -s TARGET LINK\n", o);
        }

        [Fact]
        public void Df_ListsMountsWithSizes_FromTheArenaTheStoreAndTheImage()
        {
            Assert.Equal(0, _h.Run("df", out string o));
            string[] lines = o.TrimEnd('\n').Split('\n');
            Assert.Equal("Filesystem           1K-blocks      Used Available Use% Mounted on", lines[0]);
            var info = new SysInfo();
            _h.K.Sys.Sysinfo(_h.Task, info);
            string root = System.Array.Find(lines, l => l.EndsWith("% /"));
            Assert.NotNull(root);
            string[] f = root.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(info.TotalRam / 1024, long.Parse(f[1]));
            Assert.Equal(info.FreeRam / 1024, long.Parse(f[3]));
            Assert.Contains(lines, l => l.StartsWith("/dev/mtdblock0") && l.EndsWith(" 100% /bin"));
            Assert.Contains(lines, l => l.StartsWith("/dev/mtdblock1") && l.EndsWith("% /flash"));
            Assert.DoesNotContain(lines, l => l.EndsWith(" /proc"));
            Assert.Contains(_h.Out("df -a").Split('\n'), l => l.EndsWith(" /proc"));
        }

        [Fact]
        public void Df_OfAPath_Human_AndErrors()
        {
            _h.Run("echo 12345 > /flash/f", out _);
            string o = _h.Out("df /flash/f");
            Assert.Equal(2, o.TrimEnd('\n').Split('\n').Length);
            Assert.EndsWith("% /flash\n", o);
            string h = _h.Out("df -h /");
            Assert.StartsWith("Filesystem                Size      Used Available Use% Mounted on\n", h);
            Assert.Contains(" 1.0M ", h);   // the host board's 1 MiB arena
            Assert.Equal(1, _h.Run("df /nosuch", out o));
            Assert.EndsWith(ShellHarness.Error("df", "/nosuch", -Errno.ENOENT), o);
            Assert.Equal(0, _h.Run("df --help", out o));
            Assert.StartsWith("Usage: df", o);
        }

        [Fact]
        public void Du_SumsFileSizesIn1KBlocks_PerDirectory()
        {
            _h.Run("mkdir /tmp/u; mkdir /tmp/u/s; truncate -s 3000 /tmp/u/a; truncate -s 10 /tmp/u/s/b", out _);
            Assert.Equal(0, _h.Run("du /tmp/u", out string o));
            Assert.Equal("1\t/tmp/u/s\n4\t/tmp/u\n", o);
            Assert.Equal("4\t/tmp/u\n", _h.Out("du -s /tmp/u"));
            Assert.Equal("3\t/tmp/u/a\n", _h.Out("du /tmp/u/a"));
            Assert.Equal(1, _h.Run("du /nosuch", out o));
            Assert.Equal(ShellHarness.Error("du", "/nosuch", -Errno.ENOENT), o);
        }
    }
}
