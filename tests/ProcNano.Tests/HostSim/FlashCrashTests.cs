using System;
using System.IO;
using System.Linq;
using System.Text;
using ProcNano;
using ProcNano.HostSim;
using ProcNano.Tests.Shell;
using Xunit;
using Xunit.Abstractions;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// Issue 11, finding 6: a kill -9 during cp, &gt; or &gt;&gt; to /flash left files truncated, the old contents
    /// gone. A file opened for writing is written aside and renamed over the old one when closed, so it is
    /// always old or new: checked in-process (the host file keeps its old bytes until the close) and by killing
    /// the simulator (SIGKILL) in the middle of a stream of flash writes, then booting it again on the folder.
    /// </summary>
    public class FlashCrashTests
    {
        private readonly ITestOutputHelper _out;
        public FlashCrashTests(ITestOutputHelper output) { _out = output; }

        [Fact]
        public void WhileOpenForWriting_TheHostFileKeepsItsOldBytes_TheCloseSwitchesThemIn()
        {
            string dir = SimProcess.NewFolder();
            System.IO.File.WriteAllText(Path.Combine(dir, "f"), "old contents\n");
            var h = new ShellHarness(new BoardConfig(), new HostPlatform(new FolderStorage(dir)));
            var k = h.K;
            Task t = h.Task;
            int fd = k.Sys.Open(t, "/flash/f", File.O_WRONLY | File.O_TRUNC, 0);
            Assert.True(fd >= 0);
            byte[] part = Encoding.ASCII.GetBytes("new ");
            Assert.Equal(4, k.Sys.Write(t, fd, part, 0, 4));
            // The writer sees its own bytes; the host file is still whole and old.
            Assert.Equal(4, StatSize(h, "/flash/f"));
            Assert.Equal("old contents\n", System.IO.File.ReadAllText(Path.Combine(dir, "f")));
            Assert.Equal(4, k.Sys.Write(t, fd, part, 0, 4));
            Assert.Equal(0, k.Sys.Close(t, fd));
            Assert.Equal("new new ", System.IO.File.ReadAllText(Path.Combine(dir, "f")));

            // >> appends to the old bytes, switched in at the close too.
            Assert.Equal(0, h.Run("echo more >> /flash/f", out string o));
            Assert.Equal("new new more\n", System.IO.File.ReadAllText(Path.Combine(dir, "f")));
            // Nothing is left aside, and the folder of copies is no flash file.
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, FolderStorage.PendingFolder)));
            Assert.Equal("f\n", h.Out("ls /flash"));
        }

        private static long StatSize(ShellHarness h, string path)
        {
            var st = new StatInfo();
            Assert.Equal(0, h.K.Sys.Stat(h.Task, path, st));
            return st.Size;
        }

        [Fact]
        public void ACopyLeftByADeadSimulator_IsDropped_TheFileStaysOld()
        {
            string dir = SimProcess.NewFolder();
            System.IO.File.WriteAllText(Path.Combine(dir, "f"), "old\n");
            Directory.CreateDirectory(Path.Combine(dir, FolderStorage.PendingFolder));
            System.IO.File.WriteAllText(Path.Combine(dir, FolderStorage.PendingFolder, "1234-1"), "half-writ");
            var storage = new FolderStorage(dir);
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, FolderStorage.PendingFolder)));
            Assert.Equal(1, storage.Count);
            Assert.Equal(4, storage.SizeOf("f"));
        }

        // Three sources of different sizes (several 512-byte writes each), files rewritten by cp, > and >>.
        private static readonly string[] Sources = { Pattern('a', 3000), Pattern('b', 9000), Pattern('c', 1500) };

        private static string Pattern(char c, int n)
        {
            var sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) sb.Append(i % 64 == 63 ? '\n' : c);
            return sb.ToString();
        }

        [Fact]
        public void KilledDuringFlashWrites_EveryFileIsOldOrNew_AfterARestart()
        {
            int kills = KillRounds(20, seed: 11);
            Assert.True(kills >= 15, kills + " kills landed while writing");
        }

        /// <summary>Boots the simulator <paramref name="rounds"/> times on one folder, feeds it a stream of flash
        /// writes, SIGKILLs it at a random moment, and checks every file; returns how many kills landed while
        /// the stream was still running.</summary>
        internal int KillRounds(int rounds, int seed)
        {
            string dir = SimProcess.NewFolder();
            string flash = Path.Combine(dir, "flash-sim");
            Directory.CreateDirectory(flash);
            for (int i = 0; i < Sources.Length; i++) System.IO.File.WriteAllText(Path.Combine(flash, "src" + i), Sources[i]);
            System.IO.File.WriteAllText(Path.Combine(flash, "copy"), Sources[0]);
            System.IO.File.WriteAllText(Path.Combine(flash, "line"), "old\n");
            System.IO.File.WriteAllText(Path.Combine(flash, "log"), "");
            var rnd = new Random(seed);
            var script = new StringBuilder();
            for (int i = 0; i < 400; i++)
            {
                script.Append("cp /flash/src").Append(i % 3).Append(" /flash/copy\n");
                script.Append("echo line").Append(i).Append(" > /flash/line\n");
                script.Append("echo entry >> /flash/log\n");
                script.Append("cat /flash/src").Append((i + 1) % 3).Append(" > /flash/copy\n");
            }
            int landed = 0;
            for (int round = 0; round < rounds; round++)
            {
                using var p = SimProcess.Start(dir, "--bare");
                var errTask = p.StandardError.ReadToEndAsync();
                var outTask = p.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                try
                {
                    p.StandardInput.Write(script.ToString());
                    p.StandardInput.Flush();
                }
                catch (IOException)
                {
                }
                // Once the stream is writing (the log grows), kill it at a random moment.
                long before = new FileInfo(Path.Combine(flash, "log")).Length;
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!p.HasExited && new FileInfo(Path.Combine(flash, "log")).Length == before && waited.ElapsedMilliseconds < 30000)
                    System.Threading.Thread.Sleep(5);
                System.Threading.Thread.Sleep(rnd.Next(300));
                if (!p.HasExited) landed++;
                try { p.Kill(); } catch (InvalidOperationException) { }
                p.WaitForExit();

                Assert.Contains(System.IO.File.ReadAllText(Path.Combine(flash, "copy")), Sources);
                string line = System.IO.File.ReadAllText(Path.Combine(flash, "line"));
                Assert.True(line == "old\n" || System.Text.RegularExpressions.Regex.IsMatch(line, "^line[0-9]+\n$"), "line: " + line);
                string log = System.IO.File.ReadAllText(Path.Combine(flash, "log"));
                Assert.True(log.Replace("entry\n", "") == "", "log: " + log.Length);
                for (int i = 0; i < Sources.Length; i++) Assert.Equal(Sources[i], System.IO.File.ReadAllText(Path.Combine(flash, "src" + i)));
            }
            // Booted again on the same folder: the kernel lists the files, and no copy is left over.
            var r = SimProcess.RunIn(dir, null, "--bare", "-c", "ls /flash");
            Assert.Equal("copy\nline\nlog\nsrc0\nsrc1\nsrc2\n", r.Out);
            string pending = Path.Combine(flash, FolderStorage.PendingFolder);
            Assert.True(Directory.Exists(pending), "no write was ever made");
            Assert.Empty(Directory.GetFiles(pending));
            _out.WriteLine(landed + " of " + rounds + " kills landed mid-stream");
            return landed;
        }
    }
}
