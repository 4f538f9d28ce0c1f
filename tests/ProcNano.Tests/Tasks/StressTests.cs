using System;
using System.Collections.Concurrent;
using System.Threading;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Tasks
{
    /// <summary>
    /// Bounded concurrency stress: workers make syscalls for their own tasks (mmap, munmap, shm, files, exec,
    /// exit), readers stream /proc/maps and every /proc/&lt;pid&gt; file of tasks that come and go, one thread
    /// inserts and removes the uart module (its /proc/driver/uart with it) while another reads it. Each thread
    /// does a fixed number of rounds. It must end with no exception, no deadlock (every thread joins within a
    /// generous bound), the invariants holding and the arena as at boot. PROCNANO_STRESS_ROUNDS scales it.
    /// </summary>
    public class StressTests
    {
        private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("PROCNANO_STRESS_ROUNDS"), out int n) && n > 0 ? n : 2000;

        [Fact]
        public void SyscallsProcReadersExitsAndModules_AtOnce_NoExceptionNoDeadlock_ArenaBackAtBoot()
        {
            var k = Boot.Host();
            int free = k.Pages.FreePages;
            var errors = new ConcurrentQueue<Exception>();
            var live = new ConcurrentDictionary<int, ProcNano.Task>();
            int done = 0;
            int rounds = Rounds;

            void Guard(Action body)
            {
                try { body(); }
                catch (Exception e) { errors.Enqueue(e); }
            }

            ThreadStart Worker(int seed) => () => Guard(() =>
            {
                var rnd = new Random(seed);
                var buf = new byte[64];
                for (int i = 0; i < rounds; i++)
                {
                    ProcNano.Task t = Boot.NewTask(k, "w" + seed);
                    live[t.Tgid] = t;
                    long a = k.Sys.Mmap(t, 0, 4096 * (1 + rnd.Next(3)), Boot.RW, Boot.Anon, -1, 0);
                    if (a > 0) k.Sys.WriteMem(t, t, (uint)a, buf, 0, 16);
                    if (a > 0 && rnd.Next(2) == 0) k.Sys.Munmap(t, (uint)a, 4096);
                    int id = k.Sys.Shmget(t, 0, 4096, Shm.IPC_CREAT | 0x1B6);
                    if (id >= 0)
                    {
                        long s = k.Sys.Shmat(t, id, 0, 0);
                        k.Sys.Shmctl(t, id, Shm.IPC_RMID);
                        if (s > 0 && rnd.Next(2) == 0) k.Sys.Shmdt(t, (uint)s);
                    }
                    int fd = k.Sys.Open(t, "/tmp/s" + seed, File.O_RDWR | File.O_CREAT, 0x1A4);
                    if (fd >= 0) { k.Sys.Write(t, fd, buf, 0, buf.Length); k.Sys.Close(t, fd); }
                    int child = k.Sys.Exec(t, "/bin/hold", new[] { "hold", "1" }, 0);
                    if (child > 0) k.Sys.Kill(t, child, Syscalls.SIGKILL);
                    live.TryRemove(t.Tgid, out _);
                    k.Sys.Exit(t, 0);   // its maps, fds and attachments go while readers may have it open
                }
            });

            ThreadStart Reader(int seed) => () => Guard(() =>
            {
                var rnd = new Random(seed);
                var buf = new byte[256];
                string[] files = { "maps", "smaps", "status", "stat", "statm", "cmdline", "pagemap", "mounts" };
                while (Volatile.Read(ref done) < 3)
                {
                    string path = "/proc/maps";
                    var pids = live.Keys;
                    foreach (int pid in pids)
                    {
                        if (rnd.Next(3) == 0) { path = "/proc/" + pid + "/" + files[rnd.Next(files.Length)]; break; }
                    }
                    if (rnd.Next(8) == 0) path = "/proc/driver/uart";
                    if (rnd.Next(8) == 0) path = "/proc/meminfo";
                    int fd = k.Sys.Open(k.Init, path, File.O_RDONLY, 0);
                    if (fd < 0) continue;
                    while (k.Sys.Read(k.Init, fd, buf, 0, buf.Length) > 0) { }
                    k.Sys.Close(k.Init, fd);
                }
            });

            ThreadStart Modules() => () => Guard(() =>
            {
                while (Volatile.Read(ref done) < 3)
                {
                    k.Sys.InitModule(k.Init, "uart");
                    k.Sys.DeleteModule(k.Init, "uart");
                }
            });

            var threads = new Thread[] { new Thread(Worker(1)), new Thread(Worker(2)), new Thread(Worker(3)),
                new Thread(Reader(4)), new Thread(Reader(5)), new Thread(Modules()) };
            foreach (var th in threads) th.Start();
            for (int i = 0; i < 3; i++)
            {
                Assert.True(threads[i].Join(TimeSpan.FromMinutes(3)), "a worker did not finish: deadlock?");
                Interlocked.Increment(ref done);
            }
            for (int i = 3; i < threads.Length; i++) Assert.True(threads[i].Join(TimeSpan.FromMinutes(1)), "a reader did not finish: deadlock?");

            Assert.True(errors.IsEmpty, errors.IsEmpty ? "" : errors.Count + " exceptions, first: " + errors.ToArray()[0]);
            for (int i = 1; i <= 3; i++) k.Sys.Unlink(k.Init, "/tmp/s" + i);
            Assert.Equal(1, k.Tasks.Count);
            Assert.Equal(0, k.Shm.Count);
            Assert.Equal(free, k.Pages.FreePages);
            Invariants.Check(k);
        }
    }
}
