using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Fs
{
    /// <summary>/dev/null and /dev/zero are the mem driver's character devices (1,3 and 1,5), not ramfs files.</summary>
    public class DevNodeTests
    {
        [Theory]
        [InlineData("/dev/null", 3)]
        [InlineData("/dev/zero", 5)]
        public void DevNode_IsCharDevice_MemMajor(string path, int minor)
        {
            var k = Host();
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, path, st));
            Assert.Equal(Stat.S_IFCHR | 0x1B6, st.Mode);   // crw-rw-rw-
            Assert.Equal(1 << 8 | minor, st.Rdev);
            Assert.Equal(0, st.Size);
        }

        [Theory]
        [InlineData("/dev/null")]
        [InlineData("/dev/zero")]
        public void DevNode_WritesCostNoMemory(string path)
        {
            var k = Host();
            var t = NewTask(k, "w", 1000, 1000);   // anyone may write them
            int fd = k.Sys.Open(t, path, File.O_WRONLY | File.O_TRUNC, 0);
            Assert.True(fd >= 0, Errno.StrError(fd));
            int free = k.Pages.FreePages;
            var buf = Files.Pattern(4096);
            for (int i = 0; i < 300; i++) Assert.Equal(4096, k.Sys.Write(t, fd, buf, 0, 4096));   // more than the arena
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, k.Sys.Lseek(t, fd, 100, 0));   // null_lseek/zero_lseek: always 0
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Fstat(t, fd, st));
            Assert.Equal(0, st.Size);
        }

        [Fact]
        public void DevNull_ReadsEof_DevZero_ReadsZeros()
        {
            var k = Host();
            var t = NewTask(k, "r", 1000, 1000);
            var buf = Files.Pattern(100);
            int fd = k.Sys.Open(t, "/dev/null", File.O_RDONLY, 0);
            Assert.Equal(0, k.Sys.Read(t, fd, buf, 0, 100));
            fd = k.Sys.Open(t, "/dev/zero", File.O_RDONLY, 0);
            Assert.Equal(100, k.Sys.Read(t, fd, buf, 0, 100));
            Assert.All(buf, b => Assert.Equal(0, b));
        }

        // zero's BDI_CAP_MAP_COPY: a private map is a copy of zeros counted in MmapCopy; shared is ENODEV on
        // NOMMU, and null has no mmap at all.
        [Fact]
        public void DevZero_PrivateMapIsZeroCopy_SharedAndNullEnodev()
        {
            var k = Host();
            var t = NewTask(k, "m", 1000, 1000);
            int zero = k.Sys.Open(t, "/dev/zero", File.O_RDWR, 0);
            int nul = k.Sys.Open(t, "/dev/null", File.O_RDWR, 0);
            int copyBefore = k.Mem.MmapPagesAllocated;
            long addr = k.Sys.Mmap(t, 0, 8192, Vm.PROT_READ | Vm.PROT_WRITE, Vm.MAP_PRIVATE, zero, 0);
            Assert.True(addr > 0, Errno.StrError((int)addr));
            Assert.Equal(copyBefore + 2, k.Mem.MmapPagesAllocated);
            int at = (int)((uint)addr - k.Phys.ArenaBase);
            for (int i = 0; i < 8192; i++) Assert.Equal(0, k.Phys.Arena[at + i]);
            Assert.Equal(-Errno.ENODEV, k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ | Vm.PROT_WRITE, Vm.MAP_SHARED, zero, 0));
            Assert.Equal(-Errno.ENODEV, k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, nul, 0));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)addr, 8192));
            Assert.Equal(copyBefore, k.Mem.MmapPagesAllocated);
        }

        [Fact]
        public void Mknod_ByNonRoot_Eperm_UnknownDevice_Enxio()
        {
            var k = Host();
            var user = NewTask(k, "u", 1000, 1000);
            Assert.Equal(-Errno.EPERM, k.Vfs.Mknod(user, "/tmp/n", Stat.S_IFCHR | 0x1B6, 1 << 8 | 3));
            Assert.Equal(0, k.Vfs.Mknod(null, "/tmp/x", Stat.S_IFCHR | 0x1B6, 4 << 8 | 64));   // no driver for 4,64
            Assert.Equal(-Errno.ENXIO, k.Sys.Open(k.Init, "/tmp/x", File.O_RDONLY, 0));
            Assert.Equal(-Errno.EEXIST, k.Vfs.Mknod(null, "/dev/null", Stat.S_IFCHR | 0x1B6, 1 << 8 | 3));
        }
    }
}
