using System.Linq;
using System.Text;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.SyscallFacade
{
    /// <summary>The system-wide calls the shell makes instead of reading kernel objects: uname, clocks, the log,
    /// modules, the task list, and the console's empty task.</summary>
    public class SystemCallTests
    {
        [Fact]
        public void Uname_GivesTheHostnameSysctlSet_AndTheBoardAsMachine()
        {
            var k = Boot.Host(pages: 16);
            var u = new Utsname();
            k.Sys.Uname(k.Init, u);
            Assert.Equal(("Linux", Version.Release, k.Board.Name), (u.Sysname, u.Release, u.Machine));
            k.Uts.Hostname = "bench7";
            k.Sys.Uname(k.Init, u);
            Assert.Equal("bench7", u.Nodename);
        }

        [Fact]
        public void ClockMs_BoottimeIsTheUptime_RealtimeTheEpoch_OtherClocksEinval()
        {
            var k = Boot.Host(pages: 16);
            long boot = k.Sys.ClockMs(k.Init, Syscalls.CLOCK_BOOTTIME);
            Assert.InRange(boot, 0, k.Platform.UptimeMs);
            Assert.InRange(k.Sys.ClockMs(k.Init, Syscalls.CLOCK_REALTIME) / 1000 - k.Platform.UnixTime, -2, 0);
            Assert.Equal(-Errno.EINVAL, k.Sys.ClockMs(k.Init, 1));
        }

        [Fact]
        public void LogWrite_ThenReadLog_GivesTheLineBack_FromTheOldestPositionHeld()
        {
            var k = Boot.Host(pages: 16);
            k.Sys.LogWrite(k.Init, "hello from user space");
            long start = k.Sys.LogStart(k.Init), end = k.Sys.LogEnd(k.Init);
            var buf = new byte[end - start];
            // A position before the oldest byte reads from that byte, as syslog's READ_ALL does.
            Assert.Equal(buf.Length, k.Sys.ReadLog(k.Init, start - 100, buf, 0, buf.Length));
            Assert.EndsWith("hello from user space\n", Encoding.ASCII.GetString(buf));
            Assert.Equal(0, k.Sys.ReadLog(k.Init, end, buf, 0, buf.Length));
        }

        [Fact]
        public void InitModule_NeedsRoot_DeleteModule_UnloadsIt()
        {
            var k = Boot.Host(pages: 16);
            var user = Boot.NewTask(k, "user", uid: 1000);
            const string name = "uart";
            if (k.Modules.Get(name)) Assert.Equal(0, k.Sys.DeleteModule(k.Init, name));
            Assert.Equal(-Errno.EPERM, k.Sys.InitModule(user, name));
            Assert.Equal(0, k.Sys.InitModule(k.Init, name));
            Assert.Equal(-Errno.EEXIST, k.Sys.InitModule(k.Init, name));
            Assert.Equal(-Errno.EPERM, k.Sys.DeleteModule(user, name));
            Assert.Equal(0, k.Sys.DeleteModule(k.Init, name));
            Assert.Equal(-Errno.ENOENT, k.Sys.InitModule(k.Init, "no_such_module"));
        }

        [Fact]
        public void TaskAt_WalksEveryVisibleTask_WithStatsFigures()
        {
            var k = Boot.Host(pages: 64);
            int pid = k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "2" }, 0);
            Assert.True(pid > 0);
            var info = new TaskInfo();
            var seen = new System.Collections.Generic.List<(int, int, long, long, string)>();
            for (int next = k.Sys.TaskAt(k.Init, 0, info); next > 0; next = k.Sys.TaskAt(k.Init, next, info))
                seen.Add((info.Pid, info.Ppid, info.VszBytes, info.RssBytes, info.Cmdline));
            Assert.Equal(k.Tasks.Count, seen.Count);
            var hold = seen.Single(s => s.Item1 == pid);
            Task t = k.Sys.FindTask(k.Init, pid);
            Assert.Equal(1, hold.Item2);
            Assert.Equal(k.Mem.VSize(t.Mm), hold.Item3);
            Assert.Equal(k.Mem.ResidentPages(t.Mm) * k.Board.PageSize, hold.Item4);
            Assert.Equal("hold" + Task.ArgEnd + "2" + Task.ArgEnd, hold.Item5);
        }

        [Fact]
        public void TaskAt_InANewPidNamespace_SeesOnlyItsTasks_NumberedFromOne()
        {
            var k = Boot.Host(pages: 64);
            var ns = new PidNamespace(k.Tasks.RootNs, 100);
            var inner = k.Tasks.NewTask(k.Init, "inner", ns, k.Tasks.RootNet);
            var info = new TaskInfo();
            int next = k.Sys.TaskAt(inner, 0, info);
            Assert.True(next > 0);
            Assert.Equal((1, "inner"), (info.Pid, info.Comm));
            Assert.Equal(0, k.Sys.TaskAt(inner, next, info));
        }

        [Fact]
        public void SpawnEmpty_GivesAChildWithNoMappings_EagainWhenPidsRunOut()
        {
            var k = Boot.Host(pages: 16);
            int pid = k.Sys.SpawnEmpty(k.Init, "sh");
            Task t = k.Sys.FindTask(k.Init, pid);
            Assert.Equal(("sh", 0), (t.Comm, t.Mm.Vmas.Count));
            Assert.Same(k.Init, t.Parent);
            int r;
            do r = k.Sys.SpawnEmpty(k.Init, "x"); while (r > 0);
            Assert.Equal(-Errno.EAGAIN, r);
        }
    }
}
