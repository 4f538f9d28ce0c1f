using System;
using System.Collections.Generic;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    /// <summary>Random sequences of mmap/munmap/shmat/shmdt/exec/exit across tasks, checking the global
    /// invariants after every step and that the arena is back to its boot state at the end.</summary>
    public class RandomisedTests
    {
        [Theory]
        [InlineData(1, 1)]
        [InlineData(2, 0)]
        [InlineData(3, 2)]
        [InlineData(4, 1)]
        [InlineData(5, 1)]
        public void RandomOps_InvariantsHold_ArenaRestored(int seed, int nrTrim)
        {
            var k = Host(pages: 128, nrTrim: nrTrim);
            var rnd = new Random(seed);
            int bootFree = k.Pages.FreePages;
            var tasks = new List<Task>();
            var maps = new List<(Task t, uint a, long len)>();
            var shms = new List<(Task t, uint a)>();
            var ids = new List<int>();
            for (int step = 0; step < 600; step++)
            {
                int op = rnd.Next(10);
                if (tasks.Count == 0 || op == 0)
                {
                    if (tasks.Count < 6) tasks.Add(Spawn(k, rnd, tasks.Count));
                    continue;
                }
                var t = tasks[rnd.Next(tasks.Count)];
                switch (op)
                {
                    case 1: case 2: case 3:
                    {
                        long len = rnd.Next(1, 6 * 4096);
                        long a = k.Sys.Mmap(t, 0, len, RW, Anon, -1, 0);
                        if (a > 0) maps.Add((t, (uint)a, len)); else Assert.Equal(-Errno.ENOMEM, a);
                        break;
                    }
                    case 4:
                    {
                        var mine = maps.FindAll(x => x.t == t);
                        if (mine.Count == 0) break;
                        var m = mine[rnd.Next(mine.Count)];
                        // Sometimes punch or trim a page, sometimes remove it all.
                        int pages = (int)((m.len + 4095) / 4096);
                        if (pages >= 3 && rnd.Next(2) == 0)
                        {
                            int p = rnd.Next(pages - 1);
                            Assert.Equal(0, k.Sys.Munmap(t, m.a + (uint)p * 4096, 4096));
                        }
                        else
                        {
                            int r = k.Sys.Munmap(t, m.a, m.len);
                            Assert.True(r == 0 || r == -Errno.EINVAL); // EINVAL: an earlier punch split it
                        }
                        maps.Remove(m);
                        break;
                    }
                    case 5:
                    {
                        if (ids.Count == 0 || rnd.Next(3) == 0)
                        {
                            int id = k.Sys.Shmget(t, rnd.Next(1, 4), rnd.Next(1, 3 * 4096), Shm.IPC_CREAT | 0x1B6);
                            if (id >= 0 && !ids.Contains(id)) ids.Add(id);
                        }
                        if (ids.Count > 0)
                        {
                            long a = k.Sys.Shmat(t, ids[rnd.Next(ids.Count)], 0, 0);
                            if (a > 0) shms.Add((t, (uint)a));
                        }
                        break;
                    }
                    case 6:
                    {
                        var mine = shms.FindAll(x => x.t == t);
                        if (mine.Count == 0) break;
                        var s = mine[rnd.Next(mine.Count)];
                        Assert.Equal(0, k.Sys.Shmdt(t, s.a));
                        shms.Remove(s);
                        break;
                    }
                    case 7:
                        if (ids.Count > 0)
                        {
                            int id = ids[rnd.Next(ids.Count)];
                            if (k.Sys.Shmctl(t, id, Shm.IPC_RMID) == 0) ids.Remove(id);
                        }
                        break;
                    case 8:
                        ExecOrNothing(k, t, rnd);
                        break;
                    case 9:
                        k.Sys.Exit(t, 0);
                        tasks.Remove(t);
                        maps.RemoveAll(x => x.t == t);
                        shms.RemoveAll(x => x.t == t);
                        break;
                }
                Invariants.Check(k);
            }
            foreach (var t in tasks) k.Sys.Exit(t, 0);
            foreach (var id in ids) k.Sys.Shmctl(k.Init, id, Shm.IPC_RMID);
            foreach (var t in SpawnedByExec) k.Sys.Exit(t, 0);
            Invariants.Check(k);
            Assert.Equal(bootFree, k.Pages.FreePages);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
            Assert.Equal(0, k.Mem.Regions.Count);
            Assert.Equal(0, k.Mem.Regions.Used);
            Assert.Equal(0, k.Mem.Vmas.Used);
            Assert.Equal(0, k.Shm.Count);
        }

        private readonly List<Task> SpawnedByExec = new List<Task>();

        private static Task Spawn(Kernel k, Random rnd, int n) => NewTask(k, "t" + n, uid: 0);

        private void ExecOrNothing(Kernel k, Task t, Random rnd)
        {
            string[] progs = { "/bin/hold", "/bin/true", "/bin/shmdemo" };
            string p = progs[rnd.Next(progs.Length)];
            int pid = k.Sys.Exec(t, p, new[] { p, "2" }, 0);
            if (pid > 0)
            {
                var child = k.Sys.FindTask(t, pid);
                if (child != null) SpawnedByExec.Add(child);
            }
            else Assert.True(pid == -Errno.ENOMEM || pid == -Errno.ENOSYS || pid == -Errno.ENOENT, pid.ToString());
        }
    }
}
