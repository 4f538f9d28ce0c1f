using System.Threading;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Lib
{
    /// <summary>The debug lock-order check (LockOrder, LockOrderWatch) that every test runs under.</summary>
    public class LockOrderTests
    {
        [Fact]
        public void TheWatchIsInstalledForTheTestRun() => Assert.IsType<LockOrderWatch>(LockOrder.Watch);

        [Fact]
        public void TakingTheKernelLock_InsideTheProcTreesLock_IsCaught()
        {
            var k = Boot.Host(pages: 16);
            var st = new StatInfo();
            LockOrder.Check(k.Proc, LockOrder.ProcTreeRank);
            lock (k.Proc)
            {
                // stat takes the big kernel lock, which nests outside the proc tree's, never inside.
                Assert.Throws<LockOrderViolation>(() => k.Sys.Stat(k.Init, "/proc", st));
            }
            Assert.False(Monitor.IsEntered(k.Lock));
        }

        [Fact]
        public void TheDocumentedOrder_KernelThenProcTreeThenLog_Passes()
        {
            var k = Boot.Host(pages: 16);
            lock (k.Lock)
            {
                LockOrder.Check(k.Proc, LockOrder.ProcTreeRank);
                lock (k.Proc) k.Log.Print("nested the right way");
                Assert.Equal(0, k.Sys.Stat(k.Init, "/proc", new StatInfo()));   // re-taking a held lock is fine
            }
        }

        [Fact]
        public void TwoLeaves_NestedInEachOther_AreCaught()
        {
            var k = Boot.Host(pages: 16);
            LockOrder.Check(k.Uart.Stats, LockOrder.LeafRank);
            lock (k.Uart.Stats)
                Assert.Throws<LockOrderViolation>(() => k.Log.Print("the log inside the uart counters"));
        }
    }
}
