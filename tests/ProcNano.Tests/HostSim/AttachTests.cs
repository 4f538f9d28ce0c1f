using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using ProcNano;
using ProcNano.HostSim.Web;
using ProcNano.Tests.Build;
using ProcNano.HostSim;
using Xunit;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.HostSim
{
    /// <summary>One direction of an in-memory serial line: bytes written at one end are read at the other
    /// (0 after a short wait when none came, as a serial port's read timeout does; -1 once closed).</summary>
    internal sealed class PipeTty : ITty
    {
        private readonly BlockingCollection<byte[]> _in, _out;
        private byte[] _partial;
        private int _at;

        public PipeTty(BlockingCollection<byte[]> input, BlockingCollection<byte[]> output)
        {
            _in = input;
            _out = output;
        }

        public static (PipeTty board, PipeTty host) Pair()
        {
            var toBoard = new BlockingCollection<byte[]>();
            var toHost = new BlockingCollection<byte[]>();
            return (new PipeTty(toBoard, toHost), new PipeTty(toHost, toBoard));
        }

        public bool HasInput() { return (_partial != null && _at < _partial.Length) || _in.Count > 0 || _in.IsCompleted; }

        public int Read(byte[] buf, int off, int count)
        {
            if (_partial == null || _at == _partial.Length)
            {
                if (_in.IsCompleted) return -1;
                try
                {
                    if (!_in.TryTake(out _partial, 20)) return 0;
                }
                catch (InvalidOperationException)
                {
                    return -1;
                }
                _at = 0;
            }
            int n = Math.Min(count, _partial.Length - _at);
            Array.Copy(_partial, _at, buf, off, n);
            _at += n;
            return n;
        }

        public void Write(byte[] buf, int off, int count)
        {
            if (_out.IsAddingCompleted) return;
            var b = new byte[count];
            Array.Copy(buf, off, b, 0, count);
            try
            {
                _out.Add(b);
            }
            catch (InvalidOperationException)
            {
            }
        }

        /// <summary>Hangs up: the other end reads -1 once it has read what was sent.</summary>
        public void Close() => _out.CompleteAdding();
    }

    /// <summary>
    /// The attach protocol and what it reads, against a kernel in this process: its console shell on one end
    /// of an in-memory line (echo and CRLF on, as on a UART), <see cref="ShellLink"/> on the other. The picture
    /// attach mode draws must be the one the simulator's own snapshot gives.
    /// </summary>
    public sealed class AttachTests : IDisposable
    {
        private readonly Kernel _k;
        private readonly KTask _shellTask;
        private readonly PipeTty _board, _host;
        private readonly Thread _console;
        private readonly ShellLink _link;

        public AttachTests()
        {
            string root = RepoPaths.Root;
            BoardConfig board = BoardLoader.Load(root, null, out string error);
            Assert.True(board != null, error);
            _k = Boot.Board(board);
            (_board, _host) = PipeTty.Pair();
            var sh = new ProcNano.Shell(_k.Sys, _k.Uart.Stats, _board);
            _shellTask = sh.Task;
            sh.RunBootScript(BoardLoader.ReadBootScript(root, board));
            _console = new Thread(() => sh.ServeTty()) { IsBackground = true };
            _console.Start();
            _link = new ShellLink(_host) { TimeoutMs = 10000 };
            _link.Sync();
        }

        public void Dispose()
        {
            _host.Close();
            _board.Close();
            _console.Join(5000);
        }

        [Fact]
        public void Run_SplitsEachCommandsOutput_ErrorsInline_EmptyOutputsToo()
        {
            string[] r = _link.Run("echo one", "cat /proc/nosuch", "echo -n", "echo two; echo three", "uname -m");
            Assert.Equal("one\n", r[0]);
            Assert.Equal("cat: /proc/nosuch: No such file or directory\n", r[1]);
            Assert.Equal("", r[2]);
            Assert.Equal("two\nthree\n", r[3]);
            Assert.Equal("host\n", r[4]);
            // Many commands: more than one line's worth, split into requests under the shell's 256 bytes.
            string[] many = _link.Run(Enumerable.Range(0, 40).Select(i => "echo " + i).ToArray());
            Assert.Equal(Enumerable.Range(0, 40).Select(i => i + "\n"), many);
        }

        [Fact]
        public void Run_OutputThatLooksLikeAMarker_MidLine_IsOutput()
        {
            string[] r = _link.Run("echo x @@1.$", "echo @@99.0 y");
            Assert.Equal("x @@1.$\n", r[0]);
            Assert.Equal("@@99.0 y\n", r[1]);
        }

        [Fact]
        public void Attach_DrawsWhatTheSimulatorsSnapshotGives()
        {
            MemSnapshot local = new LocalSource(_k.Sys, _shellTask, "host").Take();
            MemSnapshot attach = new AttachSource(_link, "pipe").Take();
            Assert.Equal("host", attach.Board);
            Assert.Equal(local.ArenaBase, attach.ArenaBase);
            Assert.Equal(local.PageSize, attach.PageSize);
            Assert.Equal(local.Pages, attach.Pages);
            Assert.Equal(local.Owners, attach.Owners);
            Assert.Equal(local.Buddy, attach.Buddy);
            Assert.Equal(local.FragmentationPct, attach.FragmentationPct);
            Assert.Equal(local.Regions.Count, attach.Regions.Count);
            for (int i = 0; i < local.Regions.Count; i++)
            {
                RegionInfo a = local.Regions[i], b = attach.Regions[i];
                Assert.Equal((a.N, a.Letter, a.Start, a.End, a.Perms, a.Kind, a.Pages, a.File, a.Shm, a.MapsLine),
                    (b.N, b.Letter, b.Start, b.End, b.Perms, b.Kind, b.Pages, b.File, b.Shm, b.MapsLine));
                Assert.Equal(a.Users.OrderBy(x => x), b.Users.OrderBy(x => x));
            }
            // The shell's own state differs: R while it runs the board's ps, S while it waits at the prompt.
            int sh = _k.Sys.Getpid(_shellTask);
            Assert.Equal(local.Tasks.Select(t => (t.Pid, t.Ppid, t.User, t.Pid == sh ? "" : t.State, t.VszKb, t.RssKb, t.Command)),
                attach.Tasks.Select(t => (t.Pid, t.Ppid, t.User, t.Pid == sh ? "" : t.State, t.VszKb, t.RssKb, t.Command)));
            Assert.All(attach.Tasks, t => Assert.True(t.MemBytes > 0, "no Mem for " + t.Pid));
            Assert.Equal(local.Slabs.Select(s => s.Name), attach.Slabs.Select(s => s.Name));
            Assert.Equal(local.MeminfoKb("MmapCopy"), attach.MeminfoKb("MmapCopy"));
            // The demo's shared text copy of /flash/hold has both its tasks as users.
            Assert.Equal(2, attach.Regions.Single(r => r.File == "/flash/hold" && r.Kind == "copy").Users.Count);
        }

        [Fact]
        public void Attach_SeesAMapMadeOnTheBoard()
        {
            string addr = _link.Run("mmap 12288 rw- private")[0].Trim();
            MemSnapshot s = new AttachSource(_link, "pipe").Take();
            RegionInfo r = s.Regions.Single(x => "0x" + x.Start.ToString("x8") == addr);
            Assert.Equal(3, r.Pages);
            Assert.Equal(3, s.Owners.Count(o => o == r.N));
            Assert.Equal(new[] { _k.Sys.Getpid(_shellTask) }, r.Users);
        }

        [Fact]
        public void Read_FilesAsCatPrintsThem_DirectoriesAsEntries_Errors()
        {
            var src = new AttachSource(_link, "pipe");
            ProcView maps = src.Read("/proc/maps");
            Assert.False(maps.Dir);
            Assert.Equal(Files.Read(_k, _shellTask, "/proc/maps").Length, maps.Text.Length);
            ProcView dir = src.Read("/proc/self");
            Assert.True(dir.Dir);
            Assert.Contains(dir.Entries, e => e.Name == "maps" && e.Type == "-");
            Assert.Contains(dir.Entries, e => e.Name == "fd" && e.Type == "d");
            Assert.Contains(dir.Entries, e => e.Name == "exe" && e.Type == "l");
            ProcView top = src.Read("/proc");
            Assert.Contains(top.Entries, e => e.Name == "self" && e.Type == "l");
            Assert.Equal("cat: /proc/nosuch: No such file or directory", src.Read("/proc/nosuch").Error);
            Assert.NotNull(src.Read("/proc/self/maps; rm /x").Error);   // never a command of its own
            Assert.NotNull(src.Read("/proc/1/pagemap").Error);
            // The local source reads the same things the same way.
            var local = new LocalSource(_k.Sys, _shellTask, "host");
            Assert.Equal(dir.Entries.Select(e => (e.Name, e.Type)), local.Read("/proc/self").Entries.Select(e => (e.Name, e.Type)));
            Assert.Equal("cat: /proc/nosuch: No such file or directory", local.Read("/proc/nosuch").Error);
            Assert.Contains("00000000  ", local.Read("/proc/self/pagemap").Text);   // binary: hexdump -C lines
        }

        /// <summary>A board whose shell has no memmap: regions, users and counts still come from /proc; the pages
        /// a region spans are its, the rest are unknown; the page size follows from MemFree and the buddy lists.</summary>
        [Fact]
        public void Attach_WithoutMemmap_FallsBackToProc()
        {
            string[] r = _link.Run("cat /proc/maps", "cat /proc/buddyinfo", "cat /proc/meminfo", "cat /proc/slabinfo", "ps");
            var tasks = ProcText.Ps(r[4]);
            string[] per = _link.Run(tasks.SelectMany(t => new[] { "cat /proc/" + t.Pid + "/maps", "cat /proc/" + t.Pid + "/status" }).ToArray());
            MemSnapshot s = AttachSource.Build("pipe", "host", "sh: memmap: command not found\n", r[0], r[1], r[2], r[3], tasks, per);
            MemSnapshot local = new LocalSource(_k.Sys, _shellTask, "host").Take();
            Assert.Equal(4096, s.PageSize);
            Assert.Equal(256, s.Pages);
            Assert.Equal(local.ArenaBase, s.ArenaBase);
            Assert.Equal(local.Regions.Select(x => x.Users.OrderBy(u => u)), s.Regions.Select(x => x.Users.OrderBy(u => u)));
            for (int pfn = 0; pfn < s.Pages; pfn++)
                Assert.Equal(local.Owners[pfn] >= 0 ? local.Owners[pfn] : MemSnapshot.Unknown, s.Owners[pfn]);
            Assert.Equal(local.FreePages, s.FreePages);
        }

        [Fact]
        public void LineGone_IsAnIOException_AndClosed()
        {
            _board.Close();
            Assert.ThrowsAny<System.IO.IOException>(() => _link.Run("echo x"));
            Assert.True(_link.Closed);
        }
    }
}
