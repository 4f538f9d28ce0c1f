using System.Threading;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Tasks
{
    /// <summary>Kernel entry points that change shared state serialise on Kernel.Lock themselves, so the
    /// shell, the serial line and test threads may call them at once.</summary>
    public class ConcurrencyTests
    {
        [Fact]
        public void NewTaskAndExitTask_FromManyThreads_EveryPidUniqueAndFreed()
        {
            var k = Host();
            const int threads = 8, each = 2000;
            var seen = new int[32768];
            int failures = 0;
            var ts = new Thread[threads];
            for (int i = 0; i < threads; i++)
            {
                ts[i] = new Thread(() =>
                {
                    for (int n = 0; n < each; n++)
                    {
                        Task t = k.Tasks.NewTask(k.Init, "w", k.Tasks.RootNs, k.Tasks.RootNet);
                        if (t == null) { Interlocked.Increment(ref failures); continue; }
                        if (Interlocked.Increment(ref seen[t.Tgid]) != 1) Interlocked.Increment(ref failures);
                        k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0);
                        Interlocked.Decrement(ref seen[t.Tgid]);
                        k.Tasks.ExitTask(t, 0);
                    }
                });
                ts[i].Start();
            }
            foreach (var th in ts) th.Join();
            Assert.Equal(0, failures);
            Assert.Equal(1, k.Tasks.Count);
            int pids = k.Tasks.RootNs.Pids.Count;
            Assert.Equal(1, pids);   // init's only
            Assert.Equal(k.Board.ArenaPages, k.Pages.FreePages);
            Invariants.Check(k);
        }
    }
}
