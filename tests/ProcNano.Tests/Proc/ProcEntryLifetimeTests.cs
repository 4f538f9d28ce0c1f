using System;
using System.Collections.Generic;
using System.Threading;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Proc
{
    /// <summary>A one-line file counting its opens and releases.</summary>
    public sealed class CountingOps : SingleSeqOps
    {
        public int Opens, Releases;
        public string Text = "hello\n";

        public override int Open(ProcFile pf, KTask current)
        {
            Interlocked.Increment(ref Opens);
            return base.Open(pf, current);
        }

        public override void Release(ProcFile pf)
        {
            Interlocked.Increment(ref Releases);
            base.Release(pf);
        }

        public override int Show(SeqFile s, OutBuf o) { o.Str(Text); return 0; }

        public override int Write(ProcFile pf, KTask current, long pos, byte[] buf, int off, int count) { return count; }
    }

    /// <summary>A file whose read blocks until the test lets it go, recording the order of events.</summary>
    public sealed class BlockingOps : ProcOps
    {
        public readonly ManualResetEventSlim Entered = new ManualResetEventSlim(false);
        public readonly ManualResetEventSlim Go = new ManualResetEventSlim(false);
        public readonly List<string> Log = new List<string>();

        public override int Read(ProcFile pf, KTask current, long pos, byte[] buf, int off, int count)
        {
            Entered.Set();
            Go.Wait(10000);
            lock (Log) Log.Add("read-done");
            return 0;
        }

        public override void Release(ProcFile pf) { lock (Log) Log.Add("release"); }
    }

    /// <summary>A file whose Show throws (a bug in a driver), with a Start/Stop pair that must stay balanced.</summary>
    public sealed class ThrowingOps : SeqOps
    {
        public int Starts, Stops, Releases;
        public override int Start(SeqFile s, int index) { Starts++; return index < 3 ? index : End; }
        public override int Next(SeqFile s, int cursor, int index) { return index < 3 ? index : End; }
        public override void Stop(SeqFile s) { Stops++; }
        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            if (cursor == 1) throw new InvalidOperationException("driver bug");
            o.Str("row\n");
            return 0;
        }
        public override void Release(ProcFile pf) { Releases++; base.Release(pf); }
    }

    public class ProcEntryLifetimeTests
    {
        [Fact]
        public void ShowThrows_CallIsStillCountedOut_StopRuns_RemoveDoesNotHang()
        {
            var kit = new ProcKit();
            var ops = new ThrowingOps();
            ProcEntry e = kit.K.Proc.Create("buggy", 0, ops, null);
            KFile f = ProcKit.Open(kit.Get(kit.Init, "buggy"), kit.Init);
            Assert.Throws<InvalidOperationException>(() => f.Inode.Read(f, kit.Init, 0, new byte[100], 0, 100));
            Assert.Equal(ops.Starts, ops.Stops);   // a lock taken in Start is given back
            Assert.Equal(0, e.Users);
            var remover = new Thread(() => kit.K.Proc.Remove(e));
            remover.Start();
            Assert.True(remover.Join(5000), "remove waits for a call that ended with an exception");
            Assert.Equal(1, ops.Releases);
        }

        [Fact]
        public void Remove_WhileOpen_NewOpensFailEnoent()
        {
            var kit = new ProcKit();
            var ops = new CountingOps();
            kit.K.Proc.Create("driver/x", 0x124, ops, null);
            Inode ino = kit.Get(kit.Init, "driver/x");
            KFile f = ProcKit.Open(ino, kit.Init);

            Assert.Equal(0, kit.K.Proc.Remove("driver/x"));

            Assert.Equal(-Errno.ENOENT, ProcKit.Open(ino, kit.Init, KFile.O_RDONLY, out _));
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, "driver/x", out _));
            Assert.Equal(-Errno.ENOENT, kit.K.Proc.Remove("driver/x"));
            f.Inode.Release(f);
        }

        // proc_reg_llseek: a seek on an entry already removed is EINVAL (and works before).
        [Fact]
        public void Remove_WhileOpen_LaterLseekEinval()
        {
            var kit = new ProcKit();
            ProcEntry e = kit.K.Proc.Create("x", 0x1A4, new CountingOps(), null);
            int fd = kit.K.Sys.Open(kit.Init, "/proc/x", KFile.O_RDONLY, 0);
            Assert.True(fd >= 0);
            Assert.Equal(2, kit.K.Sys.Lseek(kit.Init, fd, 2, 0));
            kit.K.Proc.Remove(e);
            Assert.Equal(-Errno.EINVAL, kit.K.Sys.Lseek(kit.Init, fd, 0, 0));
            Assert.Equal(0, kit.K.Sys.Close(kit.Init, fd));
        }

        [Fact]
        public void Remove_WhileOpen_ReleaseRunsOncePerFile_LaterReadsAndWritesEio()
        {
            var kit = new ProcKit();
            var ops = new CountingOps();
            ProcEntry e = kit.K.Proc.Create("x", 0x1A4, ops, null);
            Inode ino = kit.Get(kit.Init, "x");
            KFile a = ProcKit.Open(ino, kit.Init);
            KFile b = ProcKit.Open(ino, kit.Init, KFile.O_RDWR);
            Assert.Equal("hello\n", ProcKit.ReadAll(a, kit.Init));
            Assert.Equal(2, e.OpenCount);

            kit.K.Proc.Remove(e);

            Assert.Equal(2, ops.Releases);
            Assert.Equal(0, e.OpenCount);
            byte[] buf = new byte[16];
            Assert.Equal(-Errno.EIO, a.Inode.Read(a, kit.Init, 0, buf, 0, 16));
            Assert.Equal(-Errno.EIO, b.Inode.Write(b, kit.Init, 0, buf, 0, 1));
            a.Inode.Release(a);
            b.Inode.Release(b);
            Assert.Equal(2, ops.Releases);   // close after removal does not release again
        }

        [Fact]
        public void Close_BeforeRemove_ReleasesOnce_RemoveDoesNotRepeatIt()
        {
            var kit = new ProcKit();
            var ops = new CountingOps();
            ProcEntry e = kit.K.Proc.Create("x", 0, ops, null);
            KFile f = ProcKit.Open(kit.Get(kit.Init, "x"), kit.Init);
            f.Inode.Release(f);
            Assert.Equal(1, ops.Releases);
            kit.K.Proc.Remove(e);
            Assert.Equal(1, ops.Releases);
        }

        [Fact]
        public void Remove_WaitsForCallInProgress_ReleaseAfterIt()
        {
            var kit = new ProcKit();
            var ops = new BlockingOps();
            ProcEntry e = kit.K.Proc.Create("slow", 0, ops, null);
            KFile f = ProcKit.Open(kit.Get(kit.Init, "slow"), kit.Init);

            var reader = new Thread(() => f.Inode.Read(f, kit.Init, 0, new byte[8], 0, 8));
            reader.Start();
            Assert.True(ops.Entered.Wait(5000));
            Assert.Equal(1, e.Users);

            var removed = new ManualResetEventSlim(false);
            var remover = new Thread(() => { kit.K.Proc.Remove(e); removed.Set(); });
            remover.Start();

            // The entry disappears at once, but removal itself waits for the read inside it.
            Thread.Sleep(100);
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, "slow", out _));
            Assert.False(removed.IsSet);

            ops.Go.Set();
            Assert.True(removed.Wait(5000));
            reader.Join();
            remover.Join();
            Assert.Equal(new[] { "read-done", "release" }, ops.Log.ToArray());
            Assert.Equal(0, e.Users);
        }

        [Fact]
        public void Remove_WhileAnotherThreadLoopsReading_NoException_ReadsEndInEio_ReleaseOnce()
        {
            for (int round = 0; round < 20; round++)
            {
                var kit = new ProcKit();
                var ops = new CountingOps { Text = "0123456789abcdef\n" };
                ProcEntry e = kit.K.Proc.Create("race", 0, ops, null);
                KFile f = ProcKit.Open(kit.Get(kit.Init, "race"), kit.Init);
                Exception failure = null;
                int last = 1, reads = 0;
                var started = new ManualResetEventSlim(false);
                var reader = new Thread(() =>
                {
                    try
                    {
                        byte[] buf = new byte[3];
                        long pos = 0;
                        while (true)
                        {
                            int n = f.Inode.Read(f, kit.Init, pos, buf, 0, buf.Length);
                            reads++;
                            started.Set();
                            if (n < 0) { last = n; break; }
                            pos = n == 0 ? 0 : pos + n;   // loop over the file forever
                        }
                    }
                    catch (Exception ex) { failure = ex; started.Set(); }
                });
                reader.Start();
                Assert.True(started.Wait(5000));
                Thread.Sleep(round % 3);
                Assert.Equal(0, kit.K.Proc.Remove(e));
                Assert.True(reader.Join(5000));

                Assert.Null(failure);
                Assert.Equal(-Errno.EIO, last);
                Assert.True(reads > 0);
                Assert.Equal(1, ops.Releases);
                f.Inode.Release(f);
                Assert.Equal(1, ops.Releases);
            }
        }

        [Fact]
        public void Remove_RacingCloses_EachFileReleasedExactlyOnce()
        {
            for (int round = 0; round < 20; round++)
            {
                var kit = new ProcKit();
                var ops = new CountingOps();
                ProcEntry e = kit.K.Proc.Create("race", 0, ops, null);
                Inode ino = kit.Get(kit.Init, "race");
                var files = new List<KFile>();
                for (int i = 0; i < 16; i++) files.Add(ProcKit.Open(ino, kit.Init));
                var closer = new Thread(() => { foreach (KFile f in files) f.Inode.Release(f); });
                closer.Start();
                kit.K.Proc.Remove(e);
                closer.Join();
                Assert.Equal(16, ops.Opens);
                Assert.Equal(16, ops.Releases);
            }
        }

        [Fact]
        public void Remove_TwiceConcurrently_OneSucceedsAfterTheRundown_TheOtherEnoent()
        {
            // A remover that gets 0 may free what the entry's ops use: by then every release must have run.
            var kit = new ProcKit();
            int early = 0, both = 0;
            for (int round = 0; round < 2000; round++)
            {
                var ops = new CountingOps();
                ProcEntry e = kit.K.Proc.Create("twice", 0, ops, null);
                KFile f = ProcKit.Open(kit.Get(kit.Init, "twice"), kit.Init);
                int r1 = 1, r2 = 1, rel1 = -1, rel2 = -1;
                using var start = new Barrier(2);
                var other = new Thread(() => { start.SignalAndWait(); r2 = kit.K.Proc.Remove(e); rel2 = ops.Releases; });
                other.Start();
                start.SignalAndWait();
                r1 = kit.K.Proc.Remove(e);
                rel1 = ops.Releases;
                other.Join();
                if ((r1 == 0 && rel1 != 1) || (r2 == 0 && rel2 != 1)) early++;
                if (r1 == 0 && r2 == 0) both++;
                Assert.Equal(1, ops.Releases);
                f.Inode.Release(f);
                Assert.Equal(1, ops.Releases);
            }
            Assert.Equal(0, early);
            Assert.Equal(0, both);
        }

        [Fact]
        public void RemovedDirectory_StillOpen_ListsOnlyDotEntries()
        {
            var kit = new ProcKit();
            kit.K.Proc.Mkdir("drv");
            kit.K.Proc.Create("drv/a", 0, new CountingOps(), null);
            kit.K.Proc.Create("drv/b", 0, new CountingOps(), null);
            Inode dir = kit.Get(kit.Init, "drv");
            KFile d = ProcKit.Open(dir, kit.Init, KFile.O_RDONLY | KFile.O_DIRECTORY);
            Assert.Equal(new[] { "a", "b" }, ProcKit.List(dir, kit.Init).ToArray());

            Assert.Equal(0, kit.K.Proc.Remove("drv"));

            Assert.Empty(ProcKit.List(dir, kit.Init));   // "." and ".." are the VFS's
            Assert.Equal(-Errno.ENOENT, dir.Lookup(kit.Init, "a", out _));
            Assert.Null(kit.K.Proc.Find("drv/a"));
            Assert.Equal(-Errno.ENOENT, ProcKit.Open(dir, kit.Init, KFile.O_RDONLY, out _));
            d.Inode.Release(d);
        }

        [Fact]
        public void Remove_Directory_ReleasesOpenFilesBelowIt()
        {
            var kit = new ProcKit();
            var ops = new CountingOps();
            kit.K.Proc.Mkdir("drv");
            kit.K.Proc.Create("drv/a", 0, ops, null);
            KFile f = ProcKit.Open(kit.Get(kit.Init, "drv/a"), kit.Init);
            kit.K.Proc.Remove("drv");
            Assert.Equal(1, ops.Releases);
            Assert.Equal(-Errno.EIO, f.Inode.Read(f, kit.Init, 0, new byte[4], 0, 4));
        }

        [Fact]
        public void Create_MissingParent_Enoent_Duplicate_Eexist_UnderFile_Enotdir()
        {
            var kit = new ProcKit();
            ProcTree t = kit.K.Proc;
            Assert.Equal(-Errno.ENOENT, t.TryCreate("nodir/x", 0, new CountingOps(), null, out _));
            Assert.Null(t.Create("nodir/x", 0, new CountingOps(), null));
            Assert.Equal(0, t.TryCreate("x", 0, new CountingOps(), null, out ProcEntry x));
            Assert.Equal(-Errno.EEXIST, t.TryCreate("x", 0, new CountingOps(), null, out _));
            Assert.Equal(-Errno.ENOTDIR, t.TryCreate("x/y", 0, new CountingOps(), null, out _));
            Assert.Equal(-Errno.EEXIST, t.TryCreate("version", 0, new CountingOps(), null, out _));
            Assert.Equal(-Errno.EINVAL, t.TryCreate("..", 0, new CountingOps(), null, out _));
            Assert.Same(x, t.Find("/proc/x"));
            Assert.Equal(Stat.S_IFREG | Stat.S_IRUGO, x.Mode);   // no mode: a 0444 file
        }

        [Fact]
        public void Create_WithParentEntry_RootWhenNull()
        {
            var kit = new ProcKit();
            ProcEntry dir = kit.K.Proc.Mkdir("pdir", null);
            ProcEntry f = kit.K.Proc.Create("leaf", 0, dir, new CountingOps(), null);
            Assert.Same(dir, f.Parent);
            Assert.Same(kit.K.Proc.Root, dir.Parent);
            Assert.Equal("hello\n", kit.Cat(kit.Init, "pdir/leaf"));
            ProcEntry link = kit.K.Proc.Symlink("tolink", dir, "leaf");
            Assert.Equal("hello\n", kit.Cat(kit.Init, "pdir/tolink"));
            Assert.Equal(0, kit.K.Proc.Remove("leaf", dir));
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, "pdir/tolink", out _));
            Assert.Equal(0, kit.K.Proc.Remove(link));
        }

        [Fact]
        public void GenericEntry_AppearsInEverySuperblock_RemovingItRemovesItFromAll()
        {
            var kit = new ProcKit();
            var childNs = new PidNamespace(kit.K.Tasks.RootNs, 32768);
            ProcSuperBlock sb2 = ProcFs.NewSuperBlock(kit.K, childNs);
            kit.K.Proc.Create("shared", 0, new CountingOps(), null);

            Assert.Equal("hello\n", kit.Cat(kit.Init, "shared"));
            Assert.Equal("hello\n", kit.CatOn(sb2, kit.Init, "shared"));
            Assert.Contains("shared", kit.Ls(kit.Init, "/proc"));
            Assert.Contains("shared", ProcKit.List(sb2.Root, kit.Init));

            kit.K.Proc.Remove("shared");

            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, "shared", out _));
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, "shared", out _, true, sb2));
            Assert.DoesNotContain("shared", ProcKit.List(sb2.Root, kit.Init));
        }

        [Fact]
        public void EntryInodes_CachedPerSuperblock_NumberedStably()
        {
            var kit = new ProcKit();
            ProcSuperBlock sb2 = ProcFs.NewSuperBlock(kit.K, null);
            Inode a1 = kit.Get(kit.Init, "version");
            Inode a2 = kit.Get(kit.Init, "version");
            Inode b = kit.Get(kit.Init, "version", sb2);
            Assert.Same(a1, a2);
            Assert.NotSame(a1, b);
            Assert.Equal(a1.Ino, b.Ino);
            Assert.Equal(ProcSuperBlock.RootIno, kit.Sb.Root.Ino);
            Assert.Same(sb2, b.Sb);
        }
    }
}
