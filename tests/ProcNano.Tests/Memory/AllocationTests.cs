using System;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    /// <summary>Steady-state mmap/munmap must not allocate on the managed heap (the device has ~50-80 KiB).</summary>
    public class AllocationTests
    {
        [Fact]
        public void MmapMunmap_AfterWarmUp_AllocatesZeroBytes()
        {
            var k = Host();
            var t = NewTask(k, "a");
            long hold = k.Sys.Mmap(t, 0, 3 * 4096, RW, Anon, -1, 0);
            for (int i = 0; i < 10; i++) Cycle(k, t);
            Assert.Equal(0, Allocations.Fewest(() => { for (int i = 0; i < 200; i++) Cycle(k, t); }));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)hold, 3 * 4096));
        }

        private static void Cycle(Kernel k, Task t)
        {
            long a = k.Sys.Mmap(t, 0, 5 * 4096, RW, Anon, -1, 0);
            // Punch a hole and shrink too: split and shrink paths must not allocate either.
            // (Plain checks: xunit's Assert allocates.)
            if (a <= 0 || k.Sys.Munmap(t, (uint)a + 4096, 4096) != 0 || k.Sys.Munmap(t, (uint)a, 4096) != 0
                || k.Sys.Munmap(t, (uint)a + 2 * 4096, 3 * 4096) != 0)
                throw new InvalidOperationException("mmap/munmap cycle failed");
        }

        [Fact]
        public void FileMmapMunmap_AfterWarmUp_AllocatesZeroBytes()
        {
            // ramfs: a direct shared view, a shared read-only attach to it, and a private copy.
            var k = Host();
            var t = NewTask(k, "a");
            Files.Write(k, t, "/tmp/f", Files.Pattern(3 * 4096));
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDWR, 0);
            for (int i = 0; i < 10; i++) FileCycle(k, t, fd);
            Assert.Equal(0, Allocations.Fewest(() => { for (int i = 0; i < 200; i++) FileCycle(k, t, fd); }));
        }

        private static void FileCycle(Kernel k, Task t, int fd)
        {
            long s = k.Sys.Mmap(t, 0, 3 * 4096, RW, Vm.MAP_SHARED, fd, 0);
            long r = k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 4096);
            long p = k.Sys.Mmap(t, 0, 2 * 4096, RW, Vm.MAP_PRIVATE, fd, 0);
            if (s <= 0 || r != s + 4096 || p <= 0 || k.Sys.Munmap(t, (uint)r, 4096) != 0
                || k.Sys.Munmap(t, (uint)p, 2 * 4096) != 0 || k.Sys.Munmap(t, (uint)s, 3 * 4096) != 0)
                throw new InvalidOperationException("file mmap/munmap cycle failed");
        }

        [Fact]
        public void ShmatShmdt_AfterWarmUp_AllocatesZeroBytes()
        {
            var k = Host();
            var t = NewTask(k, "a");
            int id = k.Sys.Shmget(t, 9, 4096, Shm.IPC_CREAT | 0x1B6);
            for (int i = 0; i < 10; i++) { long a = k.Sys.Shmat(t, id, 0, 0); k.Sys.Shmdt(t, (uint)a); }
            Assert.Equal(0, Allocations.Fewest(() => { for (int i = 0; i < 200; i++) { long a = k.Sys.Shmat(t, id, 0, 0); k.Sys.Shmdt(t, (uint)a); } }));
        }
    }
}
