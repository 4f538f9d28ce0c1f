using System;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;

namespace ProcNano.Tests.Vfs
{
    public class PathTests : IDisposable
    {
        private readonly VfsKernel _v = new VfsKernel();
        public void Dispose() { _v.Dispose(); }

        private int Resolve(string path, bool follow, out string abs)
        {
            Inode i;
            return _v.K.Vfs.Resolve(_v.Root, path, follow, out i, out abs);
        }

        [Fact]
        public void Boot_CreatesStandardDirectories()
        {
            foreach (string d in new[] { "/bin", "/flash", "/proc", "/dev", "/tmp" })
            {
                Inode i = _v.Lookup(d);
                Assert.NotNull(i);
                Assert.True(i.IsDir, d);
            }
            Assert.True(_v.K.Log.Contains("VFS: Mounted root (ramfs filesystem)."));
        }

        [Fact]
        public void Resolve_DotsAndRepeatedSlashes_Normalise()
        {
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/a", 0x1ED));
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/a/b", 0x1ED));
            string abs;
            Assert.Equal(0, Resolve("//tmp/./a//b/../b/", true, out abs));
            Assert.Equal("/tmp/a/b", abs);
            Assert.Equal(0, Resolve("/../../tmp/..", true, out abs));
            Assert.Equal("/", abs);
            Assert.Equal(0, Resolve("///", true, out abs));
            Assert.Equal("/", abs);
        }

        [Fact]
        public void Resolve_RelativePath_StartsAtCwd()
        {
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/w", 0x1ED));
            Assert.Equal(0, _v.Sys.Chdir(_v.Root, "/tmp/w"));
            Assert.Equal("/tmp/w", _v.Sys.Getcwd(_v.Root));
            Assert.Equal(2, _v.WriteFile(_v.Root, "f", VfsKernel.Bytes("hi")));
            Assert.Equal("hi", System.Text.Encoding.ASCII.GetString(_v.ReadFile("/tmp/w/f")));
            string abs;
            Assert.Equal(0, Resolve("../w/./f", true, out abs));
            Assert.Equal("/tmp/w/f", abs);
        }

        [Fact]
        public void Resolve_Errors_AsLinux()
        {
            Assert.Equal(2, _v.WriteFile(_v.Root, "/tmp/f", VfsKernel.Bytes("hi")));
            string abs;
            Assert.Equal(-Errno.ENOENT, Resolve("", true, out abs));
            Assert.Equal(-Errno.ENOENT, Resolve("/tmp/nope", true, out abs));
            Assert.Equal(-Errno.ENOENT, Resolve("/nope/x", true, out abs));
            Assert.Equal(-Errno.ENOTDIR, Resolve("/tmp/f/x", true, out abs));
            Assert.Equal(-Errno.ENOTDIR, Resolve("/tmp/f/", true, out abs));
            Assert.Equal(-Errno.ENOTDIR, Resolve("/tmp/f/.", true, out abs));
            Assert.Equal(-Errno.ENAMETOOLONG, Resolve("/tmp/" + new string('a', 256), true, out abs));
            Assert.Equal(-Errno.ENOENT, Resolve("/tmp/" + new string('a', 255), true, out abs));
            string deep = "/";
            while (deep.Length < 4096) deep += "a/";
            Assert.Equal(-Errno.ENAMETOOLONG, Resolve(deep, true, out abs));
        }

        [Fact]
        public void Symlink_FollowedExceptLastByLstatAndReadlink()
        {
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/dir", 0x1ED));
            Assert.Equal(3, _v.WriteFile(_v.Root, "/tmp/dir/file", VfsKernel.Bytes("abc")));
            Assert.Equal(0, _v.Sys.Symlink(_v.Root, "/tmp/dir", "/tmp/abs"));
            Assert.Equal(0, _v.Sys.Symlink(_v.Root, "dir/file", "/tmp/rel"));

            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Stat(_v.Root, "/tmp/abs", st));
            Assert.Equal(Stat.S_IFDIR, st.Mode & Stat.S_IFMT);
            Assert.Equal(0, _v.Sys.Lstat(_v.Root, "/tmp/abs", st));
            Assert.Equal(Stat.S_IFLNK, st.Mode & Stat.S_IFMT);
            Assert.Equal(0, _v.Sys.Lstat(_v.Root, "/tmp/abs/", st));   // trailing slash follows
            Assert.Equal(Stat.S_IFDIR, st.Mode & Stat.S_IFMT);

            Assert.Equal("abc", System.Text.Encoding.ASCII.GetString(_v.ReadFile("/tmp/abs/file")));
            Assert.Equal("abc", System.Text.Encoding.ASCII.GetString(_v.ReadFile("/tmp/rel")));
            string abs;
            Assert.Equal(0, Resolve("/tmp/abs/../abs/file", true, out abs));
            Assert.Equal("/tmp/dir/file", abs);

            int err;
            Assert.Equal("dir/file", _v.Sys.ReadLink(_v.Root, "/tmp/rel", out err));
            Assert.Equal(0, err);
            Assert.Null(_v.Sys.ReadLink(_v.Root, "/tmp/dir", out err));
            Assert.Equal(-Errno.EINVAL, err);
        }

        [Fact]
        public void Symlink_Dangling_EnoentButLstatWorks()
        {
            Assert.Equal(0, _v.Sys.Symlink(_v.Root, "/tmp/missing", "/tmp/dangle"));
            var st = new StatInfo();
            Assert.Equal(-Errno.ENOENT, _v.Sys.Stat(_v.Root, "/tmp/dangle", st));
            Assert.Equal(0, _v.Sys.Lstat(_v.Root, "/tmp/dangle", st));
            Assert.Equal(-Errno.EEXIST, _v.Sys.Symlink(_v.Root, "x", "/tmp/dangle"));
        }

        [Fact]
        public void Symlink_Loop_Eloop()
        {
            Assert.Equal(0, _v.Sys.Symlink(_v.Root, "b", "/tmp/a"));
            Assert.Equal(0, _v.Sys.Symlink(_v.Root, "a", "/tmp/b"));
            Assert.Equal(0, _v.Sys.Symlink(_v.Root, "self", "/tmp/self"));
            var st = new StatInfo();
            Assert.Equal(-Errno.ELOOP, _v.Sys.Stat(_v.Root, "/tmp/a", st));
            Assert.Equal(-Errno.ELOOP, _v.Sys.Stat(_v.Root, "/tmp/self/x", st));
            Assert.Equal(-Errno.ELOOP, _v.Sys.Open(_v.Root, "/tmp/a", KFile.O_RDONLY, 0));
            Assert.Equal(0, _v.Sys.Lstat(_v.Root, "/tmp/a", st));
        }

        [Fact]
        public void Symlink_ChainOfEightFollows_NineIsEloop()
        {
            Assert.Equal(1, _v.WriteFile(_v.Root, "/tmp/t", VfsKernel.Bytes("x")));
            string prev = "t";
            for (int i = 1; i <= 9; i++)
            {
                Assert.Equal(0, _v.Sys.Symlink(_v.Root, prev, "/tmp/l" + i));
                prev = "l" + i;
            }
            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Stat(_v.Root, "/tmp/l8", st));
            Assert.Equal(1, st.Size);
            Assert.Equal(-Errno.ELOOP, _v.Sys.Stat(_v.Root, "/tmp/l9", st));
        }

        [Fact]
        public void Namei_Errnos_AsLinux()
        {
            var s = _v.Sys;
            var t = _v.Root;
            Assert.Equal(2, _v.WriteFile(t, "/tmp/f", VfsKernel.Bytes("hi")));
            Assert.Equal(0, s.Mkdir(t, "/tmp/d", 0x1ED));
            Assert.Equal(2, _v.WriteFile(t, "/tmp/d/inner", VfsKernel.Bytes("hi")));

            Assert.Equal(-Errno.EEXIST, s.Mkdir(t, "/tmp/d", 0x1ED));
            Assert.Equal(-Errno.EEXIST, s.Mkdir(t, "/tmp/f", 0x1ED));
            Assert.Equal(-Errno.EEXIST, s.Mkdir(t, "/", 0x1ED));
            Assert.Equal(-Errno.EEXIST, s.Mkdir(t, "/tmp/.", 0x1ED));
            Assert.Equal(-Errno.ENOENT, s.Mkdir(t, "/tmp/x/y", 0x1ED));
            Assert.Equal(-Errno.ENOTDIR, s.Mkdir(t, "/tmp/f/y", 0x1ED));

            Assert.Equal(-Errno.ENOTEMPTY, s.Rmdir(t, "/tmp/d"));
            Assert.Equal(-Errno.ENOTDIR, s.Rmdir(t, "/tmp/f"));
            Assert.Equal(-Errno.ENOENT, s.Rmdir(t, "/tmp/none"));
            Assert.Equal(-Errno.EINVAL, s.Rmdir(t, "/tmp/d/."));
            Assert.Equal(-Errno.ENOTEMPTY, s.Rmdir(t, "/tmp/d/.."));
            Assert.Equal(-Errno.EBUSY, s.Rmdir(t, "/"));
            Assert.Equal(-Errno.EBUSY, s.Rmdir(t, "/bin"));        // a mount point

            Assert.Equal(-Errno.EISDIR, s.Unlink(t, "/tmp/d"));
            Assert.Equal(-Errno.ENOENT, s.Unlink(t, "/tmp/none"));
            Assert.Equal(-Errno.ENOTDIR, s.Unlink(t, "/tmp/f/"));
            Assert.Equal(-Errno.EISDIR, s.Unlink(t, "/tmp/d/"));

            Assert.Equal(-Errno.EISDIR, s.Open(t, "/tmp/d", KFile.O_WRONLY, 0));
            Assert.Equal(-Errno.EISDIR, s.Open(t, "/tmp/d", KFile.O_RDONLY | KFile.O_TRUNC, 0));
            Assert.Equal(-Errno.EISDIR, s.Open(t, "/tmp/", KFile.O_CREAT | KFile.O_RDWR, 0x1A4));
            Assert.Equal(-Errno.EISDIR, s.Open(t, "/tmp/new/", KFile.O_CREAT | KFile.O_RDWR, 0x1A4));
            Assert.Equal(-Errno.EEXIST, s.Open(t, "/tmp/f", KFile.O_CREAT | KFile.O_EXCL | KFile.O_RDWR, 0x1A4));
            Assert.Equal(-Errno.ENOTDIR, s.Open(t, "/tmp/f", KFile.O_RDONLY | KFile.O_DIRECTORY, 0));
            Assert.Equal(-Errno.ENOENT, s.Open(t, "/tmp/none", KFile.O_RDONLY, 0));

            Assert.Equal(-Errno.EISDIR, s.Truncate(t, "/tmp/d", 0));
            Assert.Equal(-Errno.EINVAL, s.Truncate(t, "/tmp/f", -1));
            Assert.Equal(-Errno.ENOTDIR, s.Chdir(t, "/tmp/f"));

            Assert.Equal(0, s.Unlink(t, "/tmp/d/inner"));
            Assert.Equal(0, s.Rmdir(t, "/tmp/d"));
            Assert.Null(_v.Lookup("/tmp/d"));
        }

        [Fact]
        public void Permission_UserVersusRoot()
        {
            var s = _v.Sys;
            var user = _v.User(1000);
            var other = _v.User(1001);
            Assert.Equal(-Errno.EACCES, s.Open(user, "/newfile", KFile.O_CREAT | KFile.O_WRONLY, 0x1A4));
            Assert.Equal(-Errno.EACCES, s.Mkdir(user, "/d", 0x1ED));
            Assert.Equal(0, s.Mkdir(_v.Root, "/d", 0x1ED));            // root bypasses

            // 0600 root file: unreadable to others; root reads it.
            int fd = s.Open(_v.Root, "/tmp/secret", KFile.O_CREAT | KFile.O_WRONLY, 0x180);
            Assert.True(fd >= 0);
            s.Close(_v.Root, fd);
            Assert.Equal(-Errno.EACCES, s.Open(user, "/tmp/secret", KFile.O_RDONLY, 0));
            Assert.NotNull(_v.ReadFile("/tmp/secret"));

            // A file the user owns, in the sticky /tmp: others cannot remove it.
            Assert.Equal(1, _v.WriteFile(user, "/tmp/mine", VfsKernel.Bytes("m")));
            var st = new StatInfo();
            Assert.Equal(0, s.Stat(user, "/tmp/mine", st));
            Assert.Equal(1000, st.Uid);
            Assert.Equal(-Errno.EPERM, s.Unlink(other, "/tmp/mine"));
            Assert.Equal(0, s.Unlink(user, "/tmp/mine"));

            // A directory without search permission cannot be walked through.
            Assert.Equal(0, s.Mkdir(_v.Root, "/tmp/closed", 0x1C0));   // 0700
            Assert.Equal(1, _v.WriteFile(_v.Root, "/tmp/closed/x", VfsKernel.Bytes("x")));
            Assert.Equal(-Errno.EACCES, s.Stat(user, "/tmp/closed/x", st));
            Assert.Equal(-Errno.EACCES, s.Chdir(user, "/tmp/closed"));
            Assert.Equal(0, s.Stat(_v.Root, "/tmp/closed/x", st));
        }

        [Fact]
        public void RelativeLookup_DoesNotRecheckTheWayToCwd()
        {
            var user = _v.User(1000);
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/outer", 0x1ED));
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/outer/in", 0x1FF));
            Assert.Equal(0, _v.Sys.Chdir(user, "/tmp/outer/in"));
            // The way in is closed after the chdir; the task still works where it is, as on Linux.
            _v.Lookup("/tmp/outer").Mode = Stat.S_IFDIR | 0x1C0;
            Assert.Equal(1, _v.WriteFile(user, "here", new byte[1]));
            var st = new StatInfo();
            Assert.Equal(-Errno.EACCES, _v.Sys.Stat(user, "/tmp/outer/in/here", st));
            Assert.Equal(0, _v.Sys.Stat(user, "here", st));
        }

        [Fact]
        public void Enospc_WhenNoBlockIsBigEnough()
        {
            // 256-page arena: a file of more pages than the arena has cannot get a block.
            byte[] big = new byte[_v.PageSize * (_v.K.Board.ArenaPages + 1)];
            int fd = _v.Sys.Open(_v.Root, "/tmp/big", KFile.O_CREAT | KFile.O_WRONLY, 0x1A4);
            Assert.Equal(-Errno.ENOSPC, _v.Sys.Write(_v.Root, fd, big, 0, big.Length));
            _v.Sys.Close(_v.Root, fd);
        }
    }
}
