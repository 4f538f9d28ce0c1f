using System;
using System.Linq;
using ProcNano;
using Xunit;
using KShell = ProcNano.Shell;
using KFile = ProcNano.File;

namespace ProcNano.Tests.Shell
{
    /// <summary>The shell's grammar, command table, error format and exit statuses. Commands whose syscalls
    /// may not be implemented yet compute the expected message from the syscall's own answer.</summary>
    public class ShellCommandTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        [Fact]
        public void Echo_JoinsWordsWithOneSpace_QuotesKeepBlanks()
        {
            Assert.Equal(0, _h.Run("echo a   b \"c  d\" 'e;f' g\\ h", out string o));
            Assert.Equal("a b c  d e;f g h\n", o);
        }

        [Fact]
        public void EchoDashH_IsText_AsInEverySh_DashDashHelpStillShowsUsage()
        {
            Assert.Equal("-h x\n", _h.Out("echo -h x"));
            Assert.StartsWith("Usage: echo ", _h.Out("echo --help"));
        }

        [Fact]
        public void EchoDashN_OmitsTheNewline() => Assert.Equal("x y", _h.Out("echo -n x y"));

        [Fact]
        public void ALine_MayHoldMoreWordsThanOneCommand_ButNotOneCommand()
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < 100; i++) sb.Append("echo ").Append(i).Append("; ");
            Assert.Equal(0, _h.Run(sb.ToString(), out string o));
            Assert.Equal(100, o.Split('\n').Length - 1);
            Assert.Equal(2, _h.Run("echo" + string.Concat(System.Linq.Enumerable.Repeat(" w", ShellLexer.MaxTokens)), out o));
            Assert.Equal("sh: syntax error: too many words in one command (max " + ShellLexer.MaxTokens + ")\n", o);
        }

        [Theory]
        [InlineData("cp /d/a /d/a")]
        [InlineData("cp /d/a /d")]
        [InlineData("cp /d/a /d/./a")]
        public void Cp_OntoItself_IsRefused_TheFileIsKept(string line)
        {
            Assert.Equal(0, _h.Run("mkdir /d; echo precious > /d/a", out _));
            Assert.Equal(1, _h.Run(line, out string o));
            Assert.Matches("^cp: '/d/a' and '[/.da]+' are the same file\n$", o);
            Assert.Equal("precious\n", _h.Out("cat /d/a"));
        }

        [Theory]
        [InlineData("cat /tmp/f >> /tmp/f")]
        [InlineData("cat /tmp/g /tmp/f > /tmp/f")]
        public void Cat_InputIsTheOutputFile_IsRefused_TheFileDoesNotGrow(string line)
        {
            Assert.Equal(0, _h.Run("echo abc > /tmp/f; echo def > /tmp/g", out _));
            Assert.Equal(1, _h.Run(line, out string o));
            Assert.Contains("cat: /tmp/f: input file is output file\n", o);
            Assert.True(_h.Out("cat /tmp/f").Length <= "def\nabc\n".Length);
        }

        [Fact]
        public void Cat_OtherFileIntoRedirect_StillWorks()
        {
            Assert.Equal(0, _h.Run("echo abc > /tmp/f; cat /tmp/f >> /tmp/h; cat /tmp/f >> /tmp/h", out _));
            Assert.Equal("abc\nabc\n", _h.Out("cat /tmp/h"));
        }

        [Fact]
        public void Cp_OntoItselfOnFlash_IsRefused_TheFileIsKept()
        {
            Assert.Equal(0, _h.Run("echo precious > /flash/a", out _));
            Assert.Equal(1, _h.Run("cp /flash/a /flash/a", out string o));
            Assert.Equal("cp: '/flash/a' and '/flash/a' are the same file\n", o);
            Assert.Equal("precious\n", _h.Out("cat /flash/a"));
        }

        [Fact]
        public void Semicolons_RunCommandsInOrder() => Assert.Equal("1\n2\n3\n", _h.Out("echo 1; echo 2 ;echo 3;"));

        [Fact]
        public void UnknownCommand_Prints_CommandNotFound_Status127()
        {
            Assert.Equal(127, _h.Run("frobnicate x", out string o));
            Assert.Equal("sh: frobnicate: command not found\n", o);
        }

        [Fact]
        public void LineStatus_IsTheLastCommands()
        {
            Assert.Equal(0, _h.Run("nosuch; echo x", out _));
            Assert.Equal(127, _h.Run("echo x; nosuch", out _));
            Assert.Equal(127, _h.Sh.Status);
        }

        [Fact]
        public void EmptyLineAndComment_RunNothing()
        {
            Assert.Equal("", _h.Out(""));
            Assert.Equal("", _h.Out("   # just a comment"));
        }

        [Fact]
        public void UnterminatedQuote_IsASyntaxError_Status2()
        {
            Assert.Equal(2, _h.Run("echo 'abc", out string o));
            Assert.Equal("sh: syntax error: unterminated quote\n", o);
        }

        [Fact]
        public void RedirectionWithoutFile_IsASyntaxError_AndNothingOnTheLineRuns()
        {
            Assert.Equal(2, _h.Run("echo first; echo x >", out string o));
            Assert.Equal("sh: syntax error: near unexpected token 'newline'\n", o);
            Assert.Equal(2, _h.Run("echo x > ; echo y", out o));
            Assert.Equal("sh: syntax error: near unexpected token ';'\n", o);
        }

        [Fact]
        public void Help_ListsEveryCommandOfTheTable_OneLineEach()
        {
            Assert.Equal(0, _h.Run("help", out string o));
            string[] lines = o.Split('\n');
            // Count bounds the table: nothing past it, and the last number below it is a row.
            Assert.False(CommandTable.Row(CommandTable.Count, out _, out _, out _, out _));
            Assert.NotNull(CommandTable.Name(CommandTable.Count - 1));
            Assert.Equal(ShellHarness.Commands().Count, lines.Length - 2);
            foreach (var c in ShellHarness.Commands()) Assert.Contains(lines, l => l.StartsWith(c.Name + " ") && l.Contains(c.Help));
        }

        [Fact]
        public void CommandTable_HoldsEverySpecCommand()
        {
            string[] spec = { "help", "ls", "cat", "echo", "readlink", "cd", "pwd", "mkdir", "rm", "cp", "truncate", "ps",
                "free", "kill", "exec", "unshare", "mount", "umount", "su", "id", "uname", "uptime", "dmesg", "sysctl",
                "insmod", "rmmod", "exit", "hexdump", "poke", "mmap", "munmap", "shmget", "shmat", "shmdt", "shmrm" };
            foreach (string name in spec) Assert.True(CommandTable.Find(name) >= 0, name);
            Assert.Equal(-1, CommandTable.Find("nosuch"));
        }

        [Fact]
        public void DashH_OnAnyCommand_PrintsItsUsage()
        {
            foreach (var c in ShellHarness.Commands())
            {
                if (c.OwnsDashH) continue;
                Assert.Equal(0, _h.Run(c.Name + " -h", out string o));
                Assert.Equal("Usage: " + c.Usage + "\n" + c.Help + "\n", o);
            }
        }

        [Fact]
        public void DashDashHelp_WorksEvenWhereDashHMeansSomethingElse()
        {
            Assert.StartsWith("Usage: free [-h]\n", _h.Out("free --help"));
            Assert.DoesNotContain("Usage", _h.Out("free -h"));
        }

        [Fact]
        public void HelpOfOneCommand_PrintsUsage_UnknownIsAnError()
        {
            Assert.StartsWith("Usage: mmap [-p PID] [-a ADDR | -f ADDR] LEN PROT shared|private [PATH [OFFSET]]\n", _h.Out("help mmap"));
            Assert.Equal(1, _h.Run("help nosuch", out string o));
            Assert.Equal("help: nosuch: no such command\n", o);
        }

        [Fact]
        public void WrongArguments_PrintUsage_Status1()
        {
            Assert.Equal(1, _h.Run("readlink", out string o));
            Assert.Equal("Usage: readlink [-v] PATH\n", o);
        }

        [Fact]
        public void Exit_EndsTheShellWithItsStatus_RestOfLineSkipped()
        {
            Assert.Equal(4, _h.Run("echo a; exit 4; echo b", out string o));
            Assert.Equal("a\n", o);
            Assert.True(_h.Sh.Exited);
        }

        [Fact]
        public void Exit_WithoutStatus_KeepsTheLastOne()
        {
            Assert.Equal(127, _h.Run("nosuch; exit", out _));
            Assert.True(_h.Sh.Exited);
        }

        [Fact]
        public void Exit_StatusIsTakenModulo256() => Assert.Equal(1, _h.Run("exit 257", out _));

        [Fact]
        public void Redirection_WritesIntoTheFile_OrReportsTheOpenError()
        {
            _h.Run("echo hello > /redir.txt", out string o);
            int probe = _h.K.Sys.Open(_h.Task, "/redir.txt", KFile.O_RDONLY, 0);
            if (probe < 0)
            {
                // No file came to be: the shell must have said why, in the standard form.
                Assert.Equal("sh: /redir.txt: " + Errno.StrError(probe) + "\n", o);
                Assert.Equal(1, _h.Sh.Status);
                return;
            }
            _h.K.Sys.Close(_h.Task, probe);
            Assert.Equal("", o);
            _h.Run("echo more >> /redir.txt", out o);
            Assert.Equal("", o);
            Assert.Equal("hello\nmore\n", _h.Out("cat /redir.txt"));
            _h.Run("echo new > /redir.txt", out _);
            Assert.Equal("new\n", _h.Out("cat /redir.txt"));
        }

        [Fact]
        public void Cat_MissingFile_PrintsCmdPathStrerror()
        {
            int probe = _h.K.Sys.Open(_h.Task, "/no/such/file", KFile.O_RDONLY, 0);
            Assert.True(probe < 0);
            Assert.Equal(1, _h.Run("cat /no/such/file", out string o));
            Assert.Equal(ShellHarness.Error("cat", "/no/such/file", probe), o);
        }

        [Fact]
        public void Exec_MissingProgram_PrintsCmdPathStrerror()
        {
            int probe = _h.K.Sys.Exec(_h.Task, "/bin/no-such-program", new[] { "/bin/no-such-program" }, 0);
            Assert.True(probe < 0);
            Assert.Equal(1, _h.Run("exec /bin/no-such-program", out string o));
            Assert.Equal(ShellHarness.Error("exec", "/bin/no-such-program", probe), o);
        }

        [Fact]
        public void Kill_NoSuchPid_PrintsTheError_BadSignalRefused()
        {
            int probe = _h.K.Sys.Kill(_h.Task, 4242, Syscalls.SIGTERM);
            Assert.True(probe < 0);
            Assert.Equal(1, _h.Run("kill 4242", out string o));
            Assert.Equal(ShellHarness.Error("kill", "4242", probe), o);
            Assert.Equal(1, _h.Run("kill -BOGUS 4242", out o));
            Assert.Equal("kill: invalid signal 'BOGUS'\n", o);
        }

        [Fact]
        public void BadNumber_IsReported()
        {
            Assert.Equal(1, _h.Run("munmap 0x2000zz 4096", out string o));
            Assert.Equal("munmap: invalid number '0x2000zz'\n", o);
        }

        [Fact]
        public void Mmap_BadProtOrType_Refused()
        {
            Assert.Equal(1, _h.Run("mmap 4096 rwq private", out string o));
            Assert.Equal("mmap: invalid protection 'rwq' (r, w, x or -)\n", o);
            Assert.Equal(1, _h.Run("mmap 4096 rw- both", out o));
            Assert.StartsWith("Usage: mmap", o);
        }

        [Fact]
        public void Id_PrintsUidAndGidWithRootNames() => Assert.Equal("uid=0(root) gid=0(root)\n", _h.Out("id"));

        [Fact]
        public void Id_ShowsTheShellTasksCredentials()
        {
            _h.Task.Uid = _h.Task.Euid = 1000;
            _h.Task.Gid = _h.Task.Egid = 100;
            Assert.Equal("uid=1000 gid=100\n", _h.Out("id"));
        }

        [Fact]
        public void Uname_DefaultIsOsType_DashAHasAllFields()
        {
            Assert.Equal(ProcNano.Version.OsType + "\n", _h.Out("uname"));
            Assert.Equal(ProcNano.Version.Release + "\n", _h.Out("uname -r"));
            string[] f = _h.Out("uname -a").TrimEnd('\n').Split(' ');
            Assert.Equal(ProcNano.Version.OsType, f[0]);
            Assert.Equal(ProcNano.Version.Release, f[2]);
            Assert.Equal(_h.K.Board.Name, f[f.Length - 1]);
            Assert.Equal(1, _h.Run("uname -q", out _));
        }

        [Fact]
        public void Dmesg_PrintsTheKernelLog()
        {
            _h.K.Log.Print("marker-for-dmesg-test");
            string o = _h.Out("dmesg");
            Assert.Contains("ProcNano version", o);
            Assert.Contains("marker-for-dmesg-test\n", o);
        }

        [Fact]
        public void Free_MemRowComesFromThePageAllocator_InKb()
        {
            string[] lines = _h.Out("free").Split('\n');
            Assert.Equal(new[] { "total", "used", "free", "largest" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            string[] mem = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            PageAllocator pa = _h.K.Pages;
            int kb = _h.K.Board.PageSize / 1024;
            Assert.Equal("Mem:", mem[0]);
            Assert.Equal((pa.Pages * kb).ToString(), mem[1]);
            Assert.Equal(((pa.Pages - pa.FreePages) * kb).ToString(), mem[2]);
            Assert.Equal((pa.FreePages * kb).ToString(), mem[3]);
            Assert.Equal((pa.LargestFreeBlock * kb).ToString(), mem[4]);
            Assert.StartsWith("Heap:", lines[2]);
        }

        [Fact]
        public void Free_ChangesWhenPagesAreAllocated()
        {
            PageAllocator pa = _h.K.Pages;
            int before = pa.FreePages;
            int pfn = pa.Alloc(2);
            Assert.True(pfn >= 0);
            string[] mem = _h.Out("free").Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(((before - 4) * (_h.K.Board.PageSize / 1024)).ToString(), mem[3]);
            pa.Put(pfn, 4);
        }

        [Fact]
        public void FreeDashH_UsesHumanUnits()
        {
            string[] mem = _h.Out("free -h").Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long total = (long)_h.K.Pages.Pages * _h.K.Board.PageSize;
            Assert.Equal(StatusCommands.Human(total), mem[1]);
        }

        [Theory]
        [InlineData(0L, "0B")]
        [InlineData(1023L, "1023B")]
        [InlineData(1024L, "1.0Ki")]
        [InlineData(1536L, "1.5Ki")]
        [InlineData(10240L, "10Ki")]
        [InlineData(1048576L, "1.0Mi")]
        [InlineData(262144L, "256Ki")]
        [InlineData(3221225472L, "3.0Gi")]
        public void Human_FormatsLikeProcpsFree(long bytes, string text) => Assert.Equal(text, StatusCommands.Human(bytes));

        [Fact]
        public void Ps_ListsInitAndTheShell_WithStableColumns()
        {
            string[] lines = _h.Out("ps").TrimEnd('\n').Split('\n');
            Assert.Equal(new[] { "PID", "PPID", "USER", "STAT", "VSZ", "RSS", "HEAP", "COMMAND" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var rows = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
            Assert.Equal(_h.K.Tasks.Count, rows.Length);
            var init = rows.Single(r => r[0] == "1");
            Assert.Equal(new[] { "1", "0", "root", "S" }, init[..4]);
            Assert.Equal("init", init[7]);
            int shPid = _h.Task.Pid.NrIn(_h.Task.PidNs);
            var sh = rows.Single(r => r[0] == shPid.ToString());
            Assert.Equal("1", sh[1]);
            Assert.Equal("R", sh[3]); // running: it is the one printing
            Assert.Equal("sh", sh[7]);
        }

        [Fact]
        public void Ps_ShowsOnlyTasksOfTheShellsPidNamespace()
        {
            var ns = new PidNamespace(_h.K.Tasks.RootNs, 100);
            var hidden = _h.K.Tasks.NewTask(_h.K.Init, "inner", ns, _h.K.Tasks.RootNet);
            // The inner task is visible from the root namespace...
            Assert.Contains(" inner", _h.Out("ps"));
            // ...but a shell inside the new namespace sees only its own (and numbers them from 1).
            var t = _h.K.Tasks.NewTask(hidden, "sh2", ns, _h.K.Tasks.RootNet);
            var sh2 = new KShell(_h.K.Sys, t, new LineDiscipline(_h.Tty) { Echo = false, OutputCrlf = false });
            _h.Tty.ClearOutput();
            sh2.Execute("ps");
            string[] lines = _h.Tty.Output.TrimEnd('\n').Split('\n');
            Assert.Equal(3, lines.Length);
            Assert.DoesNotContain(lines, l => l.EndsWith(" init"));
            Assert.StartsWith("    1     0 ", lines[1]);
        }

        [Fact]
        public void Insmod_PrintsCmdNameStrerror_OnFailure()
        {
            Assert.Equal(1, _h.Run("insmod no_such_module", out string o));
            Assert.StartsWith("insmod: no_such_module: ", o);
            Assert.Equal(1, _h.Run("rmmod", out o));
            Assert.StartsWith("Usage: rmmod NAME", o);
        }

        [Fact]
        public void Sysctl_ReadsProcSys()
        {
            Assert.Equal("kernel.hostname = " + _h.K.Board.Hostname + "\n", _h.Out("sysctl kernel.hostname"));
            _h.K.Uts.Hostname = "board7";
            Assert.Equal("kernel.hostname = board7\n", _h.Out("sysctl kernel.hostname"));
        }

        [Fact]
        public void Sysctl_UnknownName_ReportsTheError()
        {
            _h.Run("sysctl kernel.nosuch", out string o);
            Assert.Equal(ShellHarness.Error("sysctl", "kernel.nosuch", -Errno.ENOENT), o);
        }

        [Fact]
        public void Pwd_PrintsTheTasksCwd()
        {
            _h.Task.Cwd = "/flash";
            Assert.Equal("/flash\n", _h.Out("pwd"));
        }

        [Fact]
        public void HexdumpLine_HasHexdumpCLayout()
        {
            var tty = new MemoryTty();
            var w = new ShellWriter(256);
            w.TargetTty(new LineDiscipline(tty) { OutputCrlf = false });
            byte[] b = System.Text.Encoding.ASCII.GetBytes("hello world.abcdhi\n");
            MemoryCommands.HexLine(w, 0x20000000, b, 0, 16);
            MemoryCommands.HexLine(w, 0x20000010, b, 16, 3);
            w.Flush();
            Assert.Equal(
                "20000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2e 61 62 63 64  |hello world.abcd|\n" +
                "20000010  68 69 0a                                          |hi.|\n", tty.Output);
        }

        [Fact]
        public void Hexdump_ErrorFromTheKernel_IsCmdStrerror()
        {
            int probe = _h.K.Sys.ReadMem(_h.Task, _h.Task, 0x10, new byte[16], 0, 16);
            Assert.True(probe < 0);
            Assert.Equal(1, _h.Run("hexdump 0x10 16", out string o));
            Assert.Equal("hexdump: " + Errno.StrError(probe) + "\n", o);
        }

        [Fact]
        public void ACommandThatThrows_IsReported_AndTheShellGoesOn()
        {
            Assert.Equal(0, _h.K.Proc.TryCreate("boom", 0x124, new ThrowingOps(), null, out ProcEntry _));
            Assert.Equal(0, _h.Run("echo before; cat /proc/boom; echo after", out string o));
            Assert.Equal("before\ncat: internal error: kaput\nafter\n", o);
            Assert.True(_h.K.Log.Contains("sh: cat: exception kaput"));
        }

        [Fact]
        public void ACommandThatRunsOutOfHeap_FailsWithEnomem_Counted_AndTheShellGoesOn()
        {
            Assert.Equal(0, _h.K.Proc.TryCreate("hungry", 0x124, new OutOfHeapOps(), null, out ProcEntry _));
            Assert.Equal(0, _h.Run("echo before; cat /proc/hungry; echo after", out string o));
            Assert.Equal("before\ncat: " + Errno.StrError(Errno.ENOMEM) + "\nafter\n", o);
            Assert.Equal(1, _h.Sh.OutOfMemoryCaught);
        }

        private sealed class OutOfHeapOps : SingleSeqOps
        {
            public override int Show(SeqFile s, OutBuf o) => throw new OutOfMemoryException();
        }

        private sealed class ThrowingOps : SingleSeqOps
        {
            public override int Show(SeqFile s, OutBuf o) => throw new InvalidOperationException("kaput");
        }

        [Fact]
        public void Uptime_PrintsClockUpAndTasks()
        {
            Assert.Matches(@"^ \d\d:\d\d:\d\d up \d+ min,  2 tasks\n$", _h.Out("uptime"));
        }
    }
}
