using System;
using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    public class MeminfoTests
    {
        private const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        private const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        /// <summary>Slab in kB as /proc/slabinfo's total_bytes column adds up.</summary>
        private static long SlabKbFromSlabinfo(Kernel k)
        {
            long bytes = 0;
            foreach (string line in Cat(k, k.Init, "/proc/slabinfo").Split('\n').Skip(1))
            {
                if (line.Length == 0) continue;
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                bytes += long.Parse(f[4]);
            }
            return bytes / 1024;
        }

        [Fact]
        public void FreshKernelPlusOneAnonMap_Golden()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            Assert.True(k.Sys.Mmap(t, 0, 12288, RW, Anon, -1, 0) > 0);
            long slab = SlabKbFromSlabinfo(k);
            string expected =
                Line("MemTotal:", 1024) + Line("MemFree:", 1012) + Line("Buffers:", 0) + Line("Cached:", 0) +
                Line("SwapCached:", 0) + Line("Active:", 12) + Line("Inactive:", 0) +
                Line("Active(anon):", 12) + Line("Inactive(anon):", 0) + Line("Active(file):", 0) +
                Line("Inactive(file):", 0) + Line("MmapCopy:", 12) + Line("SwapTotal:", 0) + Line("SwapFree:", 0) +
                Line("Dirty:", 0) + Line("Writeback:", 0) + Line("AnonPages:", 12) + Line("Mapped:", 0) +
                Line("Shmem:", 0) + Line("Slab:", slab) + Line("SReclaimable:", 0) + Line("SUnreclaim:", slab) +
                Line("PageTables:", 0) + Line("NFS_Unstable:", 0) + Line("Bounce:", 0) + Line("WritebackTmp:", 0) +
                Line("CommitLimit:", 512) + Line("Committed_AS:", 12) + Line("VmallocTotal:", 0) +
                Line("VmallocUsed:", 0) + Line("VmallocChunk:", 0) +
                Line("HeapTotal:", 80) + Line("HeapFree:", 40) + Line("LargestFree:", 512);
            Assert.Equal(expected, Cat(k, t, "/proc/meminfo"));
        }

        [Fact]
        public void MmapCopyLine_ExactBytes()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            Assert.True(k.Sys.Mmap(t, 0, 12288, RW, Anon, -1, 0) > 0);
            Assert.Contains("\nMmapCopy:             12 kB\n", Cat(k, t, "/proc/meminfo"));
        }

        [Fact]
        public void EveryLine_LabelPaddedTo16_ValueIn8_ThenKb()
        {
            var k = Boot();
            string text = Cat(k, k.Init, "/proc/meminfo");
            Assert.EndsWith("\n", text);
            foreach (string line in text.TrimEnd('\n').Split('\n'))
            {
                Assert.Equal(27, line.Length);
                Assert.Contains(':', line.Substring(0, 16));
                Assert.Matches(@"^[A-Za-z_()]+: *$", line.Substring(0, 16));
                Assert.Matches(@"^ *\d+$", line.Substring(16, 8));
                Assert.EndsWith(" kB", line);
            }
        }

        [Fact]
        public void Numbers_FollowMapsAsTheyComeAndGo()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            long free0 = Meminfo(k, "MemFree");
            long a = k.Sys.Mmap(t, 0, 5 * 4096, RW, Anon, -1, 0);   // 8 pages, 3 trimmed: 5 pages
            Assert.Equal(20, Meminfo(k, "MmapCopy"));
            Assert.Equal(20, Meminfo(k, "AnonPages"));
            Assert.Equal(free0 - 20, Meminfo(k, "MemFree"));
            long b = k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0);
            Assert.Equal(24, Meminfo(k, "MmapCopy"));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a + 4096, 4096));   // punch a hole: one page goes
            Assert.Equal(20, Meminfo(k, "MmapCopy"));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a, 4096));            // the two pieces, one by one
            Assert.Equal(0, k.Sys.Munmap(t, (uint)a + 2 * 4096, 3 * 4096));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)b, 4096));
            Assert.Equal(0, Meminfo(k, "MmapCopy"));
            Assert.Equal(0, Meminfo(k, "AnonPages"));
            Assert.Equal(free0, Meminfo(k, "MemFree"));
        }

        [Fact]
        public void NoTrimming_CountsTheWholePowerOfTwoBlock()
        {
            var k = Boot(nrTrim: 0);
            var t = Tests.Boot.NewTask(k, "a");
            Assert.True(k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0) > 0);
            Assert.Equal(16, Meminfo(k, "MmapCopy"));
            Assert.Equal(16, Meminfo(k, "AnonPages"));
        }

        [Theory]
        [InlineData(256, 1024, 256, 48, 12)]     // 12288 bytes = 48 pages of 256 B
        [InlineData(512, 512, 256, 24, 12)]
        [InlineData(1024, 128, 128, 12, 12)]
        [InlineData(2048, 64, 128, 6, 12)]
        public void KbAreBytesOver1024_ForEveryPageSize(int pageSize, int pages, long totalKb, int mapPages, long copyKb)
        {
            var k = Boot(pages, pageSize);
            var t = Tests.Boot.NewTask(k, "a");
            Assert.True(k.Sys.Mmap(t, 0, 12288, RW, Anon, -1, 0) > 0);
            Assert.Equal(mapPages, k.Mem.MmapPagesAllocated);
            Assert.Equal(totalKb, Meminfo(k, "MemTotal"));
            Assert.Equal(copyKb, Meminfo(k, "MmapCopy"));
            Assert.Equal(totalKb - copyKb, Meminfo(k, "MemFree"));
        }

        [Fact]
        public void SmallPages_PartialKbRoundDown()
        {
            var k = Boot(64, 256);
            var t = Tests.Boot.NewTask(k, "a");
            Assert.True(k.Sys.Mmap(t, 0, 3 * 256, RW, Anon, -1, 0) > 0);   // 3 pages = 768 bytes
            Assert.Equal(0, Meminfo(k, "MmapCopy"));
            Assert.True(k.Sys.Mmap(t, 0, 256, RW, Anon, -1, 0) > 0);       // 4 pages = 1024 bytes
            Assert.Equal(1, Meminfo(k, "MmapCopy"));
        }

        [Fact]
        public void Shm_CountsInShmemCachedAndMapped_NotMmapCopy()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            int id = k.Sys.Shmget(t, 7, 3 * 4096, Shm.IPC_CREAT | 0x1B6);
            Assert.True(id >= 0);
            Assert.Equal(12, Meminfo(k, "Shmem"));
            Assert.Equal(12, Meminfo(k, "Cached"));
            Assert.Equal(0, Meminfo(k, "Mapped"));
            Assert.Equal(12, Meminfo(k, "Committed_AS"));
            long a = k.Sys.Shmat(t, id, 0, 0);
            Assert.True(a > 0);
            Assert.Equal(12, Meminfo(k, "Mapped"));
            Assert.Equal(0, Meminfo(k, "MmapCopy"));
            Assert.Equal(0, k.Sys.Shmdt(t, (uint)a));
            Assert.Equal(0, k.Sys.Shmctl(t, id, Shm.IPC_RMID));
            Assert.Equal(0, Meminfo(k, "Shmem"));
            Assert.Equal(0, Meminfo(k, "Cached"));
        }

        [Fact]
        public void RamfsFile_CountsInCachedAndActiveFile_NotShmem()
        {
            var k = Boot();
            Files.Write(k, k.Init, "/tmp/f", Files.Pattern(2 * 4096));
            Assert.Equal(8, Meminfo(k, "Cached"));
            Assert.Equal(8, Meminfo(k, "Active(file)"));
            Assert.Equal(0, Meminfo(k, "Shmem"));
            Assert.Equal(1016, Meminfo(k, "MemFree"));
        }

        [Fact]
        public void FlashCopy_InMmapCopy_NotAnonPages()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            Files.Write(k, t, "/flash/data", Files.Pattern(2 * 4096));
            int fd = k.Sys.Open(t, "/flash/data", File.O_RDONLY, 0);
            Assert.True(k.Sys.Mmap(t, 0, 2 * 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0) > 0);
            Assert.Equal(8, Meminfo(k, "MmapCopy"));
            Assert.Equal(0, Meminfo(k, "AnonPages"));
            Assert.Equal(0, Meminfo(k, "Mapped"));
        }

        [Fact]
        public void Slab_IsTheSlabinfoTotal_AndGrowsWithObjects()
        {
            var k = Boot();
            long before = Meminfo(k, "Slab");
            Assert.Equal(SlabKbFromSlabinfo(k), before);
            Assert.Equal(before, Meminfo(k, "SUnreclaim"));
            for (int i = 0; i < 20; i++) Tests.Boot.NewTask(k, "t" + i);   // 20 × (task 132 + pid 60 + mm 120) = 6240 bytes
            long after = Meminfo(k, "Slab");
            Assert.Equal(SlabKbFromSlabinfo(k), after);
            Assert.InRange(after - before, 6, 7);
        }

        [Fact]
        public void LargestFree_FollowsTheBiggestFreeBlock()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            Assert.Equal(1024, Meminfo(k, "LargestFree"));
            Assert.True(k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0) > 0);
            Assert.Equal(512, Meminfo(k, "LargestFree"));   // the 256-page block was split
        }

        [Fact]
        public void HeapLines_FromThePlatform_UnknownIsZero()
        {
            var p = new FixedPlatform { HeapTotal = 200 * 1024, HeapFree = 50 * 1024 + 1000 };
            var k = Boot(p: p);
            Assert.Equal(200, Meminfo(k, "HeapTotal"));
            Assert.Equal(50, Meminfo(k, "HeapFree"));
            p.HeapTotal = -1;
            p.HeapFree = -1;
            Assert.Equal(0, Meminfo(k, "HeapTotal"));
            Assert.Equal(0, Meminfo(k, "HeapFree"));
        }

        [Fact]
        public void ReadByteByByte_SameAsOneRead()
        {
            var k = Boot();
            Assert.Equal(Cat(k, k.Init, "/proc/meminfo"), CatChunked(k, k.Init, "/proc/meminfo", 1));
        }
    }
}
