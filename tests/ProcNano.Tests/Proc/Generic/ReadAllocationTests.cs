using System;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    /// <summary>Reading a proc file again (seek to 0, read to the end) allocates nothing once warm.</summary>
    public class ReadAllocationTests
    {
        private const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        private const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        /// <summary>Managed bytes allocated over 200 rereads of <paramref name="path"/> through one open fd
        /// (the least of up to five rounds). No xunit Assert in the loop: it allocates.</summary>
        private static long RereadBytes(Kernel k, Task t, string path, int chunk)
        {
            int fd = k.Sys.Open(t, path, File.O_RDONLY, 0);
            if (fd < 0) throw new InvalidOperationException(path + ": " + Errno.StrError(fd));
            byte[] buf = new byte[chunk];
            long total = 0;
            for (int i = 0; i < 10; i++) total += Reread(k, t, fd, buf);
            // A read that allocates does so every time; the runtime itself sometimes allocates on this thread
            // (tiered JIT starting its worker under a parallel test run). So the best of a few rounds counts.
            long bytes = Allocations.Fewest(() => { for (int i = 0; i < 200; i++) total += Reread(k, t, fd, buf); });
            k.Sys.Close(t, fd);
            if (total <= 0) throw new InvalidOperationException(path + " read nothing");
            return bytes;
        }

        private static long Reread(Kernel k, Task t, int fd, byte[] buf)
        {
            if (k.Sys.Lseek(t, fd, 0, 0) != 0) throw new InvalidOperationException("lseek");
            long n = 0;
            int r;
            while ((r = k.Sys.Read(t, fd, buf, 0, buf.Length)) > 0) n += r;
            if (r < 0) throw new InvalidOperationException("read " + r);
            return n;
        }

        private static Kernel Busy(out Task t)
        {
            var k = Boot();
            t = Tests.Boot.NewTask(k, "a");
            for (int i = 0; i < 12; i++) k.Sys.Mmap(t, 0, (i % 3 + 1) * 4096, RW, Anon, -1, 0);
            Files.Write(k, t, "/flash/data", Files.Pattern(4096));
            int fd = k.Sys.Open(t, "/flash/data", File.O_RDONLY, 0);
            k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            k.Sys.Shmat(t, k.Sys.Shmget(t, 3, 4096, Shm.IPC_CREAT | 0x1B6), 0, 0);
            return k;
        }

        [Theory]
        [InlineData("/proc/meminfo", 4096)]
        [InlineData("/proc/meminfo", 100)]
        [InlineData("/proc/maps", 4096)]
        [InlineData("/proc/maps", 13)]
        [InlineData("/proc/slabinfo", 4096)]
        [InlineData("/proc/buddyinfo", 4096)]
        [InlineData("/proc/sysvipc/shm", 4096)]
        [InlineData("/proc/filesystems", 4096)]
        [InlineData("/proc/self/mounts", 4096)]
        public void Reread_AfterWarmUp_AllocatesZeroBytes(string path, int chunk)
        {
            var k = Busy(out Task t);
            Assert.Equal(0, RereadBytes(k, t, path, chunk));
        }
    }
}
