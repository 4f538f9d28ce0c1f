using System;
using System.Text;
using ProcNano;
using Xunit;
using KShell = ProcNano.Shell;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Shell
{
    /// <summary>
    /// Grammar-built fuzzing of the whole console: command lines made of real command names, hostile numbers
    /// (0, -1, 2^31, 2^32-1, 0xffffffff, huge, "0x", "1K", "4M"), hostile paths (/proc/*, /proc/sys/*, "..",
    /// very long, empty), quotes, escapes, ";" and redirections into /proc and /flash, mixed with terminal
    /// sequences and random bytes, fed through a line discipline (echo and CRLF on) into a shell running as root
    /// and as uid 1000. Nothing may escape (no "internal error"), the kernel's invariants hold, the managed
    /// memory stays bounded, and the shell still answers at the end. <see cref="Inputs"/> lines a run
    /// (PROCNANO_FUZZ_LINES raises it for a soak run).
    /// </summary>
    public class GrammarFuzzTests
    {
        public static int Inputs => int.TryParse(Environment.GetEnvironmentVariable("PROCNANO_FUZZ_LINES"), out int n) && n > 0 ? n : 100000;

        private static readonly string[] Commands =
        {
            "cat", "echo", "echo -n", "ls", "ls -la", "readlink", "pwd", "cd", "mkdir", "mkdir -p", "rm", "rm -d", "cp", "truncate -s",
            "hexdump", "hexdump -p", "poke", "poke -p", "mmap", "mmap -p", "munmap", "munmap -p", "shmget", "shmat", "shmat -p",
            "shmdt", "shmdt -p", "shmrm", "ps", "free", "free -h", "uname -a", "uptime", "dmesg", "sysctl", "sysctl -a", "sysctl -w",
            "id", "help", "kill", "kill -9", "kill -15", "exec", "unshare -p", "su", "insmod", "rmmod", "mount", "umount", "nosuch",
        };

        private static readonly string[] Numbers =
        {
            "0", "1", "-1", "4096", "4095", "256", "2147483647", "2147483648", "-2147483648", "4294967295", "4294967296",
            "0xffffffff", "0xfffffff0", "0x20000000", "0x40000000", "0x3ffb0000", "99999999999999999999", "0x", "1K", "4M",
            "16M", "0x7fffffff", "007", "-0", "+1", "1e3", "",
        };

        private static readonly string[] Paths =
        {
            "/proc/meminfo", "/proc/maps", "/proc/self/maps", "/proc/1/maps", "/proc/1/pagemap", "/proc/self/clear_refs",
            "/proc/sys/vm/nr_trim_pages", "/proc/sys/kernel/hostname", "/proc/sys/vm/max_map_count", "/proc/sys/fs/nr_open",
            "/proc/kmsg", "/proc/driver/uart", "/proc/self/fd/0", "/proc/self/exe", "/proc/sysvipc/shm", "/proc", "/proc/sys",
            "/flash/f", "/flash/hold", "/tmp/a", "/tmp/a/b", "/tmp", "/", "..", "../..", ".", "/bin/hold", "/bin/sh", "/dev",
            "/nonexistent/x", "", "/tmp/" + new string('n', 300), "/proc/99999/status", "/proc/self/net/dev", "rw-", "r-x", "shared", "private",
        };

        private static readonly string[] Glue = { " ", " ", " ", "  ", "\t", ";", " ; ", " > ", " >> ", ">", ">>", " # ", "'", "\"", "\\", "\\x41", "\\n", "\x1b[A", "\x1b]0;t\a", "\x1bOP" };

        private static string Pick(Random r, string[] a) => a[r.Next(a.Length)];

        internal static string Line(Random r)
        {
            var sb = new StringBuilder();
            int commands = 1 + r.Next(3);
            for (int c = 0; c < commands; c++)
            {
                if (c > 0) sb.Append(r.Next(4) == 0 ? ";" : " ; ");
                sb.Append(Pick(r, Commands));
                int args = r.Next(5);
                for (int i = 0; i < args; i++)
                {
                    sb.Append(Pick(r, Glue));
                    int k = r.Next(10);
                    string w = k < 4 ? Pick(r, Numbers) : k < 8 ? Pick(r, Paths) : RandomWord(r);
                    if (r.Next(6) == 0) w = "'" + w + "'";
                    else if (r.Next(6) == 0) w = "\"" + w.Replace("\"", "\\\"") + "\"";
                    sb.Append(w);
                }
                if (r.Next(5) == 0) sb.Append(r.Next(2) == 0 ? " > " : " >> ").Append(Pick(r, Paths));
            }
            return sb.ToString();
        }

        private static string RandomWord(Random r)
        {
            int n = r.Next(1, 12);
            var sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) sb.Append((char)(r.Next(8) == 0 ? r.Next(256) : r.Next(0x21, 0x7f)));
            return sb.ToString();
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1000)]
        public void GrammarLines_ThroughTheLineDiscipline_NothingEscapes_MemoryBounded_ShellAnswers(int uid)
        {
            var k = Boot.Host();
            KTask task = Getty.NewShellTask(k.Sys);
            if (uid != 0) { k.Sys.Setgid(task, uid); k.Sys.Setuid(task, uid); }
            var tty = new MemoryTty { Chunk = 29 };
            var ld = new LineDiscipline(tty) { Echo = true, OutputCrlf = true };
            var sh = new KShell(k.Sys, task, ld);
            var rnd = new Random(7 + uid);
            int fed = 0, sessions = 1;
            int total = Inputs / 2, batch = 2000;
            long baseline = 0;
            for (int done = 0; done < total; done += batch)
            {
                var all = new StringBuilder();
                for (int i = 0; i < batch; i++)
                {
                    all.Append(Line(rnd)).Append(rnd.Next(3) == 0 ? "\r\n" : "\r");
                    fed++;
                    if (rnd.Next(50) == 0) all.Append("\x03");
                }
                tty.ClearOutput();
                tty.Type(Encoding.Latin1.GetBytes(all.ToString()));
                do
                {
                    sh.ServeTty();
                    if (sh.Exited || task.State == ProcNano.Task.Dead)
                    {
                        // `kill` of its own pid or group (`kill 0`) ended the session, as it should: the next one
                        // starts on the rest of the input, as Getty would.
                        if (task.State != ProcNano.Task.Dead) k.Sys.Exit(task, 0);
                        task = Getty.NewShellTask(k.Sys);
                        if (uid != 0) { k.Sys.Setgid(task, uid); k.Sys.Setuid(task, uid); }
                        sh = new KShell(k.Sys, task, ld);
                        sessions++;
                    }
                } while (tty.Pending > 0);
                string output = tty.Output;
                Assert.DoesNotContain("internal error", output);
                // What the batch printed is the test's, not the kernel's (`cat /proc/1/pagemap` alone is 8 MiB, as
                // Linux's for a 32-bit address space): let it go before measuring.
                output = null;
                tty.ClearOutput();
                GC.Collect();
                long now = GC.GetTotalMemory(true);
                if (done == batch) baseline = now;
                // Memory bounded: what the kernel keeps does not grow with the input (files the fuzzer made
                // under /tmp, mappings left behind are bounded by the limits).
                if (baseline > 0) Assert.True(now < baseline + 64L * 1024 * 1024, "managed memory grew to " + now);
                Invariants.Check(k);
            }
            Assert.Equal(total, fed);
            tty.ClearOutput();
            tty.Type(Encoding.ASCII.GetBytes("echo still here\r"));
            sh.ServeTty();
            Assert.Contains("still here\r\n", tty.Output);
        }
    }
}
