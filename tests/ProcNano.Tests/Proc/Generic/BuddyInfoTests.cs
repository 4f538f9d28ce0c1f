using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    public class BuddyInfoTests
    {
        private static string Expected(params int[] counts)
        {
            return "Node 0, zone   Normal " + string.Concat(counts.Select(c => c.ToString().PadLeft(6) + " ")) + "\n";
        }

        [Fact]
        public void FreshArena_OneBlockOfTheArenaSize()
        {
            var k = Boot(256);
            Assert.Equal(Expected(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0), Cat(k, k.Init, "/proc/buddyinfo"));
        }

        [Fact]
        public void ThreePageMap_SplitsDownToOrder2_TrimmedPageIsOrder0()
        {
            var k = Boot(256);
            var t = Tests.Boot.NewTask(k, "a");
            Assert.True(k.Sys.Mmap(t, 0, 3 * 4096, Vm.PROT_READ | Vm.PROT_WRITE, Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS, -1, 0) > 0);
            // 256 = 4 (taken: 3 used + 1 trimmed back) + 4 + 8 + 16 + 32 + 64 + 128
            Assert.Equal(Expected(1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0), Cat(k, t, "/proc/buddyinfo"));
        }

        [Fact]
        public void ArenaLargerThanMaxOrder_SeveralTopBlocks()
        {
            var k = Boot(3 * 1024 + 5, 256);
            // 3 blocks of order 10, then 4 + 1 pages.
            Assert.Equal(Expected(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3), Cat(k, k.Init, "/proc/buddyinfo"));
        }
    }
}
