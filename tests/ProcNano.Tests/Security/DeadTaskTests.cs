using System.Threading;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Security
{
    /// <summary>
    /// Issue 11, finding 3: a syscall made for a task that has exited (the shell's -p PID racing the exit) used
    /// to allocate and then throw (mmap lost its pages for good), install an fd in the dead task, or start a
    /// child of a dead parent. A dead task is ESRCH everywhere, checked under the lock before anything is made.
    /// </summary>
    public class DeadTaskTests
    {
        [Fact]
        public void EverySyscall_ForAnExitedTask_ESRCH_NothingAllocated()
        {
            var k = Boot.Host();
            Task live = Boot.NewTask(k, "live");
            int id = k.Sys.Shmget(live, 0, 4096, Shm.IPC_CREAT | 0x1B6);
            Task t = Boot.NewTask(k, "dead");
            k.Sys.Exit(t, 0);
            Assert.Equal(Task.Dead, t.State);
            int free = k.Pages.FreePages, files = k.Vfs.OpenFileCount(), tasks = k.Tasks.Count, vmas = k.Mem.Vmas.Used;
            const int ESRCH = -Errno.ESRCH;
            var buf = new byte[16];
            var st = new StatInfo();

            Assert.Equal(ESRCH, k.Sys.Mmap(t, 0, 4096, Boot.RW, Boot.Anon, -1, 0));
            Assert.Equal(ESRCH, k.Sys.Mmap(live, t, 0, 4096, Boot.RW, Boot.Anon, -1, 0));
            Assert.Equal(ESRCH, k.Sys.Mmap(t, live, 0, 4096, Boot.RW, Boot.Anon, -1, 0));
            Assert.Equal(ESRCH, k.Sys.Munmap(t, 0x20000000, 4096));
            Assert.Equal(ESRCH, k.Sys.Munmap(live, t, 0x20000000, 4096));
            Assert.Equal(ESRCH, k.Sys.Shmget(t, 0, 4096, Shm.IPC_CREAT | 0x1B6));
            Assert.Equal(ESRCH, k.Sys.Shmat(t, id, 0, 0));
            Assert.Equal(ESRCH, k.Sys.Shmat(live, t, id, 0, 0));
            Assert.Equal(ESRCH, k.Sys.Shmdt(t, 0x20000000));
            Assert.Equal(ESRCH, k.Sys.Shmdt(live, t, 0x20000000));
            Assert.Equal(ESRCH, k.Sys.Shmctl(t, id, Shm.IPC_STAT));
            Assert.Equal(ESRCH, k.Sys.ReadMem(live, t, 0x20000000, buf, 0, 4));
            Assert.Equal(ESRCH, k.Sys.ReadMem(t, live, 0x20000000, buf, 0, 4));
            Assert.Equal(ESRCH, k.Sys.WriteMem(live, t, 0x20000000, buf, 0, 4));

            Assert.Equal(ESRCH, k.Sys.Open(t, "/tmp/x", File.O_WRONLY | File.O_CREAT, 0x1A4));
            Assert.Equal(ESRCH, k.Sys.Open(t, "/proc/meminfo", File.O_RDONLY, 0));
            Assert.Equal(ESRCH, k.Sys.Close(t, 0));
            Assert.Equal(ESRCH, k.Sys.Read(t, 0, buf, 0, 4));
            Assert.Equal(ESRCH, k.Sys.Write(t, 0, buf, 0, 4));
            Assert.Equal(ESRCH, k.Sys.Lseek(t, 0, 0, 0));
            Assert.Equal(ESRCH, k.Sys.Stat(t, "/", st));
            Assert.Equal(ESRCH, k.Sys.Lstat(t, "/", st));
            Assert.Equal(ESRCH, k.Sys.Fstat(t, 0, st));
            Assert.Equal(ESRCH, k.Sys.ReadDir(t, 0, 0, out _, out _));
            Assert.Equal(ESRCH, k.Sys.Mkdir(t, "/tmp/d", 0x1ED));
            Assert.Equal(ESRCH, k.Sys.Rmdir(t, "/tmp"));
            Assert.Equal(ESRCH, k.Sys.Unlink(t, "/tmp/x"));
            Assert.Equal(ESRCH, k.Sys.Symlink(t, "/", "/tmp/l"));
            Assert.Equal(ESRCH, k.Sys.Truncate(t, "/tmp/x", 0));
            Assert.Null(k.Sys.ReadLink(t, "/proc/self", out int err));
            Assert.Equal(ESRCH, err);
            Assert.Equal(ESRCH, k.Sys.Chdir(t, "/tmp"));
            Assert.Equal(ESRCH, k.Sys.Mount(t, "none", "/tmp", "ramfs"));
            Assert.Equal(ESRCH, k.Sys.Umount(t, "/flash"));

            Assert.Equal(ESRCH, k.Sys.Exec(t, "/bin/hold", new[] { "hold", "1" }, 0));
            Assert.Equal(ESRCH, k.Sys.SpawnEmpty(t, "sh"));
            Assert.Equal(ESRCH, k.Sys.Kill(t, 1, 0));
            Assert.Null(k.Sys.FindTask(t, 1));
            Assert.Equal(ESRCH, k.Sys.Setuid(t, 0));
            Assert.Equal(ESRCH, k.Sys.Setgid(t, 0));
            Assert.Equal(ESRCH, k.Sys.TaskAt(t, 0, new TaskInfo()));
            Assert.Equal(ESRCH, k.Sys.InitModule(t, "uart"));
            Assert.Equal(ESRCH, k.Sys.DeleteModule(t, "uart"));
            k.Sys.Exit(t, 1);   // again: nothing happens

            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(files, k.Vfs.OpenFileCount());
            Assert.Equal(tasks, k.Tasks.Count);
            Assert.Equal(vmas, k.Mem.Vmas.Used);
            Assert.Equal(0, t.Fds.Size);
            Invariants.Check(k);
        }

        [Fact]
        public void DashP_RacingTheTargetsExit_NoException_ArenaBackAtBoot()
        {
            var k = Boot.Host();
            Task caller = Boot.NewTask(k, "caller");
            int free = k.Pages.FreePages;
            int id = k.Sys.Shmget(caller, 0, 4096, Shm.IPC_CREAT | 0x1B6);
            for (int round = 0; round < 200; round++)
            {
                Task target = Boot.NewTask(k, "target");
                var go = new ManualResetEventSlim();
                System.Exception failure = null;
                var worker = new Thread(() =>
                {
                    try
                    {
                        go.Wait();
                        for (int i = 0; i < 50; i++)
                        {
                            long a = k.Sys.Mmap(caller, target, 0, 4096, Boot.RW, Boot.Anon, -1, 0);
                            if (a < 0) Assert.Equal(-Errno.ESRCH, a);
                            long s = k.Sys.Shmat(caller, target, id, 0, 0);
                            if (s < 0) Assert.Equal(-Errno.ESRCH, s);
                            int e = k.Sys.Open(target, "/proc/meminfo", File.O_RDONLY, 0);
                            if (e < 0) Assert.Equal(-Errno.ESRCH, e);
                            int c = k.Sys.Exec(target, "/bin/hold", new[] { "hold", "1" }, 0);
                            if (c < 0) Assert.Equal(-Errno.ESRCH, c);
                            else k.Sys.Kill(caller, c, Syscalls.SIGKILL);
                        }
                    }
                    catch (System.Exception ex) { failure = ex; }
                });
                worker.Start();
                go.Set();
                Thread.SpinWait(round * 50);
                k.Sys.Kill(caller, target.Pid.NrIn(caller.PidNs), Syscalls.SIGKILL);
                worker.Join();
                Assert.Null(failure);
                Assert.Equal(Task.Dead, target.State);
            }
            k.Sys.Shmctl(caller, id, Shm.IPC_RMID);
            Assert.Equal(2, k.Tasks.Count);
            Assert.Equal(free, k.Pages.FreePages);
            Invariants.Check(k);
        }
    }
}
