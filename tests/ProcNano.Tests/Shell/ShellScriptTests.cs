using System.Linq;
using ProcNano;
using Xunit;
using KShell = ProcNano.Shell;

namespace ProcNano.Tests.Shell
{
    /// <summary>The environment (export, env, /proc/&lt;pid&gt;/environ), scripts (source, sh FILE) and background
    /// jobs (&amp;, wait, jobs) as the shell and the kernel give them.</summary>
    public class ShellScriptTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        private int Pid(string output) => int.Parse(output.Trim().Split(' ').Last());

        [Fact]
        public void Export_PutsVariablesInTheEnvironment_EnvListsIt_PlainVariablesStayOut()
        {
            Assert.Equal("", _h.Out("env"));
            _h.Out("A=1; export B=two; export A; C=3");
            Assert.Equal("A=1\nB=two\n", string.Concat(_h.Out("env").Split('\n').Where(l => l.Length > 0).OrderBy(l => l).Select(l => l + "\n")));
            Assert.Contains("export B='two'\n", _h.Out("export"));
            Assert.Equal(1, _h.Run("export 1X=y", out string o));
            Assert.Equal("export: '1X=y': not a valid identifier\n", o);
        }

        [Fact]
        public void AProgramStartedAfterExport_ShowsItsEnvironment_NulSeparated()
        {
            _h.Out("export GREETING='hello world'; export EMPTY=");
            int pid = Pid(_h.Out("exec /bin/hold 1"));
            Assert.Equal("GREETING=hello world\0EMPTY=\0", _h.Out("cat /proc/" + pid + "/environ"));
            // The environment shares the task's one string with the arguments: nothing of it shows as an argument.
            Assert.Equal("/bin/hold\0" + "1\0", _h.Out("cat /proc/" + pid + "/cmdline"));
            Assert.Equal("hold\n", _h.Out("cat /proc/" + pid + "/comm"));
            Assert.Contains(" /bin/hold 1\n", _h.Out("ps"));
            Task t = _h.K.Sys.FindTask(_h.K.Init, pid);
            Assert.Equal(new[] { "/bin/hold", "1" }, t.Argv);
            t.Argv = new[] { "renamed" };
            Assert.Equal("GREETING=hello world\0EMPTY=\0", _h.Out("cat /proc/" + pid + "/environ"));
            Assert.Equal("renamed\0", _h.Out("cat /proc/" + pid + "/cmdline"));
            // Started before any export: an empty file.
            var h2 = new ShellHarness();
            int p2 = Pid(h2.Out("exec /bin/hold 1"));
            Assert.Equal("", h2.Out("cat /proc/" + p2 + "/environ"));
        }

        [Fact]
        public void Environ_Is0400_AndPtraceChecked_LikeLinux()
        {
            _h.Out("export K=v");
            int pid = Pid(_h.Out("exec /bin/hold 1"));
            Assert.StartsWith("-r--------", _h.Out("ls -l /proc/" + pid + "/environ"));
            _h.Out("su 1000");
            Assert.Equal(1, _h.Run("cat /proc/" + pid + "/environ", out string o));
            Assert.Equal(ShellHarness.Error("cat", "/proc/" + pid + "/environ", Errno.EACCES), o);
        }

        [Fact]
        public void Exec_RefusesAnEnvironmentPastTheLimit_E2BIG()
        {
            var sys = _h.K.Sys;
            string big = "X=" + new string('x', ProcNano.Task.EnvironMax);
            Assert.Equal(-Errno.E2BIG, sys.Exec(_h.Task, "/bin/hold", new[] { "hold" }, new[] { big }, 0));
            Assert.True(sys.Exec(_h.Task, "/bin/hold", new[] { "hold" }, new[] { "X=1" }, 0) > 0);
            // Through the shell: exported values count.
            _h.Out("export A=" + new string('a', 600));
            _h.Out("export B=" + new string('b', 600));
            Assert.Equal(1, _h.Run("exec /bin/hold", out string o));
            Assert.Equal(ShellHarness.Error("exec", "/bin/hold", Errno.E2BIG), o);
        }

        [Fact]
        public void Background_PrintsJobAndPid_JobsListsIt_KillThenWaitGivesItsStatus()
        {
            Assert.Equal(0, _h.Run("exec /bin/hold 1 &", out string o));
            Assert.Matches(@"^\[1\] \d+\n$", o);
            int pid = Pid(o);
            Assert.Equal(pid + "\n", _h.Out("echo $!"));
            Assert.Equal("[1]  Running  " + pid + " /bin/hold 1\n", _h.Out("jobs"));
            _h.Out("kill " + pid);
            Assert.Equal(143, _h.Run("wait " + pid, out o));
            Assert.Equal("", o);
            Assert.Equal("", _h.Out("jobs"));
            // Reaped once: a second wait finds no such child.
            Assert.Equal(127, _h.Run("wait " + pid, out o));
            Assert.Equal("wait: pid " + pid + " is not a child of this shell\n", o);
        }

        [Fact]
        public void Jobs_ReportsAnEndedJobOnce()
        {
            int pid = Pid(_h.Out("exec /bin/true &"));   // true exits at once
            Assert.Equal("[1]  Done     " + pid + "\n", _h.Out("jobs"));
            Assert.Equal("", _h.Out("jobs"));
            pid = Pid(_h.Out("exec /bin/hold &"));
            _h.Out("kill -9 " + pid);
            Assert.Equal("[1]  Exit 137 " + pid + "\n", _h.Out("jobs"));
        }

        [Fact]
        public void Wait_WithoutOperands_ReapsAll_NoChildrenIsStatus0()
        {
            Assert.Equal(0, _h.Run("wait", out string o));
            int a = Pid(_h.Out("exec /bin/hold &")), b = Pid(_h.Out("exec /bin/true &"));
            _h.Out("kill " + a);
            Assert.Equal(0, _h.Run("wait", out o));
            Assert.Equal(-Errno.ECHILD, _h.K.Sys.Wait(_h.Task, -1, out _));
        }

        [Fact]
        public void Wait_ForARunningJob_InAScript_SaysSo_InsteadOfHanging()
        {
            int pid = Pid(_h.Out("exec /bin/hold &"));
            Assert.Equal(127, _h.Run("wait " + pid, out string o));
            Assert.Equal("wait: " + pid + ": still running, and no terminal to interrupt the wait\n", o);
            Assert.Equal(0, _h.K.Sys.Wait(_h.Task, pid, out _));   // still a child, still running
        }

        [Fact]
        public void Wait_OnATerminal_BlocksUntilCtrlC()
        {
            var tty = new MemoryTty();
            var ld = new LineDiscipline(tty) { Echo = true, OutputCrlf = false };
            var sh = new KShell(_h.K.Sys, Getty.NewShellTask(_h.K.Sys), ld, 256);
            sh.Execute("exec /bin/hold &");
            tty.Type("abc\x03");
            Assert.Equal(130, sh.Execute("wait"));
            Assert.EndsWith("^C\r\n", tty.Output);
        }

        [Fact]
        public void Syscall_Wait_ECHILD_ForNoChild_OrAnotherTasksChild_OrAProcessGroup()
        {
            var sys = _h.K.Sys;
            Assert.Equal(-Errno.ECHILD, sys.Wait(_h.Task, -1, out _));
            var other = Getty.NewShellTask(sys);
            int pid = sys.Exec(other, "/bin/true", new[] { "true" }, 0);
            Assert.Equal(-Errno.ECHILD, sys.Wait(_h.Task, pid, out _));
            Assert.Equal(pid, sys.Wait(other, pid, out int code));
            Assert.Equal(0, code);
            Assert.Equal(-Errno.ECHILD, sys.Wait(_h.Task, 0, out _));
        }

        [Fact]
        public void Zombies_AreBounded_AndGoWithTheirParent()
        {
            var sys = _h.K.Sys;
            var parent = Getty.NewShellTask(sys);
            for (int i = 0; i < TaskTable.MaxZombies + 5; i++) sys.Exec(parent, "/bin/true", new[] { "true" }, 0);
            Assert.Equal(TaskTable.MaxZombies, _h.K.Tasks.ZombieCount);
            sys.Exit(parent, 0);
            Assert.Equal(0, _h.K.Tasks.ZombieCount);
        }

        [Fact]
        public void AFailedExec_LeavesNoChildToWaitFor()
        {
            // mapfile's routine fails (no such file) after its task was made: exec tears the task down.
            Assert.Equal(1, _h.Run("exec /bin/mapfile /nonexistent", out string o));
            Assert.Equal(ShellHarness.Error("exec", "/bin/mapfile", Errno.ENOENT), o);
            Assert.Equal(-Errno.ECHILD, _h.K.Sys.Wait(_h.Task, -1, out _));
        }

        [Fact]
        public void Builtin_WithAmpersand_RunsInTheForeground()
        {
            Assert.Equal("x\n", _h.Out("echo x &"));
            Assert.Equal("y\n", _h.Out("echo x > /tmp/o & echo y"));
            Assert.Equal("x\n", _h.Out("cat /tmp/o"));
        }

        [Fact]
        public void Source_RunsInThisShell_ItsVariablesStay()
        {
            _h.Out("echo 'S=sourced; echo in $$' > /tmp/s.sh");
            Assert.Equal("in " + _h.K.Sys.Getpid(_h.Task) + "\n", _h.Out("source /tmp/s.sh"));
            Assert.Equal("sourced\n", _h.Out("echo $S"));
            Assert.Equal("in " + _h.K.Sys.Getpid(_h.Task) + "\n", _h.Out(". /tmp/s.sh"));
            Assert.Equal(1, _h.Run("source /tmp/none", out string o));
            Assert.Equal(ShellHarness.Error("source", "/tmp/none", Errno.ENOENT), o);
        }

        [Fact]
        public void Sh_RunsAScriptInAChildShellTask_ItsOwnVariablesAndStatus_ExportsGoIn()
        {
            _h.Out("export E=exported; L=local");
            _h.Out("echo 'echo pid $$ e=$E l=$L; C=child; exit 3' > /tmp/c.sh");
            Assert.Equal(3, _h.Run("sh /tmp/c.sh", out string o));
            var m = System.Text.RegularExpressions.Regex.Match(o, @"^pid (\d+) e=exported l=\n$");
            Assert.True(m.Success, o);
            Assert.NotEqual(_h.K.Sys.Getpid(_h.Task), int.Parse(m.Groups[1].Value));
            // The child's variables and exit stay in the child; the child task is gone and reaped.
            Assert.Equal("\n", _h.Out("echo $C"));
            Assert.False(_h.Sh.Exited);
            Assert.Null(_h.K.Sys.FindTask(_h.Task, int.Parse(m.Groups[1].Value)));
            Assert.Equal(-Errno.ECHILD, _h.K.Sys.Wait(_h.Task, -1, out _));
            Assert.Equal("3\n", _h.Out("sh /tmp/c.sh > /tmp/out; echo $?"));
            Assert.StartsWith("pid ", _h.Out("cat /tmp/out"));
        }

        [Fact]
        public void Sh_AScriptFileWithIfAndWhileAcrossLines()
        {
            string script = "# a test script\nI=\nwhile [ \"$I\" != ... ]\ndo\n  I=$I.\ndone\nif [ -d /proc ]\nthen\n  echo proc is there $I\nelse\n  echo no proc\nfi\n";
            _h.Out("rm /tmp/t.sh");
            foreach (string line in script.Split('\n')) if (line.Length > 0) _h.Out("echo '" + line + "' >> /tmp/t.sh");
            Assert.Equal(0, _h.Run("sh /tmp/t.sh", out string o));
            Assert.Equal("proc is there ...\n", o);
        }

        [Fact]
        public void BootScript_TracesEachCommandInsideIfAndWhile()
        {
            _h.Sh.RunBootScript("if true; then\n  echo inside\nfi\n");
            Assert.True(_h.K.Log.Contains("rc: + true\n"), _h.Out("dmesg"));
            Assert.True(_h.K.Log.Contains("rc: + echo inside\n"));
            Assert.True(_h.K.Log.Contains("rc: inside\n"));
        }
    }
}
