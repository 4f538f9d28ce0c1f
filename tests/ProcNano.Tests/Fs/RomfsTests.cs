using System;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;

using ProcNano.Tests.Vfs;

namespace ProcNano.Tests.Fs
{
    public class RomfsTests : IDisposable
    {
        private readonly VfsKernel _v = new VfsKernel();
        public void Dispose() { _v.Dispose(); }

        private byte[] _hello = VfsKernel.Bytes("hello, rom");
        private byte[] _big;

        // Builds an image with two files and a symlink, puts it in ROM and mounts it at /mnt.
        private void MountImage()
        {
            _big = VfsKernel.Pattern(_v.PageSize + 17, 4);
            var b = new RomfsBuilder();
            Assert.Equal(0, b.Add("hello", _hello));
            Assert.Equal(0, b.Add("big", Stat.S_IFREG | 0x124, _big));
            Assert.Equal(0, b.Add("empty", new byte[0]));
            Assert.Equal(0, b.AddSymlink("link", "hello"));
            _v.K.Phys.SetRom(b.Build(_v.PageSize));
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/mnt", 0x1ED));
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "rom", "/mnt", "romfs"));
        }

        [Fact]
        public void Builder_ThenMount_ReadsBackEveryFile()
        {
            MountImage();
            Assert.Equal(_hello, _v.ReadFile("/mnt/hello"));
            Assert.Equal(_big, _v.ReadFile("/mnt/big"));
            Assert.Empty(_v.ReadFile("/mnt/empty"));
            Assert.Equal(_hello, _v.ReadFile("/mnt/link"));
            int err;
            Assert.Equal("hello", _v.Sys.ReadLink(_v.Root, "/mnt/link", out err));

            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Stat(_v.Root, "/mnt/big", st));
            Assert.Equal(Stat.S_IFREG | 0x124, st.Mode);
            Assert.Equal(_big.Length, st.Size);
            Assert.Equal(0x1f, st.Major);
            Assert.Equal(0, st.Minor);

            int fd = _v.Sys.Open(_v.Root, "/mnt", KFile.O_RDONLY | KFile.O_DIRECTORY, 0);
            string name;
            int type;
            var names = new System.Collections.Generic.List<string>();
            for (int i = 0; _v.Sys.ReadDir(_v.Root, fd, i, out name, out type) == 1; i++) names.Add(name);
            _v.Sys.Close(_v.Root, fd);
            Assert.Equal(new[] { ".", "..", "hello", "big", "empty", "link" }, names.ToArray());
        }

        [Fact]
        public void Data_PageAligned_DirectAddressIsInRom()
        {
            MountImage();
            foreach (string n in new[] { "hello", "big" })
            {
                var f = (RomfsInode)_v.Lookup("/mnt/" + n);
                Assert.Equal(0, f.DataOffset % _v.PageSize);
                Assert.Equal(MapCap.Copy | MapCap.Direct | MapCap.Read | MapCap.Exec, f.MapCaps);
                long addr = f.DirectAddress(0, (int)f.Size);
                Assert.Equal((long)_v.K.Phys.RomBase + f.DataOffset, addr);
                byte[] want = n == "hello" ? _hello : _big;
                Assert.True(_v.K.Phys.InRom((uint)addr) && _v.K.Phys.InRom((uint)addr + (uint)want.Length - 1));
                byte[] mem = new byte[want.Length];
                _v.K.Phys.ReadRom((uint)addr, mem, 0, mem.Length);
                Assert.Equal(want, mem);
            }
            var big = (RomfsInode)_v.Lookup("/mnt/big");
            Assert.Equal((long)_v.K.Phys.RomBase + big.DataOffset + _v.PageSize, big.DirectAddress(1, _v.PageSize));
            Assert.Equal(-Errno.EINVAL, big.DirectAddress(2, 1));
            Assert.Equal(-Errno.EINVAL, ((RomfsInode)_v.Lookup("/mnt/empty")).DirectAddress(0, 1));
        }

        private SuperBlock MountSb(string point)
        {
            for (int i = 0; i < _v.K.Vfs.MountCount; i++) if (_v.K.Vfs.MountAt(i).Point == point) return _v.K.Vfs.MountAt(i).Sb;
            return null;
        }

        [Fact]
        public void Mount_KeepsOnlyItsRoot_AFileInodeIsMadeAtItsFirstLookup_AndKept()
        {
            MountImage();
            SuperBlock sb = MountSb("/mnt");
            Assert.Equal(1, sb.CachedInodes());
            string name;
            Inode child;
            Assert.Equal(1, sb.Root.ReadDir(null, 1, out name, out child));
            Assert.Equal("big", name);
            Assert.Equal(Stat.S_IFREG | 0x124, child.Mode);
            Assert.Equal(1, sb.CachedInodes());   // readdir only says the type
            Inode big = _v.Lookup("/mnt/big");
            Assert.Equal(2, sb.CachedInodes());
            Assert.Same(big, _v.Lookup("/mnt/big"));
            Assert.Equal(1, sb.Root.ReadDir(null, 1, out name, out child));
            Assert.Same(big, child);
            Assert.Equal(2, sb.CachedInodes());
            Assert.Equal(0, sb.Root.ReadDir(null, 4, out name, out child));
            Assert.Equal(-Errno.ENOENT, sb.Root.Lookup(null, "bi", out child));
            Assert.Equal(-Errno.ENOENT, sb.Root.Lookup(null, "bigger", out child));
        }

        [Fact]
        public void Mount_ImageReplacedLater_KeepsReadingTheMountedOne()
        {
            MountImage();
            _v.K.Phys.SetRom(new RomfsBuilder().Build(_v.PageSize));
            Assert.Equal(_hello, _v.ReadFile("/mnt/hello"));
        }

        [Fact]
        public void Writes_Erofs()
        {
            MountImage();
            var s = _v.Sys;
            var t = _v.Root;
            Assert.Equal(-Errno.EROFS, s.Open(t, "/mnt/hello", KFile.O_WRONLY, 0));
            Assert.Equal(-Errno.EROFS, s.Open(t, "/mnt/hello", KFile.O_RDONLY | KFile.O_TRUNC, 0));
            Assert.Equal(-Errno.EROFS, s.Open(t, "/mnt/new", KFile.O_CREAT | KFile.O_WRONLY, 0x1A4));
            Assert.Equal(-Errno.EROFS, s.Mkdir(t, "/mnt/d", 0x1ED));
            Assert.Equal(-Errno.EROFS, s.Unlink(t, "/mnt/hello"));
            Assert.Equal(-Errno.EROFS, s.Truncate(t, "/mnt/hello", 0));
            Assert.Equal(-Errno.EROFS, s.Symlink(t, "x", "/mnt/l2"));
            Assert.Equal(-Errno.EEXIST, s.Mkdir(t, "/mnt/hello", 0x1ED));
            Assert.Equal(-Errno.ENOENT, s.Unlink(t, "/mnt/none"));
            // Reading stays possible; an existing file opened with O_CREAT but without writing too.
            int fd = s.Open(t, "/mnt/hello", KFile.O_CREAT | KFile.O_RDONLY, 0);
            Assert.True(fd >= 0);
            s.Close(t, fd);
            Assert.Contains(" ro", MountLine("/mnt"));
        }

        private string MountLine(string point)
        {
            for (int i = 0; i < _v.K.Vfs.MountCount; i++)
            {
                VfsMount m = _v.K.Vfs.MountAt(i);
                if (m.Point == point) return m.DevName + " " + m.Point + " " + m.FsType + " " + m.Options;
            }
            return null;
        }

        [Fact]
        public void Builder_RejectsBadNames()
        {
            var b = new RomfsBuilder();
            Assert.Equal(-Errno.EINVAL, b.Add("a/b", new byte[1]));
            Assert.Equal(-Errno.EINVAL, b.Add("", new byte[1]));
            Assert.Equal(-Errno.EINVAL, b.Add("..", new byte[1]));
            Assert.Equal(-Errno.EINVAL, b.Add(new string('x', 256), new byte[1]));
            Assert.Equal(-Errno.EINVAL, b.Add("dir", Stat.S_IFDIR | 0x1ED, new byte[0]));
            Assert.Equal(0, b.Add("ok", new byte[1]));
            Assert.Equal(-Errno.EEXIST, b.Add("ok", new byte[1]));
        }

        [Fact]
        public void Mount_BadImage_Einval()
        {
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/mnt", 0x1ED));
            _v.K.Phys.SetRom(new byte[64]);
            Assert.Equal(-Errno.EINVAL, _v.Sys.Mount(_v.Root, "rom", "/mnt", "romfs"));
            // Built for another page size.
            _v.K.Phys.SetRom(new RomfsBuilder().Build(_v.PageSize * 2));
            Assert.Equal(-Errno.EINVAL, _v.Sys.Mount(_v.Root, "rom", "/mnt", "romfs"));
            Assert.True(_v.K.Log.Contains("romfs: "));
        }

        [Fact]
        public void Boot_BinIsRomfsHoldingTheProgramFiles()
        {
            Assert.Equal("/dev/mtdblock0 /bin romfs ro", MountLine("/bin"));
            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Stat(_v.Root, "/bin", st));
            Assert.Equal(0x1f, st.Major);
            int fd = _v.Sys.Open(_v.Root, "/bin", KFile.O_RDONLY, 0);
            string name;
            int type;
            var names = new System.Collections.Generic.List<string>();
            for (int i = 2; _v.Sys.ReadDir(_v.Root, fd, i, out name, out type) == 1; i++)
            {
                names.Add(name);
                Assert.Equal(Stat.S_IFREG, type);
            }
            foreach (var p in ProgramTable.All()) Assert.Contains(p.Name, names);
            Assert.Equal(ProgramTable.All().Length, names.Count);
            _v.Sys.Close(_v.Root, fd);
        }
    }
}
