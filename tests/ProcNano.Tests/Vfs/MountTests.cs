using System;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;

namespace ProcNano.Tests.Vfs
{
    public class MountTests : IDisposable
    {
        private readonly VfsKernel _v = new VfsKernel();
        public void Dispose() { _v.Dispose(); }

        private VfsMount Find(string point)
        {
            VfsMount found = null;
            for (int i = 0; i < _v.K.Vfs.MountCount; i++)
                if (_v.K.Vfs.MountAt(i).Point == point) found = _v.K.Vfs.MountAt(i);
            return found;
        }

        private void MakeMnt() { Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/mnt", 0x1ED)); }

        [Fact]
        public void BootMounts_InOrder_WithDevices()
        {
            var vfs = _v.K.Vfs;
            Assert.Equal(4, vfs.MountCount);
            Assert.Equal("/", vfs.MountAt(0).Point);
            Assert.Equal("ramfs", vfs.MountAt(0).FsType);
            Assert.Equal("rw", vfs.MountAt(0).Options);
            Assert.Equal(0, vfs.MountAt(0).Sb.Major);
            Assert.Equal(1, vfs.MountAt(0).Sb.Minor);                // 00:01, the first anonymous device
            Assert.Equal("/bin", vfs.MountAt(1).Point);
            Assert.Equal("/flash", vfs.MountAt(2).Point);
            Assert.Equal("flashfs", vfs.MountAt(2).FsType);
            Assert.Equal("/proc", vfs.MountAt(3).Point);
            Assert.Equal("proc", vfs.MountAt(3).FsType);
            Assert.Equal(3, vfs.MountAt(3).Sb.Minor);                // root 00:01, shm store 00:02, proc 00:03
        }

        [Fact]
        public void Mount_RamfsByTypeName_GetsNextAnonDevice_AndIsListed()
        {
            MakeMnt();
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "none", "/mnt", "ramfs"));
            VfsMount m = Find("/mnt");
            Assert.NotNull(m);
            Assert.Equal("none", m.DevName);
            Assert.Equal("ramfs", m.FsType);
            Assert.Equal(0, m.Sb.Major);
            Assert.Equal(4, m.Sb.Minor);      // root 00:01, shm store 00:02, proc 00:03
            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Stat(_v.Root, "/mnt", st));
            Assert.Equal(4, st.Minor);
            // The minor is given back on umount and reused.
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt"));
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "none", "/mnt", "ramfs"));
            Assert.Equal(4, Find("/mnt").Sb.Minor);
        }

        [Fact]
        public void Mount_HidesCoveredDirectory_UmountShowsItAgain()
        {
            MakeMnt();
            Assert.Equal(1, _v.WriteFile(_v.Root, "/mnt/under", new byte[1]));
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "none", "/mnt", "ramfs"));
            Assert.Null(_v.Lookup("/mnt/under"));
            Assert.Equal(1, _v.WriteFile(_v.Root, "/mnt/over", new byte[1]));
            Inode i;
            string abs;
            Assert.Equal(0, _v.K.Vfs.Resolve(_v.Root, "/mnt/../mnt/./over", true, out i, out abs));
            Assert.Equal("/mnt/over", abs);
            Assert.Equal(0, _v.K.Vfs.Resolve(_v.Root, "/mnt/..", true, out i, out abs));
            Assert.Equal("/", abs);
            Assert.Same(_v.K.Vfs.RootInode, i);
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt"));
            Assert.NotNull(_v.Lookup("/mnt/under"));
            Assert.Null(_v.Lookup("/mnt/over"));
        }

        [Fact]
        public void Mount_Stacked_LatestWins_UmountPeelsOne()
        {
            MakeMnt();
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "one", "/mnt", "ramfs"));
            Assert.Equal(1, _v.WriteFile(_v.Root, "/mnt/first", new byte[1]));
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "two", "/mnt", "ramfs"));
            Assert.Null(_v.Lookup("/mnt/first"));
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt"));
            Assert.NotNull(_v.Lookup("/mnt/first"));
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt"));
            Assert.Equal(-Errno.EINVAL, _v.Sys.Umount(_v.Root, "/mnt"));
        }

        [Fact]
        public void Mount_Errors()
        {
            MakeMnt();
            var user = _v.User(1000);
            Assert.Equal(-Errno.EPERM, _v.Sys.Mount(user, "none", "/mnt", "ramfs"));
            Assert.Equal(-Errno.EPERM, _v.Sys.Umount(user, "/bin"));
            Assert.Equal(-Errno.ENODEV, _v.Sys.Mount(_v.Root, "none", "/mnt", "nosuchfs"));
            Assert.Equal(-Errno.ENOENT, _v.Sys.Mount(_v.Root, "none", "/nowhere", "ramfs"));
            Assert.Equal(1, _v.WriteFile(_v.Root, "/tmp/f", new byte[1]));
            Assert.Equal(-Errno.ENOTDIR, _v.Sys.Mount(_v.Root, "none", "/tmp/f", "ramfs"));
            Assert.Equal(-Errno.EINVAL, _v.Sys.Umount(_v.Root, "/tmp"));      // not a mount point
            Assert.Equal(-Errno.EBUSY, _v.Sys.Umount(_v.Root, "/"));
            Assert.Equal(4, _v.K.Vfs.MountCount);
        }

        [Fact]
        public void Umount_Ebusy_WhileFileOpenOrMapped()
        {
            MakeMnt();
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "none", "/mnt", "ramfs"));
            Assert.Equal(1, _v.WriteFile(_v.Root, "/mnt/f", new byte[1]));
            int fd = _v.Sys.Open(_v.Root, "/mnt/f", KFile.O_RDONLY, 0);
            Assert.Equal(-Errno.EBUSY, _v.Sys.Umount(_v.Root, "/mnt"));

            // A region's reference (FileTable slot) keeps it busy after the fd is closed.
            KFile f = _v.Root.Fds.Get(fd);
            int slot = _v.K.Vfs.Files.Get(f);
            Assert.Equal(0, _v.Sys.Close(_v.Root, fd));
            Assert.Equal(-Errno.EBUSY, _v.Sys.Umount(_v.Root, "/mnt"));
            _v.K.Vfs.Files.Put(slot);
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt"));
        }

        [Fact]
        public void Umount_Ebusy_WithCwdInsideOrSubmount()
        {
            MakeMnt();
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "none", "/mnt", "ramfs"));
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/mnt/in", 0x1ED));
            var user = _v.User(1000);
            Assert.Equal(0, _v.Sys.Chdir(user, "/mnt/in"));
            Assert.Equal(-Errno.EBUSY, _v.Sys.Umount(_v.Root, "/mnt"));
            Assert.Equal(0, _v.Sys.Chdir(user, "/"));

            Assert.Equal(0, _v.Sys.Mount(_v.Root, "none", "/mnt/in", "ramfs"));
            Assert.Equal(-Errno.EBUSY, _v.Sys.Umount(_v.Root, "/mnt"));
            Assert.Equal(-Errno.EBUSY, _v.Sys.Rmdir(_v.Root, "/mnt/in"));
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt/in"));
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt"));
        }

        [Fact]
        public void Umount_FlashWithOpenFile_Ebusy()
        {
            Assert.Equal(1, _v.WriteFile(_v.Root, "/flash/x", new byte[1]));
            int fd = _v.Sys.Open(_v.Root, "/flash/x", KFile.O_RDONLY, 0);
            Assert.Equal(-Errno.EBUSY, _v.Sys.Umount(_v.Root, "/flash"));
            _v.Sys.Close(_v.Root, fd);
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/flash"));
            Assert.Null(_v.Lookup("/flash/x"));
        }

        [Fact]
        public void FsTypes_Registry()
        {
            var vfs = _v.K.Vfs;
            Assert.Equal("ramfs", vfs.FsTypeName(0));
            Assert.True(vfs.FsTypeNoDev(vfs.FindFs("ramfs")));
            Assert.False(vfs.FsTypeNoDev(vfs.FindFs("romfs")));
            Assert.True(vfs.FindFs("flashfs") >= 0);
            Assert.Equal(-1, vfs.FindFs("ext4"));
            Assert.Equal(-Errno.EBUSY, vfs.RegisterFs("ramfs", true, _v.K.Fs.MountRamfs));
            int n = vfs.FsTypeCount;
            Assert.Equal(0, vfs.RegisterFs("other", true, (who, src) => new RamfsSuper(_v.K.Fs, _v.K.Vfs.AllocAnonMinor())));
            Assert.Equal(n + 1, vfs.FsTypeCount);
            MakeMnt();
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "x", "/mnt", "other"));
        }
    }
}
