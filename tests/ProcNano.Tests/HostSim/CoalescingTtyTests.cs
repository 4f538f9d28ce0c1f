using ProcNano;
using ProcNano.HostSim;
using ProcNano.Tests.Shell;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>The simulator's console gathers output until the kernel reads, and reads all that has arrived.</summary>
    public class CoalescingTtyTests
    {
        [Fact]
        public void Output_GoesOutInOneWrite_WhenTheKernelNextReads()
        {
            var inner = new MemoryTty { StayOpen = true };
            var tty = new CoalescingTty(inner);
            for (int i = 0; i < 50; i++) tty.Write(new[] { (byte)'a', (byte)'\n' }, 0, 2);
            Assert.Equal(0, inner.Writes);
            tty.Read(new byte[8], 0, 8);
            Assert.Equal((1, 100), (inner.Writes, inner.Output.Length));
        }

        [Fact]
        public void AFullBuffer_AndABigWrite_GoOutAtOnce_InOrder()
        {
            var inner = new MemoryTty();
            var tty = new CoalescingTty(inner);
            tty.Write(new byte[] { 1, 2, 3 }, 0, 3);
            var big = new byte[5000];
            big[0] = 9;
            tty.Write(big, 0, big.Length);
            Assert.Equal(5003, inner.OutputBytes.Length);
            Assert.Equal(new byte[] { 1, 2, 3, 9 }, inner.OutputBytes[..4]);
        }

        [Fact]
        public void SmallReads_AreServedFromOneHostRead_ThenTheCloseComesThrough()
        {
            var inner = new MemoryTty { Chunk = 4096 }.Type("echo hi\r");
            var tty = new CoalescingTty(inner);
            var buf = new byte[3];
            Assert.Equal(3, tty.Read(buf, 0, 3));
            Assert.Equal(3, tty.Read(buf, 0, 3));
            Assert.Equal(2, tty.Read(buf, 0, 3));
            Assert.Equal(-1, tty.Read(buf, 0, 3));
        }
    
        [Fact]
        public void EchoOfArrivedInput_GathersUntilTheHostIsAskedAgain()
        {
            // A 64-byte paste read 16 bytes at a time, each chunk echoed: one write for the lot, before the next
            // host read (a write per chunk cost ~1.4 ms each through System.IO.Ports).
            var inner = new MemoryTty { Chunk = 4096, StayOpen = true }.Type(new string('x', 64));
            var tty = new CoalescingTty(inner);
            var buf = new byte[16];
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(16, tty.Read(buf, 0, 16));
                tty.Write(buf, 0, 16);
            }
            Assert.Equal(0, inner.Writes);
            tty.Read(buf, 0, 16);
            Assert.Equal((1, 64), (inner.Writes, inner.Output.Length));
        }
    }
}
