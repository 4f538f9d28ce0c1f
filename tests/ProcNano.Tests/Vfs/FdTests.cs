using System;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;

namespace ProcNano.Tests.Vfs
{
    public class FdTests : IDisposable
    {
        private readonly VfsKernel _v = new VfsKernel();
        public void Dispose() { _v.Dispose(); }

        [Fact]
        public void Open_BeyondMaxFds_Emfile_AndNothingLeaks()
        {
            Assert.Equal(1, _v.WriteFile(_v.Root, "/tmp/f", new byte[1]));
            SuperBlock sb = _v.Lookup("/tmp/f").Sb;
            int before = sb.OpenFiles;
            int opened = 0;
            int fd;
            while ((fd = _v.Sys.Open(_v.Root, "/tmp/f", KFile.O_RDONLY, 0)) >= 0)
            {
                Assert.Equal(opened, fd);        // lowest free number each time
                opened++;
            }
            Assert.Equal(-Errno.EMFILE, fd);
            Assert.Equal(FdTable.MaxFds, opened);
            Assert.Equal(before + opened, sb.OpenFiles);
            Assert.Equal(0, _v.Sys.Close(_v.Root, 7));
            Assert.Equal(7, _v.Sys.Open(_v.Root, "/tmp/f", KFile.O_RDONLY, 0));
            for (int i = 0; i < opened; i++) Assert.Equal(0, _v.Sys.Close(_v.Root, i));
            Assert.Equal(before, sb.OpenFiles);
        }

        [Fact]
        public void BadDescriptors_Ebadf()
        {
            byte[] buf = new byte[4];
            var st = new StatInfo();
            string name;
            int type;
            Assert.Equal(-Errno.EBADF, _v.Sys.Close(_v.Root, 3));
            Assert.Equal(-Errno.EBADF, _v.Sys.Close(_v.Root, -1));
            Assert.Equal(-Errno.EBADF, _v.Sys.Read(_v.Root, 1000, buf, 0, 4));
            Assert.Equal(-Errno.EBADF, _v.Sys.Write(_v.Root, 0, buf, 0, 4));
            Assert.Equal(-Errno.EBADF, _v.Sys.Lseek(_v.Root, 0, 0, 0));
            Assert.Equal(-Errno.EBADF, _v.Sys.Fstat(_v.Root, 0, st));
            Assert.Equal(-Errno.EBADF, _v.Sys.ReadDir(_v.Root, 0, 0, out name, out type));

            int w = _v.Sys.Open(_v.Root, "/tmp/f", KFile.O_CREAT | KFile.O_WRONLY, 0x1A4);
            Assert.Equal(-Errno.EBADF, _v.Sys.Read(_v.Root, w, buf, 0, 4));
            int r = _v.Sys.Open(_v.Root, "/tmp/f", KFile.O_RDONLY, 0);
            Assert.Equal(-Errno.EBADF, _v.Sys.Write(_v.Root, r, buf, 0, 4));
            Assert.Equal(0, _v.Sys.Close(_v.Root, r));
            Assert.Equal(-Errno.EBADF, _v.Sys.Close(_v.Root, r));
            Assert.Equal(-Errno.EFAULT, _v.Sys.Write(_v.Root, w, buf, 2, 4));
            _v.Sys.Close(_v.Root, w);
        }

        [Fact]
        public void Lseek_Whence_AndErrors()
        {
            Assert.Equal(10, _v.WriteFile(_v.Root, "/tmp/f", VfsKernel.Pattern(10, 1)));
            int fd = _v.Sys.Open(_v.Root, "/tmp/f", KFile.O_RDONLY, 0);
            Assert.Equal(10, _v.Sys.Lseek(_v.Root, fd, 0, 2));
            Assert.Equal(7, _v.Sys.Lseek(_v.Root, fd, -3, 1));
            byte[] buf = new byte[8];
            Assert.Equal(3, _v.Sys.Read(_v.Root, fd, buf, 0, 8));
            Assert.Equal(0, _v.Sys.Read(_v.Root, fd, buf, 0, 8));      // EOF
            Assert.Equal(-Errno.EINVAL, _v.Sys.Lseek(_v.Root, fd, 0, 3));
            Assert.Equal(-Errno.EINVAL, _v.Sys.Lseek(_v.Root, fd, -1, 0));
            Assert.Equal(10, _v.Sys.Lseek(_v.Root, fd, 0, 1));
            _v.Sys.Close(_v.Root, fd);
        }

        [Fact]
        public void Directory_ReadIsEisdir_ReadDirListsEntries()
        {
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/d", 0x1ED));
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/tmp/d/sub", 0x1ED));
            Assert.Equal(1, _v.WriteFile(_v.Root, "/tmp/d/file", new byte[1]));
            Assert.Equal(0, _v.Sys.Symlink(_v.Root, "file", "/tmp/d/link"));
            int fd = _v.Sys.Open(_v.Root, "/tmp/d", KFile.O_RDONLY | KFile.O_DIRECTORY, 0);
            Assert.True(fd >= 0);
            Assert.Equal(-Errno.EISDIR, _v.Sys.Read(_v.Root, fd, new byte[4], 0, 4));
            string[] names = { ".", "..", "sub", "file", "link" };
            int[] types = { Stat.S_IFDIR, Stat.S_IFDIR, Stat.S_IFDIR, Stat.S_IFREG, Stat.S_IFLNK };
            string name;
            int type;
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Equal(1, _v.Sys.ReadDir(_v.Root, fd, i, out name, out type));
                Assert.Equal(names[i], name);
                Assert.Equal(types[i], type);
            }
            Assert.Equal(0, _v.Sys.ReadDir(_v.Root, fd, names.Length, out name, out type));
            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Fstat(_v.Root, fd, st));
            Assert.Equal(3, st.Nlink);                         // ., the entry in /tmp, sub/..
            _v.Sys.Close(_v.Root, fd);

            int f = _v.Sys.Open(_v.Root, "/tmp/d/file", KFile.O_RDONLY, 0);
            Assert.Equal(-Errno.ENOTDIR, _v.Sys.ReadDir(_v.Root, f, 0, out name, out type));
            _v.Sys.Close(_v.Root, f);
        }

        [Fact]
        public void AppendWrites_GoToEnd_PositionPerOpenFile()
        {
            Assert.Equal(3, _v.WriteFile(_v.Root, "/tmp/a", VfsKernel.Bytes("abc")));
            int a = _v.Sys.Open(_v.Root, "/tmp/a", KFile.O_WRONLY | KFile.O_APPEND, 0);
            int b = _v.Sys.Open(_v.Root, "/tmp/a", KFile.O_RDWR, 0);
            Assert.Equal(1, _v.Sys.Write(_v.Root, b, VfsKernel.Bytes("X"), 0, 1));   // at 0
            Assert.Equal(2, _v.Sys.Write(_v.Root, a, VfsKernel.Bytes("de"), 0, 2)); // at the end
            _v.Sys.Close(_v.Root, a);
            _v.Sys.Close(_v.Root, b);
            Assert.Equal("Xbcde", System.Text.Encoding.ASCII.GetString(_v.ReadFile("/tmp/a")));
        }
    }
}
