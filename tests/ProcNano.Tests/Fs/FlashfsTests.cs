using System;
using System.IO;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;

using ProcNano.Tests.Vfs;

namespace ProcNano.Tests.Fs
{
    public class FlashfsTests : IDisposable
    {
        private readonly VfsKernel _v = new VfsKernel();
        public void Dispose() { _v.Dispose(); }

        private string Host(string name) { return Path.Combine(_v.FlashFolder, name); }

        [Fact]
        public void CreateWriteReadUnlink_ReachTheHostFolder()
        {
            byte[] data = VfsKernel.Pattern(10000, 3);
            Assert.Equal(data.Length, _v.WriteFile(_v.Root, "/flash/log.txt", data));
            Assert.Equal(data, System.IO.File.ReadAllBytes(Host("log.txt")));
            Assert.Equal(data, _v.ReadFile("/flash/log.txt"));

            // Append and positioned writes land in the host file.
            int fd = _v.Sys.Open(_v.Root, "/flash/log.txt", KFile.O_WRONLY | KFile.O_APPEND, 0);
            Assert.Equal(3, _v.Sys.Write(_v.Root, fd, VfsKernel.Bytes("END"), 0, 3));
            _v.Sys.Close(_v.Root, fd);
            Assert.Equal(data.Length + 3, new FileInfo(Host("log.txt")).Length);

            Assert.Equal(0, _v.Sys.Truncate(_v.Root, "/flash/log.txt", 5));
            Assert.Equal(5, new FileInfo(Host("log.txt")).Length);

            Assert.Equal(0, _v.Sys.Unlink(_v.Root, "/flash/log.txt"));
            Assert.False(System.IO.File.Exists(Host("log.txt")));
            Assert.Null(_v.Lookup("/flash/log.txt"));
        }

        [Fact]
        public void HostFiles_AppearUnderTheMount()
        {
            System.IO.File.WriteAllText(Host("from-host"), "outside");
            Assert.Equal("outside", System.Text.Encoding.ASCII.GetString(_v.ReadFile("/flash/from-host")));
            int fd = _v.Sys.Open(_v.Root, "/flash", KFile.O_RDONLY | KFile.O_DIRECTORY, 0);
            string name;
            int type;
            Assert.Equal(1, _v.Sys.ReadDir(_v.Root, fd, 2, out name, out type));
            Assert.Equal("from-host", name);
            Assert.Equal(Stat.S_IFREG, type);
            Assert.Equal(0, _v.Sys.ReadDir(_v.Root, fd, 3, out name, out type));
            _v.Sys.Close(_v.Root, fd);

            // Removed behind the kernel's back: gone from lookups.
            System.IO.File.Delete(Host("from-host"));
            Assert.Null(_v.Lookup("/flash/from-host"));
        }

        [Fact]
        public void FlatStore_MkdirEperm_InodeStable_CopyOnly_Dev1f01()
        {
            Assert.Equal(-Errno.EPERM, _v.Sys.Mkdir(_v.Root, "/flash/dir", 0x1ED));
            Assert.Equal(1, _v.WriteFile(_v.Root, "/flash/a", new byte[1]));
            Inode a = _v.Lookup("/flash/a");
            Assert.Same(a, _v.Lookup("/flash/a"));
            Assert.Equal(MapCap.Copy, a.MapCaps);
            Assert.Equal(-Errno.ENOSYS, a.DirectAddress(0, 1));
            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Stat(_v.Root, "/flash/a", st));
            Assert.Equal(0x1f, st.Major);
            Assert.Equal(1, st.Minor);
            Assert.Equal(-Errno.EEXIST, _v.Sys.Open(_v.Root, "/flash/a", KFile.O_CREAT | KFile.O_EXCL | KFile.O_WRONLY, 0x1A4));
        }

        [Fact]
        public void BoardFlashMount_IsHonoured()
        {
            var board = new BoardConfig { FlashMount = "/data" };
            using var v = new VfsKernel(board);
            Assert.Equal(2, v.WriteFile(v.Root, "/data/x", VfsKernel.Bytes("ok")));
            Assert.True(System.IO.File.Exists(Path.Combine(v.FlashFolder, "x")));
        }
    }
}
