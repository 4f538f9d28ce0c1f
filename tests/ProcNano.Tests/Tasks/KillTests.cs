using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Tasks
{
    /// <summary>kill(2)'s pid forms as kill_something_info reads them, and pid numbers after the wrap.</summary>
    public class KillTests
    {
        private static Task Run(Kernel k, Task parent, string arg)
        {
            int pid = k.Sys.Exec(parent, "/bin/hold", new[] { "hold", arg }, 0);
            Assert.True(pid > 0, Errno.StrError(pid));
            return k.Sys.FindTask(parent, pid);
        }

        [Fact]
        public void KillZero_SignalsTheCallersGroup_AndOnlyIt()
        {
            var k = Host();
            Task sessionA = NewTask(k, "sh"), sessionB = NewTask(k, "sh");   // children of init: two groups
            Task a1 = Run(k, sessionA, "1"), a2 = Run(k, a1, "1"), b1 = Run(k, sessionB, "1");
            Assert.Same(sessionA, a2.GroupLeader);
            Assert.Equal(0, k.Sys.Kill(a1, 0, Syscalls.SIGTERM));
            Assert.Equal(Task.Dead, sessionA.State);   // the caller's group includes its leader and the caller
            Assert.Equal(Task.Dead, a1.State);
            Assert.Equal(Task.Dead, a2.State);
            Assert.NotEqual(Task.Dead, b1.State);
            Assert.NotEqual(Task.Dead, sessionB.State);
        }

        [Fact]
        public void KillMinusPgid_SignalsThatGroup_UnknownGroupEsrch()
        {
            var k = Host();
            Task sessionA = NewTask(k, "sh"), sessionB = NewTask(k, "sh");
            Task a1 = Run(k, sessionA, "1"), b1 = Run(k, sessionB, "1");
            int pgid = sessionA.Pid.NrIn(k.Tasks.RootNs);
            Assert.Equal(0, k.Sys.Kill(sessionB, -pgid, 0));   // signal 0: checks only
            Assert.NotEqual(Task.Dead, a1.State);
            Assert.Equal(0, k.Sys.Kill(sessionB, -pgid, Syscalls.SIGKILL));
            Assert.Equal(Task.Dead, a1.State);
            Assert.Equal(Task.Dead, sessionA.State);
            Assert.NotEqual(Task.Dead, b1.State);
            Assert.Equal(-Errno.ESRCH, k.Sys.Kill(sessionB, -999, Syscalls.SIGKILL));
        }

        [Fact]
        public void KillMinusOne_AllButInitAndItself_EpermOnesStillCount()
        {
            var k = Host();
            Task user = NewTask(k, "sh", 1000, 1000);
            Task mine = Run(k, user, "1");
            Task roots = Run(k, k.Init, "1");
            Assert.Equal(0, k.Sys.Kill(user, -1, Syscalls.SIGTERM));   // EPERM on root's task is not an error
            Assert.Equal(Task.Dead, mine.State);
            Assert.NotEqual(Task.Dead, roots.State);
            Assert.NotEqual(Task.Dead, user.State);                    // never the caller
            Assert.NotEqual(Task.Dead, k.Init.State);

            Task root = NewTask(k, "sh");
            Assert.Equal(0, k.Sys.Kill(root, -1, Syscalls.SIGKILL));
            Assert.Equal(Task.Dead, roots.State);
            Assert.Equal(Task.Dead, user.State);
            Assert.NotEqual(Task.Dead, root.State);
            Assert.Equal(-Errno.ESRCH, k.Sys.Kill(root, -1, Syscalls.SIGKILL));   // nobody left but init and itself
        }

        [Fact]
        public void Pids_AfterPidMax_StartOverAt300()
        {
            var k = Boot.Board(new BoardConfig { ArenaPages = 64, PidMax = 400 });
            Task keep = NewTask(k, "low");                               // pid 2 stays taken, 3.. come free
            for (int i = 3; i < 400; i++) k.Tasks.ExitTask(NewTask(k, "t"), 0);
            Task wrapped = NewTask(k, "wrapped");
            Assert.Equal(300, wrapped.Pid.NrIn(k.Tasks.RootNs));         // not 3: RESERVED_PIDS
            Assert.Equal(301, NewTask(k, "next").Pid.NrIn(k.Tasks.RootNs));
            Assert.Equal(2, keep.Pid.NrIn(k.Tasks.RootNs));
            Assert.Equal("400\n", System.Text.Encoding.ASCII.GetString(Files.Read(k, k.Init, "/proc/sys/kernel/pid_max")));
        }

        [Fact]
        public void ShellKill_DashDashMinusOne_IsAPid()
        {
            var h = new ProcNano.Tests.Shell.ShellHarness();
            Assert.Equal(0, h.Run("exec /bin/hold 1", out string pid));
            Task held = h.K.Sys.FindTask(h.K.Init, int.Parse(pid.Trim()));
            Assert.Equal(0, h.Run("kill -- -1", out string o));
            Assert.Equal("", o);
            Assert.Equal(Task.Dead, held.State);
        }
    }
}
