using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ProcNano;
using ProcNano.HostSim;
using ProcNano.Tests.Shell;
using Xunit;

namespace ProcNano.Tests.Fs
{
    /// <summary>An IStorage that fails on purpose: each call fails with a chosen errno when the dice say so.</summary>
    internal sealed class FaultyStorage : IStorage
    {
        private readonly IStorage _s;
        private readonly Random _rnd;
        public int Percent;
        public int Injected;
        private static readonly int[] Errnos = { Errno.EIO, Errno.ENOSPC, Errno.EACCES, Errno.EROFS };

        public FaultyStorage(IStorage s, int seed) { _s = s; _rnd = new Random(seed); }

        private int Fail()
        {
            if (_rnd.Next(100) >= Percent) return 0;
            Injected++;
            return -Errnos[_rnd.Next(Errnos.Length)];
        }

        public int Count => _s.Count;
        public string NameAt(int index) => _s.NameAt(index);
        public long SizeOf(string name) { int e = Fail(); return e < 0 ? e : _s.SizeOf(name); }
        public int Read(string name, long pos, byte[] buf, int off, int count) { int e = Fail(); return e < 0 ? e : _s.Read(name, pos, buf, off, count); }
        public int Write(string name, long pos, byte[] buf, int off, int count) { int e = Fail(); return e < 0 ? e : _s.Write(name, pos, buf, off, count); }
        public int Truncate(string name, long size) { int e = Fail(); return e < 0 ? e : _s.Truncate(name, size); }
        public int Delete(string name) { int e = Fail(); return e < 0 ? e : _s.Delete(name); }
        public long FreeBytes => _s.FreeBytes;
        public bool ReadOnly => _s.ReadOnly;
        public int BeginWrite(string name, bool truncate) { int e = Fail(); return e < 0 ? e : _s.BeginWrite(name, truncate); }
        public int EndWrite(string name) { int e = Fail(); return e < 0 ? FailEnd(name, e) : _s.EndWrite(name); }

        // A failed commit still ends the write (the copy is dropped): the file stays old.
        private int FailEnd(string name, int e)
        {
            _s.EndWrite(name);
            return e;
        }
    }

    /// <summary>
    /// Storage errors injected through the storage interface: flash commands (cat, >, >>, cp, truncate, rm, ls,
    /// mmap of flash files, exec from flash) while 15% of the store's calls fail with EIO, ENOSPC, EACCES or
    /// EROFS. Every failure reaches the user as its errno, nothing escapes, the kernel's invariants hold and the
    /// arena is as at boot once the maps are gone.
    /// </summary>
    public class StorageFaultTests
    {
        [Fact]
        public void InjectedStorageErrors_AreErrnos_NothingEscapes_NoPageLost()
        {
            string dir = Path.Combine(Path.GetTempPath(), "procnano-fault-" + Guid.NewGuid().ToString("N"));
            var faulty = new FaultyStorage(new FolderStorage(dir), 5);
            var h = new ShellHarness(new BoardConfig(), new HostPlatform(faulty));
            Assert.Equal(0, h.Run("cp /bin/hold /flash/hold", out _));
            int free = h.K.Pages.FreePages;
            faulty.Percent = 15;
            var rnd = new Random(3);
            string[] cmds =
            {
                "cat /flash/a", "echo one > /flash/a", "echo two >> /flash/a", "cp /flash/a /flash/b", "cp /bin/hold /flash/b",
                "truncate -s 10 /flash/b", "rm /flash/b", "ls -la /flash", "mmap 4096 r-- private /flash/a", "exec /flash/hold 1",
                "cat /flash/hold > /tmp/x", "hexdump 0x20000000 4",
            };
            var errors = new HashSet<string>();
            for (int i = 0; i < 3000; i++)
            {
                string c = cmds[rnd.Next(cmds.Length)];
                h.Run(c, out string o);
                Assert.DoesNotContain("internal error", o);
                foreach (string e in new[] { "Input/output error", "No space left on device", "Permission denied", "Read-only file system" })
                    if (o.Contains(e)) errors.Add(e);
            }
            Assert.True(faulty.Injected > 500, faulty.Injected + " faults");
            Assert.Equal(4, errors.Count);
            faulty.Percent = 0;
            Invariants.Check(h.K);
            // Every task and map made gone again: the arena as it was.
            var info = new TaskInfo();
            var pids = new List<int>();
            for (int i = h.K.Sys.TaskAt(h.Task, 0, info); i > 0; i = h.K.Sys.TaskAt(h.Task, i, info)) if (info.Pid > 2) pids.Add(info.Pid);
            foreach (int p in pids) h.K.Sys.Kill(h.Task, p, Syscalls.SIGKILL);
            for (int i = h.Task.Mm.Vmas.Count - 1; i >= 0; i--)
            {
                int v = h.Task.Mm.Vmas[i];
                File f = h.K.Mem.VmaFile(v);
                if (f == null || !f.Path.StartsWith("/flash/")) continue;
                Assert.Equal(0, h.K.Sys.Munmap(h.Task, h.K.Mem.Vmas.Start(v), h.K.Mem.Vmas.End(v) - h.K.Mem.Vmas.Start(v)));
            }
            h.Run("rm /tmp/x", out _);
            Assert.Equal(free, h.K.Pages.FreePages);
            // The pending copies were all dropped or switched in.
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, FolderStorage.PendingFolder)));
        }
    }
}
