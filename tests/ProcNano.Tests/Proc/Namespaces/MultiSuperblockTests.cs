using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Namespaces.NsKit;

namespace ProcNano.Tests.Proc.Namespaces
{
    /// <summary>Several procfs superblocks at once share one tree of generic entries.</summary>
    public class MultiSuperblockTests
    {
        private sealed class World
        {
            // Fixed heap numbers: meminfo must read the same through every superblock.
            public readonly Kernel K = Generic.GenKit.Boot();
            public readonly Task NsInit;
            public readonly string[] Roots = { "/proc", "/tmp/p1", "/tmp/p2" };

            public World()
            {
                Assert.Equal(0, K.Sys.Mkdir(K.Init, "/tmp/p1", 0x1ED));
                Assert.Equal(0, K.Sys.Mount(K.Init, "proc", "/tmp/p1", "proc"));
                NsInit = Exec(K, K.Init, "/bin/init", new[] { "nsinit" }, Syscalls.CLONE_NEWPID);
                Assert.Equal(0, K.Sys.Mkdir(NsInit, "/tmp/p2", 0x1ED));
                Assert.Equal(0, K.Sys.Mount(NsInit, "proc", "/tmp/p2", "proc"));
            }
        }

        [Fact]
        public void EntryCreatedAfterTheMounts_VisibleInEvery()
        {
            var w = new World();
            Assert.NotNull(w.K.Proc.Create("driver/late", 0, new VersionOps(), null));
            foreach (string root in w.Roots)
            {
                Assert.Contains("late", Ls(w.K, w.NsInit, root + "/driver"));
                Assert.StartsWith("Linux version", Cat(w.K, w.NsInit, root + "/driver/late"));
            }
        }

        [Fact]
        public void Remove_GoneFromEvery_OpenFilesEio()
        {
            var w = new World();
            var k = w.K;
            Assert.NotNull(k.Proc.Create("driver/x", 0, new VersionOps(), null));
            int[] fds = new int[w.Roots.Length];
            for (int i = 0; i < fds.Length; i++)
            {
                fds[i] = k.Sys.Open(w.NsInit, w.Roots[i] + "/driver/x", File.O_RDONLY, 0);
                Assert.True(fds[i] >= 0);
            }
            Assert.Equal(0, k.Proc.Remove("driver/x"));
            var buf = new byte[64];
            for (int i = 0; i < fds.Length; i++)
            {
                Assert.DoesNotContain("x", Ls(k, w.NsInit, w.Roots[i] + "/driver"));
                Assert.Equal(-Errno.ENOENT, k.Sys.Open(w.NsInit, w.Roots[i] + "/driver/x", File.O_RDONLY, 0));
                Assert.Equal(-Errno.EIO, k.Sys.Read(w.NsInit, fds[i], buf, 0, buf.Length));
                Assert.Equal(0, k.Sys.Close(w.NsInit, fds[i]));
            }
        }

        [Fact]
        public void RemovedEntrysNumberReused_OldFilesStillEio_NewEntryReadsItself()
        {
            var w = new World();
            var k = w.K;
            ProcEntry x = k.Proc.Create("driver/x", 0, new VersionOps(), null);
            int[] fds = new int[w.Roots.Length];
            for (int i = 0; i < fds.Length; i++) fds[i] = k.Sys.Open(w.NsInit, w.Roots[i] + "/driver/x", File.O_RDONLY, 0);
            Assert.Equal(0, k.Proc.Remove(x));
            ProcEntry y = k.Proc.Create("driver/y", 0, new UptimeOps(), null);
            Assert.Equal(x.Id, y.Id);   // the per-superblock inode caches are indexed by this number
            var buf = new byte[64];
            for (int i = 0; i < fds.Length; i++)
            {
                Assert.Equal(-Errno.EIO, k.Sys.Read(w.NsInit, fds[i], buf, 0, buf.Length));
                Assert.EndsWith(" 0.00\n", Cat(k, w.NsInit, w.Roots[i] + "/driver/y"));
                k.Sys.Close(w.NsInit, fds[i]);
            }
        }

        [Fact]
        public void RemovedDirectory_ListsNothingInEvery()
        {
            var w = new World();
            var k = w.K;
            Assert.NotNull(k.Proc.Mkdir("driver/d"));
            Assert.NotNull(k.Proc.Create("driver/d/f", 0, new VersionOps(), null));
            int[] fds = new int[w.Roots.Length];
            for (int i = 0; i < fds.Length; i++) fds[i] = k.Sys.Open(w.NsInit, w.Roots[i] + "/driver/d", File.O_RDONLY | File.O_DIRECTORY, 0);
            Assert.Equal(0, k.Proc.Remove("driver/d"));
            for (int i = 0; i < fds.Length; i++)
            {
                Assert.True(fds[i] >= 0);
                Assert.Equal(1, k.Sys.ReadDir(w.NsInit, fds[i], 1, out string dotdot, out _));
                Assert.Equal("..", dotdot);
                Assert.Equal(0, k.Sys.ReadDir(w.NsInit, fds[i], 2, out _, out _));
                k.Sys.Close(w.NsInit, fds[i]);
            }
        }

        [Fact]
        public void GenericFiles_SameBytesThroughEverySuperblock()
        {
            var w = new World();
            var k = w.K;
            foreach (string f in new[] { "meminfo", "maps", "buddyinfo", "filesystems", "mounts", "sysvipc/shm", "version" })
            {
                string a = Cat(k, w.NsInit, "/proc/" + f);
                Assert.Equal(a, Cat(k, w.NsInit, "/tmp/p1/" + f));
                Assert.Equal(a, Cat(k, w.NsInit, "/tmp/p2/" + f));
            }
        }

        [Fact]
        public void Umount_OneProcfs_LeavesTheOthers()
        {
            var w = new World();
            var k = w.K;
            int fd = k.Sys.Open(k.Init, "/tmp/p1/version", File.O_RDONLY, 0);
            Assert.Equal(-Errno.EBUSY, k.Sys.Umount(k.Init, "/tmp/p1"));
            k.Sys.Close(k.Init, fd);
            Assert.Equal(0, k.Sys.Umount(k.Init, "/tmp/p1"));
            Assert.DoesNotContain("version", Ls(k, k.Init, "/tmp/p1"));
            Assert.Contains("version", Ls(k, k.Init, "/tmp/p2"));
            Assert.Equal(new[] { 1 }, Pids(k, k.Init, "/tmp/p2"));
        }
    }
}
