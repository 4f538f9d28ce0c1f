using System;
using System.Text;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Proc
{
    /// <summary>Records "rec %d: " + a pad of varying length; one record <see cref="BigIndex"/> is much larger
    /// than the seq buffer. Show never allocates. Counts Start/Stop calls.</summary>
    public sealed class ManyRecordsOps : SeqOps
    {
        public int Count = 800;
        public int BigIndex = -1;
        public int BigSize = 1000;
        public int Starts, Stops;

        public override int Start(SeqFile s, int index) { Starts++; return index < Count ? index : End; }

        public override int Next(SeqFile s, int cursor, int index) { return index < Count ? index : End; }

        public override void Stop(SeqFile s) { Stops++; }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            o.Str("rec ");
            o.Dec(cursor, 4, ' ');
            o.Str(": ");
            int pad = cursor == BigIndex ? BigSize : cursor % 37;
            for (int i = 0; i < pad; i++) o.Char((char)('a' + (cursor + i) % 26));
            o.Char('\n');
            return 0;
        }

        public string Expected()
        {
            var sb = new StringBuilder();
            for (int c = 0; c < Count; c++)
            {
                sb.Append("rec ").Append(c.ToString().PadLeft(4)).Append(": ");
                int pad = c == BigIndex ? BigSize : c % 37;
                for (int i = 0; i < pad; i++) sb.Append((char)('a' + (c + i) % 26));
                sb.Append('\n');
            }
            return sb.ToString();
        }
    }

    /// <summary>Three records, each noting whether the kernel lock is held while it prints.</summary>
    public sealed class LockProbeOps : SeqOps
    {
        private readonly bool _locked;
        public readonly System.Collections.Generic.List<bool> Held = new System.Collections.Generic.List<bool>();
        public LockProbeOps(bool locked) { _locked = locked; }
        public override bool KernelLocked => _locked;
        public override int Start(SeqFile s, int index) { return index < 3 ? index : End; }
        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            Held.Add(System.Threading.Monitor.IsEntered(s.K.Lock));
            o.Dec(cursor);
            o.Char('\n');
            return 0;
        }
    }

    public class SeqFileTests
    {
        private static string ReadRandom(KFile f, KTask t, int seed)
        {
            var rnd = new Random(seed);
            var sb = new StringBuilder();
            byte[] buf = new byte[5000];
            long pos = 0;
            while (true)
            {
                int want = rnd.Next(1, 700);
                int n = f.Inode.Read(f, t, pos, buf, 0, want);
                Assert.True(n >= 0);
                if (n == 0) break;
                for (int i = 0; i < n; i++) sb.Append((char)buf[i]);
                pos += n;
            }
            return sb.ToString();
        }

        [Fact]
        public void KernelLockedFiles_PrintUnderTheKernelLock_OthersDoNot_NoneKeepsIt()
        {
            var kit = new ProcKit();
            var locked = new LockProbeOps(true);
            var free = new LockProbeOps(false);
            Assert.NotNull(kit.K.Proc.Create("locked", 0, locked, null));
            Assert.NotNull(kit.K.Proc.Create("free", 0, free, null));
            Assert.Equal("0\n1\n2\n", kit.Cat(kit.Init, "locked", 1));   // one byte a read: many passes
            Assert.Equal("0\n1\n2\n", kit.Cat(kit.Init, "free", 1));
            Assert.All(locked.Held, h => Assert.True(h));
            Assert.All(free.Held, h => Assert.False(h));
            Assert.False(System.Threading.Monitor.IsEntered(kit.K.Lock));
        }

        [Fact]
        public void Read_OneByte_FourKiB_AndRandomSizes_GiveIdenticalBytes()
        {
            var kit = new ProcKit();
            var ops = new ManyRecordsOps();
            kit.K.Proc.Create("many", 0, ops, null);
            string expected = ops.Expected();
            Assert.True(expected.Length > 4 * 4096);

            Assert.Equal(expected, kit.Cat(kit.Init, "many", 1));
            Assert.Equal(expected, kit.Cat(kit.Init, "many", 4096));
            Assert.Equal(expected, kit.Cat(kit.Init, "many", 13));
            KFile f = ProcKit.Open(kit.Get(kit.Init, "many"), kit.Init);
            Assert.Equal(expected, ReadRandom(f, kit.Init, 1));
            Assert.Equal(expected, ReadRandom(f, kit.Init, 2));
            f.Inode.Release(f);
            Assert.Equal(ops.Starts, ops.Stops);
        }

        [Fact]
        public void RecordLargerThanBuffer_ComesOutWhole_SameForEveryReadSize()
        {
            var kit = new ProcKit();
            var ops = new ManyRecordsOps { Count = 20, BigIndex = 7, BigSize = 3 * ProcTree.SeqBufSize };
            kit.K.Proc.Create("big", 0, ops, null);
            string expected = ops.Expected();

            string one = kit.Cat(kit.Init, "big", 1);
            Assert.Equal(expected, one);
            Assert.Equal(expected, kit.Cat(kit.Init, "big", 4096));
            Assert.Equal(expected, kit.Cat(kit.Init, "big", ProcTree.SeqBufSize - 1));
            string[] lines = one.Split('\n');
            Assert.Equal(10 + 3 * ProcTree.SeqBufSize, lines[7].Length);   // "rec    7: " + pad
        }

        [Fact]
        public void RecordBeyondMaxRecord_Enomem()
        {
            var kit = new ProcKit();
            var ops = new ManyRecordsOps { Count = 3, BigIndex = 1, BigSize = SeqFile.MaxRecord + 10 };
            kit.K.Proc.Create("huge", 0, ops, null);
            KFile f = ProcKit.Open(kit.Get(kit.Init, "huge"), kit.Init);
            byte[] buf = new byte[100000];
            int n = f.Inode.Read(f, kit.Init, 0, buf, 0, buf.Length);
            Assert.Equal(11, n);   // record 0 ("rec    0: \n") is delivered, then the error stops the read
            Assert.Equal(-Errno.ENOMEM, f.Inode.Read(f, kit.Init, n, buf, 0, buf.Length));
            f.Inode.Release(f);
        }

        [Fact]
        public void Read_AtArbitraryPositions_MatchesTheText()
        {
            var kit = new ProcKit();
            var ops = new ManyRecordsOps { Count = 120, BigIndex = 50 };
            kit.K.Proc.Create("many", 0, ops, null);
            string expected = ops.Expected();
            KFile f = ProcKit.Open(kit.Get(kit.Init, "many"), kit.Init);
            var rnd = new Random(7);
            byte[] buf = new byte[300];
            for (int i = 0; i < 200; i++)
            {
                int pos = rnd.Next(0, expected.Length + 50);
                int want = rnd.Next(1, 300);
                int n = f.Inode.Read(f, kit.Init, pos, buf, 0, want);
                int expectN = Math.Max(0, Math.Min(want, expected.Length - pos));
                Assert.Equal(expectN, n);
                Assert.Equal(expected.Substring(Math.Min(pos, expected.Length), expectN), Encoding.ASCII.GetString(buf, 0, n));
            }
            f.Inode.Release(f);
        }

        [Fact]
        public void RepeatedFullReads_AfterWarmUp_AllocateNothing()
        {
            var kit = new ProcKit();
            var ops = new ManyRecordsOps { Count = 200 };
            kit.K.Proc.Create("many", 0, ops, null);
            KFile f = ProcKit.Open(kit.Get(kit.Init, "many"), kit.Init);
            KTask t = kit.Init;
            byte[] buf = new byte[512];

            int total = ReadLoop(f, t, buf);   // warm-up
            Assert.Equal(ops.Expected().Length, total);
            Assert.Equal(0, Allocations.Fewest(() => { for (int i = 0; i < 50; i++) ReadLoop(f, t, buf); }));
            f.Inode.Release(f);
        }

        [Fact]
        public void RepeatedReads_OfGenericFiles_AllocateNothing()
        {
            var board = new BoardConfig { CpuCores = 2, CpuModel = "Xtensa LX6", CpuFeatures = "fpu" };
            var kit = new ProcKit(board);
            KTask t = kit.Init;
            byte[] buf = new byte[64];
            foreach (string path in new[] { "cpuinfo", "uptime", "version", "sys/vm/nr_trim_pages", "self/net/dev", "self/cmdline" })
            {
                KFile f = ProcKit.Open(kit.Get(t, path), t);
                ReadLoop(f, t, buf);
                long bytes = Allocations.Fewest(() => { for (int i = 0; i < 20; i++) ReadLoop(f, t, buf); });
                Assert.True(bytes == 0, path + " allocated " + bytes);
                f.Inode.Release(f);
            }
        }

        private static int ReadLoop(KFile f, KTask t, byte[] buf)
        {
            long pos = 0;
            while (true)
            {
                int n = f.Inode.Read(f, t, pos, buf, 0, buf.Length);
                if (n <= 0) return (int)pos;
                pos += n;
            }
        }

        [Fact]
        public void SeqBuffers_ComeFromThePool_AndGoBackAtClose()
        {
            var kit = new ProcKit();
            Inode ino = kit.Get(kit.Init, "version");
            int pooled = kit.K.Proc.PooledBuffers;
            KFile a = ProcKit.Open(ino, kit.Init);
            ProcKit.ReadAll(a, kit.Init);
            a.Inode.Release(a);
            Assert.Equal(pooled + 1, kit.K.Proc.PooledBuffers);
            KFile b = ProcKit.Open(ino, kit.Init);
            Assert.Equal(pooled, kit.K.Proc.PooledBuffers);   // b took the buffer a gave back
            b.Inode.Release(b);
        }

        [Fact]
        public void SingleOpen_ShowsOneRecord_AndStartStopBalanced()
        {
            var kit = new ProcKit();
            var ops = new CountingOps { Text = "just one\n" };
            kit.K.Proc.Create("one", 0, ops, null);
            Assert.Equal("just one\n", kit.Cat(kit.Init, "one", 1));
            Assert.Equal("just one\n", kit.Cat(kit.Init, "one", 3));
        }
    }
}
