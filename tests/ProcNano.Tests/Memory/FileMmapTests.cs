using System.Text;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    public class FileMmapTests
    {
        private const int RO = Vm.PROT_READ;

        private static int Open(Kernel k, Task t, string path, int flags) 
        {
            int fd = k.Sys.Open(t, path, flags, 0x1A4);
            Assert.True(fd >= 0, path + ": " + Errno.StrError(fd));
            return fd;
        }

        [Fact]
        public void RamfsSharedWritableMaps_SeeEachOthersWrites_AndTheFile()
        {
            var k = Host();
            var a = NewTask(k, "a");
            var b = NewTask(k, "b");
            Files.Write(k, a, "/tmp/f", Files.Pattern(8192));
            int fa = Open(k, a, "/tmp/f", File.O_RDWR), fb = Open(k, b, "/tmp/f", File.O_RDWR);
            long x = k.Sys.Mmap(a, 0, 8192, RW, Vm.MAP_SHARED, fa, 0);
            long y = k.Sys.Mmap(b, 0, 8192, RW, Vm.MAP_SHARED, fb, 0);
            Assert.True(x > 0);
            Assert.Equal(x, y); // DIRECT: both map the file's own pages
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
            k.Sys.WriteMem(a, a, (uint)x + 10, new byte[] { 0xEE }, 0, 1);
            var one = new byte[1];
            k.Sys.ReadMem(b, b, (uint)y + 10, one, 0, 1);
            Assert.Equal(0xEE, one[0]);
            Assert.Equal(0xEE, Files.Read(k, a, "/tmp/f")[10]);
        }

        [Fact]
        public void PrivateWritableMap_WritesNeverReachFileOrOthers_AndFilePosUnchanged()
        {
            var k = Host();
            var a = NewTask(k, "a");
            byte[] data = Files.Pattern(5000);
            Files.Write(k, a, "/tmp/f", data);
            int fd = Open(k, a, "/tmp/f", File.O_RDWR);
            Assert.Equal(100, k.Sys.Lseek(a, fd, 100, 0));
            long p = k.Sys.Mmap(a, 0, 5000, RW, Vm.MAP_PRIVATE, fd, 0);
            long shared = k.Sys.Mmap(a, 0, 5000, RW, Vm.MAP_SHARED, fd, 0);
            Assert.NotEqual(p, shared);
            Assert.Equal(100, k.Sys.Lseek(a, fd, 0, 1)); // mmap does not move the file position
            Assert.Equal(8, MmapCopyKb(k));              // the private copy: 2 pages
            k.Sys.WriteMem(a, a, (uint)p, new byte[] { 0x00 }, 0, 1);
            var one = new byte[1];
            k.Sys.ReadMem(a, a, (uint)shared, one, 0, 1);
            Assert.Equal(data[0], one[0]);
            Assert.Equal(data[0], Files.Read(k, a, "/tmp/f")[0]);
        }

        [Fact]
        public void PrivateCopy_TailPastEofIsZero()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/flash/short", Files.Pattern(100, 9));
            int fd = Open(k, a, "/flash/short", File.O_RDONLY);
            long p = k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_PRIVATE, fd, 0);
            Assert.True(p > 0);
            var page = new byte[4096];
            Assert.Equal(4096, k.Sys.ReadMem(a, a, (uint)p, page, 0, 4096));
            Assert.Equal(Files.Pattern(100, 9), page[..100]);
            for (int i = 100; i < 4096; i++) Assert.Equal(0, page[i]);
        }

        [Fact]
        public void FlashReadOnlyPrivateMaps_ShareOneCopy_CountOnce()
        {
            var k = Host();
            var a = NewTask(k, "a");
            var b = NewTask(k, "b");
            Files.Write(k, a, "/flash/data", Files.Pattern(3 * 4096));
            int fa = Open(k, a, "/flash/data", File.O_RDONLY), fb = Open(k, b, "/flash/data", File.O_RDONLY);
            long x = k.Sys.Mmap(a, 0, 3 * 4096, RO, Vm.MAP_PRIVATE, fa, 0);
            long y = k.Sys.Mmap(b, 0, 3 * 4096, RO, Vm.MAP_PRIVATE, fb, 0);
            long sub = k.Sys.Mmap(b, 0, 4096, RO, Vm.MAP_PRIVATE, fb, 4096);   // a subset shares too
            Assert.Equal(x, y);
            Assert.Equal(x + 4096, sub);
            Assert.Equal(12, MmapCopyKb(k));
            Assert.Equal(1, k.Mem.Regions.Count);
            int r = k.Mem.Regions.At(0);
            Assert.Equal(3, k.Mem.Regions.Usage(r));
            Assert.Equal(Vm.VM_MAYSHARE, k.Mem.Regions.Flags(r) & (Vm.VM_MAYSHARE | Vm.VM_SHARED));
            // Freed only when the last user goes.
            Assert.Equal(0, k.Sys.Munmap(a, (uint)x, 3 * 4096));
            Assert.Equal(0, k.Sys.Munmap(b, (uint)y, 3 * 4096));
            Assert.Equal(12, MmapCopyKb(k));
            Assert.Equal(0, k.Sys.Munmap(b, (uint)sub, 4096));
            Assert.Equal(0, MmapCopyKb(k));
        }

        [Fact]
        public void FlashMismatchedOverlap_EinvalAndLogLine()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/flash/data", Files.Pattern(4 * 4096));
            int fd = Open(k, a, "/flash/data", File.O_RDONLY);
            Assert.True(k.Sys.Mmap(a, 0, 2 * 4096, RO, Vm.MAP_PRIVATE, fd, 0) > 0);
            Assert.Equal(-Errno.EINVAL, k.Sys.Mmap(a, 0, 2 * 4096, RO, Vm.MAP_PRIVATE, fd, 4096));
            Assert.True(k.Log.Contains("Attempt to share mismatched mappings"));
            Assert.Equal(1, a.Mm.MapCount);
        }

        [Fact]
        public void RamfsMismatchedOverlap_GetsItsOwnDirectView()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/tmp/f", Files.Pattern(4 * 4096));
            int fd = Open(k, a, "/tmp/f", File.O_RDONLY);
            long x = k.Sys.Mmap(a, 0, 2 * 4096, RO, Vm.MAP_PRIVATE, fd, 0);
            long y = k.Sys.Mmap(a, 0, 2 * 4096, RO, Vm.MAP_PRIVATE, fd, 4096);
            Assert.Equal(x + 4096, y);
            Assert.Equal(2, k.Mem.Regions.Count);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
        }

        [Fact]
        public void WritablePrivateMaps_NeverShare()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/flash/data", Files.Pattern(4096));
            int fd = Open(k, a, "/flash/data", File.O_RDONLY);
            long x = k.Sys.Mmap(a, 0, 4096, RW, Vm.MAP_PRIVATE, fd, 0);
            long y = k.Sys.Mmap(a, 0, 4096, RW, Vm.MAP_PRIVATE, fd, 0);
            Assert.NotEqual(x, y);
            Assert.Equal(8, MmapCopyKb(k));
        }

        [Fact]
        public void FileMap_Errnos()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/flash/data", Files.Pattern(4096));
            Files.Write(k, a, "/tmp/f", Files.Pattern(4096));
            int flashRo = Open(k, a, "/flash/data", File.O_RDONLY);
            int ramRo = Open(k, a, "/tmp/f", File.O_RDONLY);
            int ramWo = Open(k, a, "/tmp/f", File.O_WRONLY);
            int dir = Open(k, a, "/tmp", File.O_RDONLY | File.O_DIRECTORY);
            Assert.Equal(-Errno.ENODEV, k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_SHARED, flashRo, 0));  // COPY-only store
            Assert.Equal(-Errno.EACCES, k.Sys.Mmap(a, 0, 4096, RW, Vm.MAP_SHARED, ramRo, 0));   // shared write, read-only fd
            Assert.Equal(-Errno.EACCES, k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_PRIVATE, ramWo, 0));  // fd not readable
            Assert.Equal(-Errno.ENODEV, k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_PRIVATE, dir, 0));    // no mmap on a directory
            Assert.Equal(-Errno.EINVAL, k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_PRIVATE, ramRo, 100)); // unaligned offset
            Assert.Equal(-Errno.EINVAL, k.Sys.Mmap(a, 0, 8192, RW, Vm.MAP_SHARED, Open(k, a, "/tmp/f", File.O_RDWR), 0)); // past the file's pages
            Assert.Equal(0, k.Mem.Regions.Count);
        }

        [Fact]
        public void Mmap_ProcfsFiles_Enodev()
        {
            // procfs files have no mmap operation: Linux says ENODEV, and nothing is mapped or pinned.
            var k = Host();
            var a = NewTask(k, "a");
            foreach (var path in new[] { "/proc/meminfo", "/proc/self/maps", "/proc/sys/vm/nr_trim_pages" })
            {
                int fd = Open(k, a, path, File.O_RDONLY);
                Assert.Equal(-Errno.ENODEV, k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_PRIVATE, fd, 0));
            }
            Assert.Equal(0, k.Mem.Regions.Count);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
        }

        [Fact]
        public void RomfsReadOnlyPrivateMap_IsDirect_CountsZero()
        {
            var k = Host();
            var a = NewTask(k, "a");
            int fd = Open(k, a, "/bin/hold", File.O_RDONLY);
            long x = k.Sys.Mmap(a, 0, 4096, Vm.PROT_READ | Vm.PROT_EXEC, Vm.MAP_PRIVATE, fd, 0);
            Assert.True(k.Phys.InRom((uint)x));
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
            var magic = new byte[4];
            k.Sys.ReadMem(a, a, (uint)x, magic, 0, 4);
            Assert.Equal(new byte[] { 0x7F, (byte)'P', (byte)'N', (byte)'X' }, magic);
            Assert.Equal(-Errno.EACCES, k.Sys.WriteMem(a, a, (uint)x, magic, 0, 1));
        }

        [Fact]
        public void Munmap_PartOfFileVma_Einval_WholeOk()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/flash/data", Files.Pattern(3 * 4096));
            int fd = Open(k, a, "/flash/data", File.O_RDONLY);
            long x = k.Sys.Mmap(a, 0, 3 * 4096, RO, Vm.MAP_PRIVATE, fd, 0);
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(a, (uint)x + 4096, 4096));
            Assert.Equal(-Errno.EINVAL, k.Sys.Munmap(a, (uint)x, 4096));
            Assert.Equal(0, k.Sys.Munmap(a, (uint)x, 3 * 4096));
        }

        [Fact]
        public void Munmap_OneOfTwoIdenticalMapsAtOneAddress_RemovesOnlyThatOne()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/flash/data", Files.Pattern(4096));
            int fd = Open(k, a, "/flash/data", File.O_RDONLY);
            long x = k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_PRIVATE, fd, 0);
            long y = k.Sys.Mmap(a, 0, 4096, RO, Vm.MAP_PRIVATE, fd, 0);
            Assert.Equal(x, y);
            Assert.Equal(2, a.Mm.MapCount);
            Assert.Equal(0, k.Sys.Munmap(a, (uint)x, 4096));
            Assert.Equal(1, a.Mm.MapCount);
            Assert.Equal(4, MmapCopyKb(k));
        }

        [Fact]
        public void MappedRamfsFile_CannotMoveItsPages()
        {
            var k = Host();
            var a = NewTask(k, "a");
            Files.Write(k, a, "/tmp/f", Files.Pattern(4096));
            int fd = Open(k, a, "/tmp/f", File.O_RDWR);
            long x = k.Sys.Mmap(a, 0, 4096, RW, Vm.MAP_SHARED, fd, 0);
            Assert.True(x > 0);
            Assert.Equal(-Errno.EBUSY, k.Sys.Write(a, fd, new byte[8192], 0, 8192));
            Assert.Equal(0, k.Sys.Munmap(a, (uint)x, 4096));
            Assert.Equal(8192, k.Sys.Write(a, fd, new byte[8192], 0, 8192));
        }
    }
}
