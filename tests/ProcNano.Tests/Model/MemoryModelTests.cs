using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using ProcNano;
using ProcNano.HostSim;
using Xunit;

namespace ProcNano.Tests.Model
{
    /// <summary>
    /// Model-based test of the NOMMU memory manager: random sequences of anonymous mmap, read-only private maps of
    /// flash files (shared copies), munmap (whole, page-rounded, head, tail, a hole, a bogus address), shmget,
    /// shmat, shmdt, IPC_RMID, new tasks, exec of a program from /flash (MemoryModel.Exec.cs), exits and
    /// nr_trim_pages changes, over several tasks, run against the
    /// kernel and against <see cref="MemoryModel"/>, a deliberately simple reference (plain lists, no kernel
    /// code). Every result and errno, MmapCopy, each task's /proc/&lt;pid&gt;/maps and /proc/maps must agree.
    /// CsCheck generates the sequences and shrinks a failing one to a minimal one.
    /// Operations per run: <see cref="Samples"/> × <see cref="Steps"/> on each board (PROCNANO_MODEL_SAMPLES
    /// raises the count for a soak run: docs/RELIABILITY.md).
    /// </summary>
    public class MemoryModelTests
    {
        public const int Steps = 500;
        public static int Samples => int.TryParse(Environment.GetEnvironmentVariable("PROCNANO_MODEL_SAMPLES"), out int n) && n > 0 ? n : 110;

        private static readonly Gen<Op[]> Ops =
            Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], (k, a, b, c) => new Op(k, a, b, c)).Array[Steps];

        [Fact]
        public void Host4096BytePages_KernelAgreesWithTheModel()
        {
            int ops = 0;
            Ops.Sample(seq => { ops += MemoryModel.Run(4096, 256, seq); }, iter: Samples, threads: 1, print: Print);
            Assert.True(ops >= Samples * Steps, ops + " operations");
        }

        [Fact]
        public void Small256BytePages_KernelAgreesWithTheModel()
        {
            int ops = 0;
            Ops.Sample(seq => { ops += MemoryModel.Run(256, 128, seq); }, iter: Samples, threads: 1, print: Print);
            Assert.True(ops >= Samples * Steps, ops + " operations");
        }

        private static string Print(Op[] ops) => string.Join("; ", ops.Select(o => o.ToString()));
    }

    public readonly struct Op
    {
        public readonly int Kind, A, B, C;
        public Op(int kind, int a, int b, int c) { Kind = kind; A = a; B = b; C = c; }
        public override string ToString() => Kind + "/" + A + "/" + B + "/" + C;
    }

    /// <summary>The reference: what each operation must do, from Linux's rules (mm/nommu.c after "Make VMAs per
    /// MM", ipc/shm.c on NOMMU), over plain lists. Addresses come from the kernel's answers (the model does not
    /// simulate the buddy allocator); everything else is predicted.</summary>
    internal sealed partial class MemoryModel
    {
        private sealed class Region
        {
            public uint Start, End, Top;   // End: page-rounded length; Top: allocation end (slack included)
            public bool Copy;
            public int Usage, Pgoff;
            public string Perms;
            public MFile File;             // null: anonymous
        }

        private sealed class Vma
        {
            public uint Start, End;
            public Region R;
            public string Perms;
            public Seg Shm;
        }

        private sealed class MFile
        {
            public string Path;
            public int Major, Minor, Ino, Pages;
        }

        private sealed class Seg
        {
            public int Id, Pages, Nattch;
            public bool Removed;
            public uint Addr;
            public MFile File;
        }

        private sealed class MTask
        {
            public ProcNano.Task T;
            public readonly List<Vma> Vmas = new List<Vma>();
        }

        private readonly Kernel _k;
        private readonly int _ps;
        private readonly List<MTask> _tasks = new List<MTask>();
        private readonly List<Region> _regions = new List<Region>();
        private readonly List<Seg> _segs = new List<Seg>();
        private readonly List<MFile> _files = new List<MFile>();
        private int _nrTrim = 1;
        private const int MaxMap = 12, MaxTasks = 4;

        private MemoryModel(int pageSize, int pages)
        {
            _ps = pageSize;
            _k = Boot.Board(new BoardConfig { PageSize = pageSize, ArenaPages = pages, NrTrimPages = 1, MaxMapCount = MaxMap });
            for (int i = 0; i < 2; i++)
            {
                string path = "/flash/F" + i;
                Files.Write(_k, _k.Init, path, Files.Pattern(3 * pageSize, i + 1));
                var st = new StatInfo();
                Assert.Equal(0, _k.Sys.Stat(_k.Init, path, st));
                _files.Add(new MFile { Path = path, Ino = st.Ino, Major = 0x1f, Minor = 1, Pages = 3 });
            }
            AddProgram();
            NewTask();
        }

        /// <summary>Runs <paramref name="ops"/> on a fresh kernel and model; throws at the first disagreement.</summary>
        public static int Run(int pageSize, int pages, Op[] ops)
        {
            var m = new MemoryModel(pageSize, pages);
            for (int i = 0; i < ops.Length; i++)
            {
                try
                {
                    m.Step(ops[i]);
                    m.Compare(i % 16 == 0);
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    throw new Exception("step " + i + " (" + ops[i] + "): " + e.Message, e);
                }
            }
            while (m._tasks.Count > 0) m.Exit(m._tasks[0]);
            foreach (Seg s in m._segs.ToArray()) if (!s.Removed) m.Rmid(s);
            m.Compare(true);
            Assert.Equal(pages, m._k.Pages.FreePages);   // the arena as at boot
            return ops.Length;
        }

        private uint Up(uint n) => (uint)((n + _ps - 1) / _ps * _ps);

        private void Step(Op op)
        {
            int kind = op.Kind;
            if (_tasks.Count == 0) { NewTask(); return; }
            MTask t = _tasks[op.A % _tasks.Count];
            if (kind < 25) MmapAnon(t, 1 + op.B % 5, op.C % _ps, op.C % 7 == 0);
            else if (kind < 40) MmapFile(t, _files[op.B % 2], op.C % 3, op.B / 2 % 3, op.C / 3 % _ps);
            else if (kind < 62) Munmap(t, op.B, op.C);
            else if (kind < 67) Shmget(1 + op.B % 2);
            else if (kind < 77) Shmat(t, op.B);
            else if (kind < 85) Shmdt(t, op.B);
            else if (kind < 88) { if (_segs.Count > 0) Rmid(_segs[op.B % _segs.Count]); }
            else if (kind < 90) { if (_tasks.Count < MaxTasks) NewTask(); }
            else if (kind < 92) { if (_tasks.Count < MaxTasks) Exec(1 + op.B % 3); }
            else if (kind < 96) Exit(t);
            else SetTrim(op.B % 4);
        }

        private void NewTask()
        {
            ProcNano.Task t = _k.Tasks.NewTask(_k.Init, "m", _k.Tasks.RootNs, _k.Tasks.RootNet);
            Assert.NotNull(t);
            _tasks.Add(new MTask { T = t });
        }

        private void SetTrim(int v)
        {
            byte[] b = Encoding.ASCII.GetBytes(v + "\n");
            int fd = _k.Sys.Open(_k.Init, "/proc/sys/vm/nr_trim_pages", File.O_WRONLY, 0);
            Assert.Equal(b.Length, _k.Sys.Write(_k.Init, fd, b, 0, b.Length));
            _k.Sys.Close(_k.Init, fd);
            _nrTrim = v;
        }

        // do_mmap_private's allocation: a power of two, the excess trimmed when at least nr_trim_pages.
        private int Kept(int pages)
        {
            int total = 1;
            while (total < pages) total <<= 1;
            return _nrTrim != 0 && total - pages >= _nrTrim ? pages : total;
        }

        private static int Pow2(int pages)
        {
            int total = 1;
            while (total < pages) total <<= 1;
            return total;
        }

        /// <summary>The kernel said ENOMEM for want of a block: only right if no free block is big enough.</summary>
        private void ArenaFull(long r, int largest, int need)
        {
            Assert.Equal(-Errno.ENOMEM, r);
            Assert.True(largest < need, "ENOMEM with a free block of " + largest + " pages for " + need);
        }

        private void MmapAnon(MTask t, int pages, int less, bool readOnly)
        {
            long len = (long)pages * _ps - (pages > 1 ? less : 0);
            int prot = readOnly ? Vm.PROT_READ : Vm.PROT_READ | Vm.PROT_WRITE;
            int largest = _k.Pages.LargestFreeBlock;
            long r = _k.Sys.Mmap(t.T, 0, len, prot, Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS, -1, 0);
            if (t.Vmas.Count >= MaxMap) { Assert.Equal(-Errno.ENOMEM, r); return; }
            if (r < 0) { ArenaFull(r, largest, Pow2(pages)); return; }
            uint a = (uint)r;
            var reg = new Region { Start = a, End = a + Up((uint)len), Top = a + (uint)(Kept(pages) * _ps), Copy = true, Usage = 1, Perms = readOnly ? "r--p" : "rw-p" };
            AddRegion(reg);
            t.Vmas.Add(new Vma { Start = a, End = a + (uint)len, R = reg, Perms = reg.Perms });
        }

        private void MmapFile(MTask t, MFile f, int pgoff, int pagesWant, int less)
        {
            int pages = 1 + pagesWant % (f.Pages - pgoff);
            long len = (long)pages * _ps - less;
            if (len <= (long)(pages - 1) * _ps) len = (long)(pages - 1) * _ps + 1;
            int fd = _k.Sys.Open(t.T, f.Path, File.O_RDONLY, 0);
            Assert.True(fd >= 0);
            int largest = _k.Pages.LargestFreeBlock;
            long r = _k.Sys.Mmap(t.T, 0, len, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, (long)pgoff * _ps);
            _k.Sys.Close(t.T, fd);
            if (t.Vmas.Count >= MaxMap) { Assert.Equal(-Errno.ENOMEM, r); return; }
            // A read-only private map shares the first copy of the file whose page range overlaps it: a copy
            // that holds the whole range is shared, one that only overlaps it is a mismatch (EINVAL).
            foreach (Region reg in _regions.OrderBy(x => x.Start))
            {
                if (reg.File != f) continue;
                int rp = (int)((reg.End - reg.Start) / _ps);
                if (pgoff >= reg.Pgoff + rp || reg.Pgoff >= pgoff + pages) continue;
                if (pgoff < reg.Pgoff || pgoff + pages > reg.Pgoff + rp) { Assert.Equal(-Errno.EINVAL, r); return; }
                uint at = reg.Start + (uint)((pgoff - reg.Pgoff) * _ps);
                Assert.Equal((long)at, r);
                reg.Usage++;
                t.Vmas.Add(new Vma { Start = at, End = at + (uint)len, R = reg, Perms = "r--s" });
                return;
            }
            if (r < 0) { ArenaFull(r, largest, Pow2(pages)); return; }
            uint a = (uint)r;
            var nr = new Region { Start = a, End = a + (uint)(pages * _ps), Top = a + (uint)(Kept(pages) * _ps), Copy = true, Usage = 1, Pgoff = pgoff, Perms = "r--s", File = f };
            AddRegion(nr);
            t.Vmas.Add(new Vma { Start = a, End = a + (uint)len, R = nr, Perms = "r--s" });
        }

        private void AddRegion(Region r)
        {
            foreach (Region o in _regions)
                Assert.True(r.Start >= o.Top || o.Start >= r.Top || (!r.Copy && !o.Copy), "new region overlaps another");
            _regions.Add(r);
        }

        private void Put(Region r)
        {
            if (--r.Usage == 0) _regions.Remove(r);
        }

        private void DeleteVma(MTask t, Vma v)
        {
            t.Vmas.Remove(v);
            if (v.Shm != null)
            {
                v.Shm.Nattch--;
                if (v.Shm.Removed && v.Shm.Nattch == 0) _segs.Remove(v.Shm);
            }
            Put(v.R);
        }

        private bool EndMatches(uint end, uint vmaEnd) => end == vmaEnd || (end == Up(vmaEnd) && end > vmaEnd);

        private void Munmap(MTask t, int pick, int how)
        {
            uint start;
            long len;
            Vma v = t.Vmas.Count == 0 ? null : t.Vmas[pick % t.Vmas.Count];
            int mode = how % 7;
            if (v == null || mode == 6)
            {
                // An address nothing of the task's holds (below the arena), or one page past a VMA's end.
                start = v == null || how % 2 == 0 ? 0x10000000u : Up(v.End) + (uint)_ps * 64;
                len = _ps;
            }
            else
            {
                uint pages = Up(v.End - v.Start) / (uint)_ps;
                uint k = pages <= 1 ? 0 : (uint)(how / 7 % (pages - 1)) + 1;
                switch (mode)
                {
                    case 0: start = v.Start; len = v.End - v.Start; break;
                    case 1: start = v.Start; len = Up(v.End - v.Start); break;
                    case 2: start = v.Start; len = _ps; break;                                   // head page
                    case 3: start = v.Start + k * (uint)_ps; len = v.End - start; break;         // the tail from page k
                    case 4: start = v.Start + k * (uint)_ps; len = _ps; break;                   // one page inside
                    default: start = v.Start + (uint)(how / 7 % _ps); len = _ps; break;          // maybe unaligned
                }
                if (len <= 0) len = _ps;
            }
            int r = _k.Sys.Munmap(t.T, start, len);
            Assert.Equal(Expected(t, start, len), r);
        }

        // do_munmap as 2.6.29 does it, applying the change when it succeeds.
        private int Expected(MTask t, uint start, long len)
        {
            uint end = start + (uint)len;
            Vma v = t.Vmas.Where(x => x.Start <= start && start < x.End).OrderBy(x => x.Start).ThenBy(x => x.End).FirstOrDefault();
            if (v == null) return -Errno.EINVAL;
            if (v.R.File != null || v.Shm != null)
            {
                // The VMA ending exactly at start + len first (do_munmap); a page-rounded match only if none does.
                Vma whole = t.Vmas.Where(x => x.Start == start && EndMatches(end, x.End)).OrderBy(x => x.End == end ? 0 : 1).ThenBy(x => x.End).FirstOrDefault();
                if (whole == null) return -Errno.EINVAL;
                DeleteVma(t, whole);
                return 0;
            }
            if (start == v.Start && EndMatches(end, v.End)) { DeleteVma(t, v); return 0; }
            if (start < v.Start || end > v.End) return -Errno.EINVAL;
            if (start % _ps != 0) return -Errno.EINVAL;
            if (end != v.End && end % _ps != 0) return -Errno.EINVAL;
            Region r = v.R;
            if (start != v.Start && end != v.End)
            {
                if (t.Vmas.Count >= MaxMap) return -Errno.ENOMEM;
                // split: the part below start gets a region of its own
                var below = new Region { Start = r.Start, End = start, Top = start, Copy = true, Usage = 1, Pgoff = r.Pgoff, Perms = r.Perms };
                _regions.Add(below);
                t.Vmas.Add(new Vma { Start = v.Start, End = start, R = below, Perms = v.Perms });
                r.Pgoff += (int)((start - r.Start) / _ps);
                r.Start = start;
                v.Start = start;
            }
            if (start > v.Start)
            {
                v.End = start;          // the tail goes, slack included
                r.End = r.Top = start;
            }
            else
            {
                v.Start = end;          // the head goes
                r.Pgoff += (int)((end - r.Start) / _ps);
                r.Start = end;
            }
            return 0;
        }

        private void Shmget(int pages)
        {
            int largest = _k.Pages.LargestFreeBlock;
            int id = _k.Sys.Shmget(_k.Init, 0, (long)pages * _ps, Shm.IPC_CREAT | 0x1B6);
            if (id < 0) { ArenaFull(id, largest, Pow2(pages)); return; }
            Assert.DoesNotContain(_segs, s => s.Id == id);
            var ino = _k.Shm.Find(id).File.Inode;
            _segs.Add(new Seg { Id = id, Pages = pages, File = new MFile { Path = "/SYSV00000000 (deleted)", Ino = ino.Ino, Major = ino.Sb.Major, Minor = ino.Sb.Minor, Pages = pages } });
        }

        private void Shmat(MTask t, int pick)
        {
            Seg s = _segs.Count == 0 ? null : _segs[pick % _segs.Count];
            int id = s == null ? 12345 : s.Id;
            long r = _k.Sys.Shmat(t.T, id, 0, 0);
            if (s == null) { Assert.Equal(-Errno.EINVAL, r); return; }
            if (t.Vmas.Count >= MaxMap) { Assert.Equal(-Errno.ENOMEM, r); return; }
            Assert.True(r > 0, "shmat: " + r);
            if (s.Addr == 0) s.Addr = (uint)r;
            Assert.Equal((long)s.Addr, r);   // every attach of a segment at one address
            Region reg = _regions.FirstOrDefault(x => x.File == s.File);
            if (reg == null)
            {
                reg = new Region { Start = s.Addr, End = s.Addr + (uint)(s.Pages * _ps), Top = s.Addr + (uint)(s.Pages * _ps), Copy = false, Usage = 0, Perms = "rw-S", File = s.File };
                AddRegion(reg);
            }
            reg.Usage++;
            s.Nattch++;
            t.Vmas.Add(new Vma { Start = s.Addr, End = s.Addr + (uint)(s.Pages * _ps), R = reg, Perms = "rw-S", Shm = s });
        }

        private void Shmdt(MTask t, int pick)
        {
            var candidates = t.Vmas.Where(v => v.Shm != null).ToList();
            uint addr = candidates.Count > 0 && pick % 3 != 0 ? candidates[pick % candidates.Count].Start
                : t.Vmas.Count > 0 ? t.Vmas[pick % t.Vmas.Count].Start + (uint)(pick % 2) : 0x20000000u;
            int r = _k.Sys.Shmdt(t.T, addr);
            Vma v = addr % _ps != 0 ? null : t.Vmas.FirstOrDefault(x => x.Shm != null && x.Start == addr);
            if (v == null) { Assert.Equal(-Errno.EINVAL, r); return; }
            Assert.Equal(0, r);
            DeleteVma(t, v);
        }

        private void Rmid(Seg s)
        {
            Assert.Equal(0, _k.Sys.Shmctl(_k.Init, s.Id, Shm.IPC_RMID));
            s.Removed = true;
            if (s.Nattch == 0) _segs.Remove(s);
            else if (!_segs.Contains(s)) Assert.Fail("segment gone");
        }

        private void Exit(MTask t)
        {
            _k.Sys.Exit(t.T, 0);
            while (t.Vmas.Count > 0) DeleteVma(t, t.Vmas[0]);
            _tasks.Remove(t);
        }

        private void Compare(bool all)
        {
            long copy = _regions.Where(r => r.Copy).Sum(r => (long)(r.Top - r.Start) / _ps);
            Assert.Equal(copy, (long)_k.Mem.MmapPagesAllocated);
            var sb = new StringBuilder();
            foreach (Region r in _regions.OrderBy(x => x.Start)) Line(sb, r.Start, r.End, r.Perms, r.Pgoff, r.File);
            if (all) Assert.Equal(sb.ToString(), Encoding.ASCII.GetString(Files.Read(_k, _k.Init, "/proc/maps")));
            foreach (MTask t in _tasks)
            {
                if (!all && t != _tasks[_tasks.Count - 1]) continue;
                sb.Clear();
                foreach (Vma v in t.Vmas.OrderBy(x => x.Start).ThenBy(x => x.End))
                    Line(sb, v.Start, v.End, v.Perms, v.R.Pgoff + (int)((v.Start - v.R.Start) / _ps), v.R.File);
                Assert.Equal(sb.ToString(), Encoding.ASCII.GetString(Files.Read(_k, _k.Init, "/proc/" + t.T.Tgid + "/maps")));
            }
        }

        private void Line(StringBuilder sb, uint start, uint end, string perms, int pgoff, MFile f)
        {
            var l = new StringBuilder();
            l.Append(start.ToString("x8")).Append('-').Append(end.ToString("x8")).Append(' ').Append(perms).Append(' ')
             .Append(((long)pgoff * _ps).ToString("x8")).Append(' ')
             .Append(f == null ? "00:00 0 " : f.Major.ToString("x2") + ":" + f.Minor.ToString("x2") + " " + f.Ino + " ");
            if (f != null)
            {
                while (l.Length < 49) l.Append(' ');
                l.Append(f.Path);
            }
            sb.Append(l).Append('\n');
        }
    }
}
