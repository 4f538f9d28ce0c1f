using System.Collections.Generic;
using System.Linq;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Proc
{
    public class PidDirTests
    {
        [Fact]
        public void ChildNamespaceSuperblock_ListsOnlyItsPids_NumberedFromOne()
        {
            var kit = new ProcKit();
            KTask outside = kit.NewTask("outside", 0, 0);
            var ns = new PidNamespace(kit.K.Tasks.RootNs, 32768);
            KTask a = kit.NewTask("a", 0, 0, ns);
            KTask b = kit.NewTask("b", 0, 0, ns);
            ProcSuperBlock childSb = ProcFs.NewSuperBlock(kit.K, ns);

            var inChild = ProcKit.List(childSb.Root, a).Where(n => n.All(char.IsDigit)).ToArray();
            Assert.Equal(new[] { "1", "2" }, inChild);
            var inRoot = kit.Ls(kit.Init, "/proc").Where(n => n.All(char.IsDigit)).ToArray();
            Assert.Equal(new[] { "1", outside.Tgid.ToString(), a.Tgid.ToString(), b.Tgid.ToString() }, inRoot);

            Assert.Equal("b\n", kit.CatOn(childSb, a, "2/comm"));
            Assert.Equal(-Errno.ENOENT, kit.Walk(a, b.Tgid.ToString(), out _, true, childSb));   // root-namespace numbers mean nothing there
            Assert.Equal("b\n", kit.Cat(kit.Init, b.Tgid + "/comm"));
        }

        [Theory]
        [InlineData("01")]
        [InlineData("+1")]
        [InlineData("1a")]
        [InlineData("0")]
        [InlineData("99999")]
        public void PidLookup_NotAPidDirectory_Enoent(string name)
        {
            var kit = new ProcKit();
            Assert.Equal(-Errno.ENOENT, kit.Sb.Root.Lookup(kit.Init, name, out _));
        }

        [Fact]
        public void Cmdline_ArgsEachFollowedByNul_CommWithNewline()
        {
            var kit = new ProcKit();
            KTask t = kit.NewTask("prog", 0, 0);
            t.Argv = new[] { "/bin/prog", "-a", "x y" };
            Assert.Equal("/bin/prog\0-a\0x y\0", kit.Cat(kit.Init, t.Tgid + "/cmdline", 1));
            Assert.Equal("prog\n", kit.Cat(kit.Init, t.Tgid + "/comm"));
            // The directory lists the row table in its order (rows are added by several subsystems).
            string[] listed = kit.Ls(kit.Init, t.Tgid.ToString()).ToArray();
            var rows = new List<string>();
            for (int i = 0, r; (r = RowTable.ChildAt(RowTable.Pid, PidTable.Root, i)) >= 0; i++) rows.Add(RowTable.Name(RowTable.Pid, r));
            Assert.Equal(rows.ToArray(), listed);
            Assert.Superset(new HashSet<string> { "fd", "net", "status", "cmdline", "comm", "stat", "statm", "maps", "cwd", "exe", "clear_refs", "smaps", "pagemap", "mounts" }, new HashSet<string>(listed));
        }

        [Fact]
        public void ExitedTask_OpenFileReadsEsrch_LookupEnoent_InodeHoldsPidNotTask()
        {
            var kit = new ProcKit();
            KTask t = kit.NewTask("dying", 0, 0);
            string dir = t.Tgid.ToString();
            Inode pidDir = kit.Get(kit.Init, dir);
            KFile comm = ProcKit.Open(kit.Get(kit.Init, dir + "/comm"), kit.Init);
            Inode cmdline = kit.Get(kit.Init, dir + "/cmdline");
            Assert.Same(t.Pid, ((ProcInode)pidDir).Pid);

            kit.K.Tasks.FreePid(t.Pid);   // the task exits

            byte[] buf = new byte[16];
            Assert.Equal(-Errno.ESRCH, comm.Inode.Read(comm, kit.Init, 0, buf, 0, 16));
            Assert.Equal(-Errno.ENOENT, ProcKit.Open(cmdline, kit.Init, KFile.O_RDONLY, out _));
            Assert.Equal(-Errno.ENOENT, pidDir.Lookup(kit.Init, "comm", out _));
            Assert.Equal(-Errno.ENOENT, pidDir.ReadDir(kit.Init, 0, out _, out _));
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, dir, out _));
            Assert.DoesNotContain(dir, kit.Ls(kit.Init, "/proc"));
            comm.Inode.Release(comm);
        }

        [Fact]
        public void ExitMidRead_StopsWithEsrch()
        {
            var kit = new ProcKit();
            KTask t = kit.NewTask("x", 0, 0);
            t.Argv = new[] { "a-long-argument-list" };
            KFile f = ProcKit.Open(kit.Get(kit.Init, t.Tgid + "/cmdline"), kit.Init);
            byte[] buf = new byte[4];
            Assert.Equal(4, f.Inode.Read(f, kit.Init, 0, buf, 0, 4));
            kit.K.Tasks.FreePid(t.Pid);
            Assert.Equal(-Errno.ESRCH, f.Inode.Read(f, kit.Init, 4, buf, 0, 4));
            f.Inode.Release(f);
        }

        [Fact]
        public void NetDev_ListsTheTasksNetNamespace_LinuxFormat_ZeroCounters()
        {
            var kit = new ProcKit();
            var net = new NetNamespace(9, new[] { "lo", "wlan0", "averylongifname" });
            KTask t = kit.NewTask("n", 0, 0, null, net);
            const string zeros = "       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n";
            string expected =
                "Inter-|   Receive                                                |  Transmit\n" +
                " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n" +
                "    lo:" + zeros +
                " wlan0:" + zeros +
                "averylongifname:" + zeros;
            Assert.Equal(expected, kit.Cat(kit.Init, t.Tgid + "/net/dev", 1));
            Assert.Equal(expected, kit.Cat(t, "net/dev"));   // /proc/net -> self/net follows the reader
            Assert.NotEqual(expected, kit.Cat(kit.Init, "net/dev"));
            Assert.Contains("  eth0:", kit.Cat(kit.Init, "net/dev"));
        }

        [Fact]
        public void Fd_SymlinkPerOpenDescriptor_ToTheFilesPath()
        {
            var kit = new ProcKit();
            KTask t = kit.NewTask("files", 0, 0);
            t.Fds.Install(new KFile(new DummyInode(), "/dev/console", KFile.O_RDWR));
            t.Fds.Install(new KFile(new DummyInode(), "/etc/motd", KFile.O_RDONLY));
            t.Fds.Install(new KFile(new DummyInode(), "/tmp/log", KFile.O_WRONLY));
            t.Fds.Remove(1);
            string fd = t.Tgid + "/fd";

            Assert.Equal(new[] { "0", "2" }, kit.Ls(kit.Init, fd).ToArray());
            kit.Walk(kit.Init, fd + "/2", out Inode link, false);
            Assert.True(link.IsLink);
            Assert.Equal(2, ((ProcInode)link).Fd);
            Assert.Equal("/tmp/log", link.ReadLink(kit.Init, out _));
            Assert.Equal(Stat.S_IFLNK | 0xC0, link.Mode);   // -wx------ for a write-only file
            kit.Walk(kit.Init, fd + "/0", out Inode rw, false);
            Assert.Equal(Stat.S_IFLNK | 0x1C0, rw.Mode);
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, fd + "/1", out _, false));

            t.Fds.Remove(2);   // the descriptor vanishes under the held inode
            Assert.Null(link.ReadLink(kit.Init, out int err));
            Assert.Equal(-Errno.ENOENT, err);
        }

        [Fact]
        public void Cwd_IsASymlinkToTheTasksDirectory()
        {
            var kit = new ProcKit();
            KTask t = kit.NewTask("w", 0, 0);
            t.Cwd = "/flash/data";
            kit.Walk(kit.Init, t.Tgid + "/cwd", out Inode cwd, false);
            Assert.Equal("/flash/data", cwd.ReadLink(kit.Init, out _));
        }

        [Fact]
        public void Fd_OtherUser_Eacces_Root_And_SameCredsDumpable_Allowed()
        {
            var kit = new ProcKit();
            KTask target = kit.NewTask("target", 1000, 100);
            target.Fds.Install(new KFile(new DummyInode(), "/x", KFile.O_RDONLY));
            KTask stranger = kit.NewTask("stranger", 2000, 100);
            KTask peer = kit.NewTask("peer", 1000, 100);
            string fd = target.Tgid + "/fd";

            Assert.Equal(-Errno.EACCES, kit.Walk(stranger, fd + "/0", out _, false));
            Inode dir = kit.Get(kit.Init, fd);
            Assert.Equal(-Errno.EACCES, ProcKit.Open(dir, stranger, KFile.O_RDONLY, out _));
            Assert.Equal(-Errno.EACCES, dir.ReadDir(stranger, 0, out _, out _));
            kit.Walk(kit.Init, fd + "/0", out Inode link, false);
            Assert.Null(link.ReadLink(stranger, out int err));
            Assert.Equal(-Errno.EACCES, err);
            kit.Walk(kit.Init, target.Tgid + "/cwd", out Inode cwd, false);
            Assert.Null(cwd.ReadLink(stranger, out err));
            Assert.Equal(-Errno.EACCES, err);

            Assert.Equal("/x", link.ReadLink(peer, out _));
            Assert.Equal(new[] { "0" }, kit.Ls(peer, fd).ToArray());
            Assert.Equal("/x", link.ReadLink(target, out _));
            target.Dumpable = false;
            Assert.Equal(-Errno.EACCES, dir.ReadDir(peer, 0, out _, out _));
            Assert.Equal("/x", link.ReadLink(target, out _));   // itself: always
            Assert.Equal("/x", link.ReadLink(kit.Init, out _)); // root: always
        }

        [Fact]
        public void PtraceRow_CheckedAgainAtEveryRead_NotOnlyAtOpen()
        {
            var kit = new ProcKit();
            // A private (ptrace-guarded) row as maps will be: registered like the memory manager will do it.
            Assert.Equal(0, kit.K.Proc.AddPidRow(PidRow.Private("secret", new CommOps())));
            Assert.Equal(-Errno.EEXIST, kit.K.Proc.AddPidRow(PidRow.File("comm", new CommOps())));
            KTask target = kit.NewTask("target", 1000, 100);
            KTask reader = kit.NewTask("reader", 1000, 100);
            Inode secret = kit.Get(kit.Init, target.Tgid + "/secret");
            KFile f = ProcKit.Open(secret, reader);
            Assert.Equal("target\n", ProcKit.ReadAll(f, reader));

            target.Dumpable = false;   // e.g. the target ran a setuid program after our open
            byte[] buf = new byte[16];
            Assert.Equal(-Errno.EACCES, f.Inode.Read(f, reader, 0, buf, 0, 16));
            Assert.Equal(-Errno.EACCES, ProcKit.Open(secret, reader, KFile.O_RDONLY, out _));
            f.Inode.Release(f);
        }

        [Fact]
        public void PidInodes_OwnedByTheTaskWhileDumpable_ElseRoot()
        {
            var kit = new ProcKit();
            KTask t = kit.NewTask("owned", 1000, 100);
            Inode a = kit.Get(kit.Init, t.Tgid + "/comm");
            Assert.Equal(1000, a.Uid);
            Assert.Equal(100, a.Gid);
            t.Dumpable = false;
            Inode b = kit.Get(kit.Init, t.Tgid + "/comm");
            Assert.Equal(0, b.Uid);
        }

        [Theory]
        [InlineData(0, 0, 1000, 1000, true, true)]         // root reads anyone
        [InlineData(1000, 100, 1000, 100, true, true)]     // same ids, dumpable
        [InlineData(1000, 100, 1000, 100, false, false)]   // same ids, not dumpable
        [InlineData(1000, 100, 1001, 100, true, false)]    // other uid
        [InlineData(1000, 100, 1000, 101, true, false)]    // other gid
        public void MayPtraceRead_Rules(int ruid, int rgid, int tuid, int tgid, bool dumpable, bool allowed)
        {
            var kit = new ProcKit();
            KTask reader = kit.NewTask("r", ruid, rgid);
            KTask target = kit.NewTask("t", tuid, tgid);
            target.Dumpable = dumpable;
            Assert.Equal(allowed, ProcAccess.MayPtraceRead(reader, target));
            Assert.True(ProcAccess.MayPtraceRead(target, target));
        }

        [Fact]
        public void MayPtraceRead_TargetSavedUidDiffers_Denied_ReaderEffectiveRoot_Allowed()
        {
            var kit = new ProcKit();
            KTask reader = kit.NewTask("r", 1000, 100);
            KTask target = kit.NewTask("t", 1000, 100);
            target.Suid = 0;   // a setuid program keeping root as saved uid
            Assert.False(ProcAccess.MayPtraceRead(reader, target));
            reader.Euid = 0;
            Assert.True(ProcAccess.MayPtraceRead(reader, target));
            Assert.Equal(-Errno.ESRCH, ProcAccess.CheckPtraceRead(reader, new Pid(new[] { 99 }, new[] { kit.K.Tasks.RootNs })));
        }
    }
}
