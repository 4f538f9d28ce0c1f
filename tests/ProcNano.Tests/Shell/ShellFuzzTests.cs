using System;
using System.Text;
using ProcNano.HostSim;
using ProcNano;
using Xunit;
using KKernel = ProcNano.Kernel;
using KShell = ProcNano.Shell;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Shell
{
    /// <summary>A tty that forgets what is written to it (the fuzzers only care that writing works).</summary>
    internal sealed class NullTty : ITty
    {
        public long Written;
        public int Read(byte[] buf, int off, int count) { return -1; }
        public bool HasInput() { return true; }
        public void Write(byte[] buf, int off, int count) { Written += count; }
    }

    /// <summary>
    /// Random input against the console's three layers, for thousands of iterations each: the line
    /// discipline, the lexer, and the whole shell. Nothing may throw, nothing may allocate per byte in the
    /// line discipline or per line in the lexer's check, lines stay within their limit, and the shell leaks no
    /// descriptors or tasks and never reaches a command's "internal error" path.
    /// </summary>
    public class ShellFuzzTests
    {
        // Bytes a user (or line noise) sends: anything, but with the interesting ones over-represented.
        private static readonly byte[] Special = { 0x0d, 0x0a, 0x08, 0x7f, 0x03, 0x15, 0x1b, (byte)'[', (byte)'O', (byte)'A', (byte)'B',
            0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x80, 0xbf, 0xc0, 0xff, 0x09, (byte)' ', (byte)';', (byte)'>', (byte)'\'', (byte)'"', (byte)'\\', (byte)'#' };

        private static byte NextByte(Random rnd)
        {
            int k = rnd.Next(10);
            if (k < 4) return Special[rnd.Next(Special.Length)];
            if (k < 8) return (byte)rnd.Next(0x20, 0x7f);
            return (byte)rnd.Next(256);
        }

        [Fact]
        public void LineDiscipline_RandomBytes_NeverThrow_LinesWithinMax_NoAllocation()
        {
            var tty = new NullTty();
            var ld = new LineDiscipline(tty, 64, 4) { Echo = true, OutputCrlf = true };
            var rnd = new Random(20240611);
            byte[] input = new byte[200000];
            for (int i = 0; i < input.Length; i++) input[i] = NextByte(rnd);
            int lines = 0, bad = 0, pos = 0;
            void Feed(int n)
            {
                for (int i = 0; i < n; i++, pos++)
                {
                    int r = ld.Feed(input[pos % input.Length]);
                    if (r == LineDiscipline.NoLine) continue;
                    lines++;
                    if (r > ld.MaxLine || r < LineDiscipline.TooLong) bad++;
                }
            }
            Feed(20000);   // warm up
            long allocated = Allocations.Fewest(() => Feed(20000));
            Assert.Equal(0, bad);
            Assert.True(lines > 100, "only " + lines + " lines");
            Assert.True(ld.HistoryCount <= 4);
            Assert.Equal(0, allocated);
            Assert.True(tty.Written > 0);
        }

        [Fact]
        public void Lexer_RandomLines_NeverThrow_TokensWithinLimits_CheckAllocatesNothing()
        {
            var lex = new ShellLexer(256);
            var rnd = new Random(77);
            byte[] line = new byte[300];
            int errors = 0, commands = 0;
            for (int iter = 0; iter < 5000; iter++)
            {
                int len = rnd.Next(0, 300);
                for (int i = 0; i < len; i++) line[i] = NextByte(rnd);
                int r = lex.Check(line, len);
                if (len > 256) Assert.Equal(ShellLexer.ErrTooLong, r);
                if (r < 0) { errors++; continue; }
                int pos = 0, guard = 0;
                while (true)
                {
                    int count = lex.Next(line, len, ref pos);
                    if (count < 0) break;
                    commands++;
                    Assert.InRange(count, 0, ShellLexer.MaxTokens);
                    for (int t = 0; t < count; t++)
                    {
                        Assert.NotNull(lex.Text[t]);
                        // Every redirection is followed by its file name (Check promised it).
                        if (lex.Kind[t] != ShellLexer.Word) Assert.True(t + 1 < count && lex.Kind[t + 1] == ShellLexer.Word);
                    }
                    Assert.True(++guard <= len + 1, "Next does not advance");
                }
            }
            Assert.True(errors > 100 && commands > 1000, errors + " errors, " + commands + " commands");
            for (int i = 0; i < 200; i++) line[i] = NextByte(rnd);
            Assert.Equal(0, Allocations.Fewest(() => { for (int i = 0; i < 100; i++) lex.Check(line, 200); }));
        }

        [Fact]
        public void Shell_RandomInput_NoException_NoInternalError_NoLeakedFdsOrTasks()
        {
            var k = ProcNano.Tests.Boot.Board(new BoardConfig());
            KTask task = Getty.NewShellTask(k.Sys);
            var tty = new MemoryTty { Chunk = 13 };
            var ld = new LineDiscipline(tty) { Echo = true, OutputCrlf = true };
            var sh = new KShell(k.Sys, task, ld);
            int tasks = k.Tasks.Count;
            var rnd = new Random(4242);
            // Random lines, some starting with a real command name so the commands' argument parsing is fuzzed
            // too (commands that change the system are left out: they would make the run meaningless).
            string[] names = { "cat", "echo", "ls", "ls -la", "readlink", "pwd", "hexdump", "help", "free", "ps", "id", "uname",
                "uptime", "sysctl", "cd", "mkdir", "truncate -s", "dmesg", "poke", "munmap", "shmat", "shmdt", "mmap" };
            var all = new StringBuilder();
            for (int iter = 0; iter < 3000; iter++)
            {
                var line = new StringBuilder();
                if (rnd.Next(2) == 0) line.Append(names[rnd.Next(names.Length)]).Append(' ');
                int len = rnd.Next(0, 80);
                for (int i = 0; i < len; i++) line.Append((char)NextByte(rnd));
                line.Append(rnd.Next(3) == 0 ? "\r\n" : "\r");
                all.Append(line);
            }
            tty.Type(Encoding.Latin1.GetBytes(all.ToString()));
            sh.ServeTty();
            Assert.True(sh.LineClosed || sh.Exited);
            string output = tty.Output;
            Assert.DoesNotContain("internal error", output);
            Assert.True(tty.OutputBytes.Length > 10000);
            // No descriptor left open by a command or a redirection, no task started.
            for (int fd = 0; fd < task.Fds.Size; fd++) Assert.Null(task.Fds.Get(fd));
            Assert.Equal(tasks, k.Tasks.Count);
        }
    }
}
