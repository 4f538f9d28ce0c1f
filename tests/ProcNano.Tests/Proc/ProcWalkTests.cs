using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ProcNano.HostSim;
using ProcNano;
using ProcNano.Tests.Build;
using ProcNano.Tests.Shell;
using Xunit;
using KKernel = ProcNano.Kernel;
using KShell = ProcNano.Shell;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Proc
{
    /// <summary>A platform with a clock that stands still and a temporary folder as flash, so that every read of
    /// a /proc file in a walk sees the same moment.</summary>
    internal sealed class StillPlatform : IPlatform
    {
        public StillPlatform() { Flash = HostPlatform.WithTempFlash().Flash; }
        public long UptimeMs => 123456;
        public long UnixTime => 1700000000;
        public IStorage Flash { get; }
        public long ManagedHeapTotal => 1 << 20;
        public long ManagedHeapFree => 1 << 19;
    }

    /// <summary>
    /// LTP proc01's idea on ProcNano: after the boot script (several tasks, shared text, shm, file maps) and
    /// `insmod uart`, walk the whole /proc tree through the syscalls, read every file, readlink every link,
    /// list every directory, as root and as an ordinary user, on every board (4096- and 256-byte pages). No
    /// exception anywhere; no error but the documented ones; and every file gives the same bytes read one byte
    /// at a time, 4 KiB at a time, and from arbitrary offsets with arbitrary sizes.
    /// </summary>
    public class ProcWalkTests
    {
        public static IEnumerable<object[]> Boards() =>
            Directory.GetFiles(Path.Combine(RepoPaths.Root, "boards"), "*.board")
                .Select(p => new object[] { Path.GetFileNameWithoutExtension(p) }).OrderBy(o => (string)o[0]);

        private static (KKernel k, KTask root, KTask user) Booted(string board)
        {
            BoardConfig b = BoardLoader.Load(RepoPaths.Root, board, out string error);
            Assert.True(b != null, error);
            var k = ProcNano.Tests.Boot.Board(b, new StillPlatform());
            KTask shTask = Getty.NewShellTask(k.Sys);
            var sh = new KShell(k.Sys, shTask, new LineDiscipline(new MemoryTty()) { Echo = false, OutputCrlf = false }, 4096);
            sh.RunBootScript(BoardLoader.ReadBootScript(RepoPaths.Root, b));
            Assert.Equal(0, sh.Execute("insmod uart"));
            Assert.Equal(0, sh.Execute("mkdir /tmp; echo x > /tmp/f"));
            KTask user = Boot.NewTask(k, "walker", 1000, 1000);
            int fd = k.Sys.Open(user, "/tmp/f", File.O_RDONLY, 0);   // something under /proc/<pid>/fd
            Assert.True(fd >= 0);
            return (k, shTask, user);
        }

        /// <summary>Errors a walk may meet, by path pattern (as proc01's known-issue table).</summary>
        private static bool Expected(string path, int err, KTask reader, string op)
        {
            if (err == -Errno.EACCES && reader.Euid != 0) return true;   // ptrace-guarded or root-only
            // clear_refs is write-only: no read method (vfs_read's EINVAL).
            if (op == "read" && path.EndsWith("/clear_refs") && err == -Errno.EINVAL) return true;
            if (op == "open" && path.EndsWith("/clear_refs") && err == -Errno.EACCES) return true;
            // The walker's own descriptor for the fd/ and fdinfo/ listings is closed again before its entries are looked at.
            if (op == "lstat" && (path.Contains("/fd/") || path.Contains("/fdinfo/")) && err == -Errno.ENOENT) return true;
            return false;
        }

        private sealed class Walker
        {
            public readonly KKernel K;
            public readonly KTask T;
            public readonly List<string> Problems = new List<string>();
            public int Files, Links, Dirs;
            public readonly List<string> Readable = new List<string>();

            public Walker(KKernel k, KTask t) { K = k; T = t; }

            public void Dir(string path, int depth)
            {
                Dirs++;
                if (depth > 8) { Problems.Add(path + ": too deep"); return; }
                int fd = K.Sys.Open(T, path, global::ProcNano.File.O_RDONLY, 0);
                if (fd < 0)
                {
                    if (!Expected(path, fd, T, "open")) Problems.Add(path + ": opendir: " + Errno.StrError(fd));
                    return;
                }
                var names = new List<string>();
                for (int i = 0; ; i++)
                {
                    int r = K.Sys.ReadDir(T, fd, i, out string name, out int _);
                    if (r < 0) { if (!Expected(path, r, T, "readdir")) Problems.Add(path + ": readdir: " + Errno.StrError(r)); break; }
                    if (r == 0) break;
                    if (name != "." && name != "..") names.Add(name);
                    if (i > 10000) { Problems.Add(path + ": endless readdir"); break; }
                }
                K.Sys.Close(T, fd);
                if (names.Distinct().Count() != names.Count) Problems.Add(path + ": duplicate names in " + string.Join(",", names));
                foreach (string n in names)
                {
                    string p = path + "/" + n;
                    var st = new StatInfo();
                    int r = K.Sys.Lstat(T, p, st);
                    if (r < 0)
                    {
                        if (!Expected(p, r, T, "lstat")) Problems.Add(p + ": lstat: " + Errno.StrError(r));
                        continue;
                    }
                    int type = st.Mode & Stat.S_IFMT;
                    if (type == Stat.S_IFDIR) Dir(p, depth + 1);
                    else if (type == Stat.S_IFLNK) Link(p);
                    else ReadFile(p, st);
                }
            }

            private void Link(string path)
            {
                Links++;
                string target = K.Sys.ReadLink(T, path, out int err);
                if (target == null)
                {
                    // exe without an executable mapping, cwd of a task without one: ENOENT is the answer.
                    if (err != -Errno.ENOENT && !Expected(path, err, T, "readlink")) Problems.Add(path + ": readlink: " + Errno.StrError(err));
                }
            }

            private void ReadFile(string path, StatInfo st)
            {
                Files++;
                bool pagemap = path.EndsWith("/pagemap");
                // 8 bytes a page over the 32-bit space (128 MiB with 256-byte pages): the first 256 KiB will do.
                byte[] big = ReadAll(path, 4096, out int err, pagemap ? 256 * 1024 : int.MaxValue);
                if (big == null)
                {
                    if (!Expected(path, err, T, err == -Errno.EACCES ? "open" : "read")) Problems.Add(path + ": " + Errno.StrError(err));
                    return;
                }
                Readable.Add(path);
                if (pagemap)
                {
                    byte[] small = ReadAll(path, 8, out err, 64 * 1024);
                    if (small == null || !small.SequenceEqual(big.Take(small.Length))) Problems.Add(path + ": 8-byte reads differ");
                    return;
                }
                if (path == "/proc/kmsg") return;   // a stream: each open has its own cursor, offsets are ignored
                byte[] one = ReadAll(path, 1, out err);
                if (one == null) { Problems.Add(path + ": 1-byte reads: " + Errno.StrError(err)); return; }
                if (!one.SequenceEqual(big))
                    Problems.Add(path + ": 1-byte and 4 KiB reads differ:\n" + Encoding.Latin1.GetString(one) + "\n---\n" + Encoding.Latin1.GetString(big));
                // Arbitrary offsets and sizes on one open file (lseek, then read).
                var rnd = new Random(path.Length * 31 + big.Length);
                int fd = K.Sys.Open(T, path, global::ProcNano.File.O_RDONLY, 0);
                byte[] buf = new byte[5000];
                for (int i = 0; i < 20 && fd >= 0; i++)
                {
                    int pos = rnd.Next(0, big.Length + 10);
                    int len = rnd.Next(1, 700);
                    K.Sys.Lseek(T, fd, pos, 0);
                    int n = K.Sys.Read(T, fd, buf, 0, len);
                    int want = Math.Max(0, Math.Min(len, big.Length - pos));
                    if (n < 0 || n > want || !buf.Take(n).SequenceEqual(big.Skip(pos).Take(n)) || (n == 0 && want > 0))
                    {
                        Problems.Add(path + ": read of " + len + " at " + pos + " gave " + n + " bytes, not the file's");
                        break;
                    }
                }
                if (fd >= 0) K.Sys.Close(T, fd);
            }

            private byte[] ReadAll(string path, int chunk, out int err, int max = int.MaxValue)
            {
                err = 0;
                int fd = K.Sys.Open(T, path, global::ProcNano.File.O_RDONLY, 0);
                if (fd < 0) { err = fd; return null; }
                var ms = new MemoryStream();
                byte[] buf = new byte[chunk];
                try
                {
                    while (ms.Length < max)
                    {
                        int n = K.Sys.Read(T, fd, buf, 0, chunk);
                        if (n < 0) { err = n; return null; }
                        if (n == 0) break;
                        if (n > chunk) { Problems.Add(path + ": read returned more than asked"); break; }
                        ms.Write(buf, 0, n);
                        if (ms.Length > 64L * 1024 * 1024) { Problems.Add(path + ": endless"); break; }
                    }
                }
                finally { K.Sys.Close(T, fd); }
                return ms.ToArray();
            }
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void WalkWholeProcTree_AsRootAndUser_NoUnexpectedErrors_AndEveryReadSizeGivesTheSameBytes(string board)
        {
            var (k, root, user) = Booted(board);
            foreach (KTask t in new[] { root, user })
            {
                var w = new Walker(k, t);
                w.Dir("/proc", 0);
                Assert.True(w.Problems.Count == 0, "uid " + t.Euid + ":\n" + string.Join("\n", w.Problems));
                Assert.True(w.Files > 40, "only " + w.Files + " files");
                Assert.True(w.Links > 10);
            }
        }

        /// <summary>Managed bytes allocated by reading <paramref name="path"/> again from the start through one open
        /// descriptor (the least of a few rounds, after a warm-up), or -errno.</summary>
        private static long RereadBytes(KKernel k, KTask t, string path)
        {
            int fd = k.Sys.Open(t, path, global::ProcNano.File.O_RDONLY, 0);
            if (fd < 0) return fd;
            byte[] buf = new byte[path.EndsWith("/pagemap") ? 4096 : 61];
            int err = 0;
            void Reread()
            {
                k.Sys.Lseek(t, fd, 0, 0);
                int r, rounds = 0;
                while ((r = k.Sys.Read(t, fd, buf, 0, buf.Length)) > 0 && ++rounds < 64) { }
                if (r < 0) err = r;
            }
            for (int i = 0; i < 5; i++) Reread();
            long bytes = Allocations.Fewest(() => { for (int i = 0; i < 20; i++) Reread(); });
            k.Sys.Close(t, fd);
            return err < 0 ? err : bytes;
        }

        [Fact]
        public void EveryProcFile_ReadAgain_AllocatesNothing()
        {
            var (k, root, _) = Booted("host");
            var w = new Walker(k, root);
            w.Dir("/proc", 0);
            Assert.Empty(w.Problems);
            var allocating = new List<string>();
            foreach (string path in w.Readable)
            {
                if (path == "/proc/kmsg") continue;   // a stream: nothing to read again
                long bytes = RereadBytes(k, root, path);
                if (bytes != 0) allocating.Add(path + ": " + (bytes < 0 ? Errno.StrError((int)bytes) : bytes + " bytes"));
            }
            Assert.True(allocating.Count == 0, string.Join("\n", allocating));
        }
    }
}
