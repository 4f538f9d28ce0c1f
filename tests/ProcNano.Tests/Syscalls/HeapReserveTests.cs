using ProcNano;
using ProcNano.HostSim;
using Xunit;
using KFile = ProcNano.File;

namespace ProcNano.Tests.SyscallFacade
{
    /// <summary>On a device board the calls that make kernel objects answer ENOMEM while the heap is under the
    /// reserve, before allocating: here the simulator's platform, whose heap is the board's less the model.</summary>
    public class HeapReserveTests
    {
        // A device board whose heap leaves `spare` bytes beyond what the kernel's model says it uses at boot.
        private static Kernel DeviceWithSpare(long spare)
        {
            var probe = Boot.Host(pages: 16);
            var board = new BoardConfig { ArenaPages = 16, PageSize = 4096, ManagedHeap = (int)(probe.ModelBytes + spare) };
            var platform = HostPlatform.WithTempFlash();
            platform.ModelDeviceHeap(board.ManagedHeap);
            var k = Boot.Board(board, platform);
            platform.AttachModel(() => k.ModelBytes);
            return k;
        }

        [Fact]
        public void HeapUnderTheReserve_ObjectMakingCallsAnswerEnomem_NothingMade()
        {
            var k = DeviceWithSpare(Syscalls.HeapReserve / 2);
            int tasks = k.Tasks.Count;
            Assert.Equal(-Errno.ENOMEM, k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0));
            Assert.Equal(tasks, k.Tasks.Count);
            Assert.Equal(-Errno.ENOMEM, k.Sys.Mkdir(k.Init, "/tmp/d", 0x1ED));
            Assert.Equal(-Errno.ENOMEM, k.Sys.Open(k.Init, "/tmp/f", KFile.O_CREAT | KFile.O_WRONLY, 0x1A4));
            Assert.Equal(-Errno.ENOMEM, k.Sys.Shmget(k.Init, 7, 4096, 0x200 | 0x1B6));   // IPC_CREAT | 0666
            // What makes nothing still works: reading a file, /proc.
            int fd = k.Sys.Open(k.Init, "/proc/meminfo", KFile.O_RDONLY, 0);
            Assert.True(fd >= 0, Errno.StrError(fd));
            Assert.Equal(0, k.Sys.Close(k.Init, fd));
        }

        /// <summary>The exec's emergency block: a device board holds none at rest, an exec (one that works, one
        /// whose program fails) leaves none held and no more tasks than it made; the host board has none.</summary>
        [Fact]
        public void EmergencyHeap_HeldOnlyWhileAnExecRuns_NoneOnTheHost()
        {
            var k = DeviceWithSpare(100000);
            Assert.Equal(EmergencyHeap.DeviceSize, k.Mem.Emergency.Size);
            Assert.False(k.Mem.Emergency.Held);
            int tasks = k.Tasks.Count;
            Assert.True(k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0) > 0);
            Assert.False(k.Mem.Emergency.Held);
            Assert.Equal(-Errno.ENOENT, k.Sys.Exec(k.Init, "/bin/mapfile", new[] { "mapfile", "/nosuch" }, 0));
            Assert.False(k.Mem.Emergency.Held);
            Assert.Equal(tasks + 1, k.Tasks.Count);
            Assert.Equal(0, Boot.Host(pages: 16).Mem.Emergency.Size);
        }

        [Fact]
        public void EmergencyHeap_ArmHolds_ReleaseDropsAndCollects_DisarmDrops()
        {
            var platform = new CountingPlatform();
            var e = new EmergencyHeap();
            Assert.True(e.Arm());   // size 0: nothing to hold, nothing refused
            Assert.False(e.Held);
            e.Use(1024, platform);
            Assert.True(e.Arm());
            Assert.True(e.Held);
            e.Release();
            Assert.False(e.Held);
            Assert.Equal(1, platform.HeapQueries);   // the query is what runs nanoCLR's collector
            Assert.True(e.Arm());
            e.Disarm();
            Assert.False(e.Held);
            Assert.Equal(1, platform.HeapQueries);
        }

        private sealed class CountingPlatform : IPlatform
        {
            public int HeapQueries;
            public long UptimeMs => 0;
            public long UnixTime => 0;
            public IStorage Flash => null;
            public long ManagedHeapTotal => -1;
            public long ManagedHeapFree { get { HeapQueries++; return -1; } }
        }

        [Fact]
        public void HeapOverTheReserve_TheSameCallsWork()
        {
            var k = DeviceWithSpare(100000);
            Assert.True(k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0) > 0);
            Assert.Equal(0, k.Sys.Mkdir(k.Init, "/tmp/d", 0x1ED));
            Assert.True(k.Sys.Open(k.Init, "/tmp/f", KFile.O_CREAT | KFile.O_WRONLY, 0x1A4) >= 0);
        }
    }
}
