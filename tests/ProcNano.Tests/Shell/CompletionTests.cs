using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProcNano.HostSim;
using ProcNano;
using Xunit;
using KKernel = ProcNano.Kernel;
using KShell = ProcNano.Shell;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Shell
{
    /// <summary>
    /// Tab completion (issue 12): command names for a command's first word, paths for the others, read
    /// through the syscalls as the shell's task sees them. A kernel with a shell on an echoing line discipline,
    /// keys typed as bytes; the expected names are read from the command table and the kernel's directories.
    /// </summary>
    public class CompletionTests
    {
        private readonly KKernel _k;
        private readonly KTask _task;
        private readonly MemoryTty _tty = new MemoryTty();
        private readonly LineDiscipline _ld;
        private readonly KShell _sh;

        public CompletionTests()
        {
            _k = ProcNano.Tests.Boot.Board(new BoardConfig(), HostPlatform.WithTempFlash());
            _task = Getty.NewShellTask(_k.Sys);
            _ld = new LineDiscipline(_tty) { Echo = true, OutputCrlf = true };
            _sh = new KShell(_k.Sys, _task, _ld);
            _ld.Completer = _sh;
            _ld.Prompt = KShell.Prompt;
        }

        /// <summary>Types <paramref name="keys"/> (ending in Enter): the line read, and what was echoed.</summary>
        private (string line, string echo) Type(string keys)
        {
            _tty.ClearOutput();
            _tty.Type(keys);
            int n = _ld.ReadLine();
            Assert.True(n >= 0, "ReadLine returned " + n);
            return (Encoding.Latin1.GetString(_ld.Line, 0, n), _tty.Output);
        }

        private string Line(string keys) => Type(keys).line;

        /// <summary>The names in <paramref name="dir"/> (as the shell's task lists them), dot entries left out.</summary>
        private List<string> Names(string dir, string prefix)
        {
            var r = new List<string>();
            int fd = _k.Sys.Open(_task, dir, File.O_RDONLY | File.O_DIRECTORY, 0);
            Assert.True(fd >= 0);
            for (int i = 2; _k.Sys.ReadDir(_task, fd, i, out string name, out _) > 0; i++)
                if (name.StartsWith(prefix, StringComparison.Ordinal) && !name.StartsWith(".")) r.Add(name);
            _k.Sys.Close(_task, fd);
            return r;
        }

        private static List<string> Commands(string prefix) =>
            ShellHarness.Commands().Select(c => c.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        private static string CommonPrefix(List<string> names) =>
            names.Aggregate((a, b) => { int i = 0; while (i < a.Length && i < b.Length && a[i] == b[i]) i++; return a.Substring(0, i); });

        /// <summary>The list as the line discipline prints it: rows of columns as wide as the widest name plus two.</summary>
        private static string Listing(List<string> names)
        {
            int cell = names.Max(n => n.Length) + 2, perRow = Math.Max(1, LineDiscipline.ListWidth / cell);
            var sb = new StringBuilder("\r\n");
            for (int i = 0; i < names.Count; i++)
            {
                if (i > 0 && i % perRow == 0) sb.Append("\r\n");
                else if (i > 0) sb.Append(' ', cell - names[i - 1].Length);
                sb.Append(names[i]);
            }
            return sb.Append("\r\n").ToString();
        }

        [Fact]
        public void Command_OneMatch_CompletesWithABlank()
        {
            Assert.Single(Commands("unam"));
            var (line, echo) = Type("unam\t\r");
            Assert.Equal("uname ", line);
            Assert.Equal("unam" + "e " + "\r\n", echo);
            Assert.Equal("echo a; uname -a", Line("echo a; unam\t-a\r"));   // the first word after ';'
            Assert.Equal("echo unam", Line("echo unam\t\r"));  // not a command's first word: a file (none)
        }

        [Fact]
        public void Command_Several_CommonPartFirst_ThenTheList_ThenPromptAndLineAgain()
        {
            List<string> names = Commands("sh");
            Assert.True(names.Count >= 2);
            string common = CommonPrefix(names);
            var (line, echo) = Type("sh\t\t\r");
            Assert.Equal(common, line);
            string expected = "sh" + common.Substring(2) + Listing(names) + "nsh> " + common + "\r\n";
            if (common.Length == 2) expected = "sh" + Listing(names) + "nsh> sh" + Listing(names) + "nsh> sh\r\n";
            Assert.Equal(expected, echo);
        }

        [Fact]
        public void Command_NoMatch_RingsTheBell_LineUnchanged()
        {
            var (line, echo) = Type("zzz\t\r");
            Assert.Equal("zzz", line);
            Assert.Equal("zzz\a\r\n", echo);
        }

        [Fact]
        public void EmptyLine_ListsEveryCommand()
        {
            var (_, echo) = Type("\t\r");
            Assert.Equal(Listing(Commands("")) + "nsh> \r\n", echo);
        }

        [Fact]
        public void Proc_FileCompletesWithABlank_DirectoryWithASlash()
        {
            Assert.Single(Names("/proc", "memi"));
            var (line, echo) = Type("cat /proc/memi\t\r");
            Assert.Equal("cat /proc/meminfo ", line);
            Assert.Equal("cat /proc/memi" + "nfo " + "\r\n", echo);
            Assert.Single(Names("/", "pr"));
            Assert.Equal("cat /proc/meminfo ", Line("cat /pr\tmemi\t\r"));
        }

        [Fact]
        public void ProcSelf_TheSymlinkCompletesAsADirectory_ThenItsFiles()
        {
            Assert.Single(Names("/proc", "se"));
            Assert.Equal("cat /proc/self/", Line("cat /proc/se\t\r"));
            Assert.Equal("cat /proc/self/cmdline ", Line("cat /proc/self/cmdl\t\r"));
        }

        [Fact]
        public void ProcPid_TheShellsOwnPidDirectory_AndItsEntries()
        {
            string pid = _task.Tgid.ToString();
            Assert.Single(Names("/proc", pid));
            Assert.Equal("ls /proc/" + pid + "/", Line("ls /proc/" + pid + "\t\r"));
            Assert.Equal("cat /proc/" + pid + "/cmdline ", Line("cat /proc/" + pid + "/cmdl\t\r"));
            // stat, statm, status: nothing in common past "stat", so the first Tab lists them.
            List<string> names = Names("/proc/" + pid, "stat");
            Assert.True(names.Count >= 3);
            var (line, echo) = Type("cat /proc/" + pid + "/stat\t\r");
            Assert.Equal("cat /proc/" + pid + "/stat", line);
            Assert.Equal("cat /proc/" + pid + "/stat" + Listing(names) + "nsh> cat /proc/" + pid + "/stat\r\n", echo);
        }

        [Fact]
        public void Proc_SeveralNames_Listed_DirectoriesWithASlash()
        {
            List<string> names = Names("/proc", "mo");
            Assert.True(names.Count >= 2);
            var (line, echo) = Type("cat /proc/mo\t\r");
            Assert.Equal("cat /proc/mo", line);
            Assert.Equal("cat /proc/mo" + Listing(names) + "nsh> cat /proc/mo\r\n", echo);
            // A directory is listed with its slash (sys and sysvipc, say).
            List<string> dirs = Names("/proc", "sys");
            Assert.True(dirs.Count >= 2);
            string o = Type("ls /proc/sys\t\r").echo;
            Assert.Contains("sys/", o);
            Assert.Contains("sysvipc/", o);
        }

        [Fact]
        public void Flash_FilesComplete()
        {
            _sh.Execute("echo hi > /flash/hello.txt");
            Assert.Equal("cat /flash/hello.txt ", Line("cat /fla\thel\t\r"));
        }

        [Fact]
        public void SpecialNames_CompleteEscaped_AsTheLexerReadsThemBack()
        {
            _sh.Execute("mkdir '/tmp/my dir'; echo hi > '/tmp/my dir/a$b;c'");
            // The blank goes in escaped; inside the directory, '$' and ';' too, and the completed word runs.
            string line = Line("cat /tmp/my\ta\t\r");
            Assert.Equal("cat /tmp/my\\ dir/a\\$b\\;c ", line);
            _tty.ClearOutput();
            _sh.Execute(line);
            Assert.Equal("hi\r\n", _tty.Output);
            // Inside an open quote, names go in as they are.
            Assert.Equal("ls \"/tmp/my dir/", Line("ls \"/tmp/my\t\r"));
            // What is typed may hold the escapes already: "my\ d" spells "my d", not "my-other".
            _sh.Execute("echo > /tmp/my-other");
            Assert.Equal("ls /tmp/my\\ dir/", Line("ls /tmp/my\\ d\t\r"));
        }

        [Fact]
        public void SeveralSpecialNames_TheCommonPartStopsBeforeHalfAnEscape()
        {
            _sh.Execute("mkdir /tmp/e; echo > '/tmp/e/x y1'; echo > '/tmp/e/x y2'; echo > '/tmp/e/x;z'");
            // "x y1", "x y2", "x;z": they agree on "x" only (never on a lone backslash).
            Assert.Equal("cat /tmp/e/x", Line("cat /tmp/e/\t\r"));
            _sh.Execute("rm '/tmp/e/x;z'");
            Assert.Equal("cat /tmp/e/x\\ y", Line("cat /tmp/e/\t\r"));
        }

        [Fact]
        public void Path_NoMatch_OrNoSuchDirectory_RingsTheBell()
        {
            Assert.Equal(("cat /proc/zz", "cat /proc/zz\a\r\n"), Type("cat /proc/zz\t\r"));
            Assert.Equal(("cat /nosuch/x", "cat /nosuch/x\a\r\n"), Type("cat /nosuch/x\t\r"));
        }

        [Fact]
        public void RelativePaths_CompleteInTheWorkingDirectory()
        {
            _sh.Execute("cd /proc");
            Assert.Equal("cat meminfo ", Line("cat memi\t\r"));
            Assert.Equal("ls self/", Line("ls sel\t\r"));
        }

        [Fact]
        public void DotEntries_OnlyWhenTheNameStartsWithADot()
        {
            _sh.Execute("mkdir /tmp/d; echo > /tmp/d/.hidden; echo > /tmp/d/visible");
            Assert.Equal("ls /tmp/d/visible ", Line("ls /tmp/d/\t\r"));
            string o = Type("ls /tmp/d/.\t\r").echo;
            Assert.Equal("ls /tmp/d/." + Listing(new List<string> { "./", "../", ".hidden" }) + "nsh> ls /tmp/d/.\r\n", o);
            Assert.Equal("ls /tmp/d/.hidden ", Line("ls /tmp/d/.h\t\r"));
        }

        [Fact]
        public void TabInTheMiddle_CompletesTheWordBeforeTheCursor()
        {
            var (line, echo) = Type("cat /proc/memi x\x1b[D\x1b[D\t\r");
            Assert.Equal("cat /proc/meminfo  x", line);
            Assert.Equal("cat /proc/memi x\b\b" + "nfo  x\b\b" + "\r\n", echo);
        }

        [Fact]
        public void UnreadableDirectory_CompletesNothing_AsTheShellsUserSeesIt()
        {
            Assert.Equal(0, _k.Sys.Mkdir(_task, "/tmp/secret", 0x1c0));   // 0700, root's
            _sh.Execute("echo > /tmp/secret/file");
            Assert.Equal("cat /tmp/secret/file ", Line("cat /tmp/secret/f\t\r"));
            _sh.Execute("su 1000");
            Assert.Equal(("cat /tmp/secret/f", "cat /tmp/secret/f\a\r\n"), Type("cat /tmp/secret/f\t\r"));
        }

        [Fact]
        public void Completion_LeavesNoFileOpen()
        {
            int before = _k.Vfs.OpenFileCount();
            for (int i = 0; i < 20; i++) Type("cat /proc/mo\t /proc/se\t /nosuch/\t /tmp/\t\x15\r");
            Assert.Equal(before, _k.Vfs.OpenFileCount());
        }

        [Fact]
        public void CommandCompletion_AllocatesNothing()
        {
            var tty = new NullTty();
            var ld = new LineDiscipline(tty) { Echo = true, Completer = _sh, Prompt = KShell.Prompt };
            byte[] keys = Encoding.Latin1.GetBytes("unam\t\x15" + "sh\t\t\x15" + "zz\t\x15");
            void Feed(int rounds)
            {
                for (int r = 0; r < rounds; r++) foreach (byte b in keys) ld.Feed(b);
            }
            Feed(20);
            Assert.Equal(0, Allocations.Fewest(() => Feed(100)));
        }

        [Fact]
        public void AConsoleSession_TabThenEnter_RunsTheCompletedCommand()
        {
            var tty = new MemoryTty();
            KTask t = Getty.NewShellTask(_k.Sys);
            var sh = new KShell(_k.Sys, t, Getty.ConsoleLine(null, tty));
            tty.Type("cat /pr\tmemi\t\r" + "exit\r");
            Assert.Equal(0, sh.ServeTty());
            Assert.Contains("nsh> cat /proc/meminfo \r\nMemTotal:", tty.Output);
        }

        [Fact]
        public void APipedSession_TabIsText_NothingCompletes()
        {
            var tty = new MemoryTty();
            KTask t = Getty.NewShellTask(_k.Sys);
            var ld = new LineDiscipline(tty) { Echo = false, OutputCrlf = false };
            var sh = new KShell(_k.Sys, t, ld);
            tty.Type("echo unam\tx\r");
            sh.ServeTty(false);
            Assert.Equal("unam x\n", tty.Output);
        }
    }
}
