using System;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.PidFiles
{
    /// <summary>Reading a /proc/&lt;pid&gt;/ file again and again allocates nothing once warm (the device has
    /// tens of KiB of managed heap). The measured loops use no xunit Assert: it allocates.</summary>
    public class PidFileAllocationTests
    {
        [Theory]
        [InlineData("maps", 4096)]
        [InlineData("maps", 5)]
        [InlineData("status", 4096)]
        [InlineData("status", 3)]
        [InlineData("stat", 64)]
        [InlineData("statm", 64)]
        [InlineData("smaps", 100)]
        [InlineData("pagemap", 4096)]
        public void RepeatedFullReads_AfterWarmUp_AllocateZeroBytes(string file, int chunk)
        {
            var k = Host();
            Task t = Exec(k, k.Init, "hold", "3");
            Files.Write(k, k.Init, "/tmp/some-file", Files.Pattern(4096));
            Assert.True(k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_SHARED, k.Sys.Open(t, "/tmp/some-file", File.O_RDONLY, 0), 0) > 0);
            Assert.True(k.Sys.Mmap(t, 0, 10000, RW, Anon, -1, 0) > 0);
            int fd = OpenRead(k, k.Init, Path(t, file));
            Assert.True(fd >= 0);
            var buf = new byte[chunk];
            long limit = file == "pagemap" ? 64 * 1024 : long.MaxValue;   // pagemap spans 8 MiB: read its start

            long first = ReadLoop(k, fd, buf, limit);
            Assert.True(first > 0);
            for (int i = 0; i < 20; i++) ReadLoop(k, fd, buf, limit);
            // The runtime itself may allocate on this thread now and then while it tiers up hot methods (the
            // same noise hits the memory manager's allocation test under a loaded test run), so the reads are
            // measured in a few windows of 200: a read that allocates shows in every window, noise does not.
            long total = 0;
            long best = Allocations.Fewest(() => { total = 0; for (int i = 0; i < 200; i++) total += ReadLoop(k, fd, buf, limit); });
            Assert.Equal(0, best);
            Assert.Equal(200 * first, total);
        }

        /// <summary>lseek to 0 and read to the end (or <paramref name="limit"/>); bytes read, or throws.</summary>
        private static long ReadLoop(Kernel k, int fd, byte[] buf, long limit)
        {
            if (k.Sys.Lseek(k.Init, fd, 0, 0) != 0) throw new InvalidOperationException("lseek");
            long n = 0;
            while (n < limit)
            {
                int r = k.Sys.Read(k.Init, fd, buf, 0, buf.Length);
                if (r < 0) throw new InvalidOperationException("read");
                if (r == 0) break;
                n += r;
            }
            return n;
        }
    }
}
