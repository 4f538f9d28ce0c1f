using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Namespaces.NsKit;

namespace ProcNano.Tests.Proc.Namespaces
{
    /// <summary>A procfs shows the pid namespace of the task that mounted it, numbered as that namespace
    /// numbers them; the root /proc keeps showing everything with root numbers.</summary>
    public class PidNamespaceTests
    {
        /// <summary>A kernel with a plain task, a new pid namespace whose init ("nsinit") has mounted its own
        /// procfs on /tmp/p, and a child of that init inside the namespace.</summary>
        private sealed class World
        {
            public readonly Kernel K = Boot.Host();
            public readonly Task Outside, NsInit, NsChild;

            public World()
            {
                Outside = Boot.NewTask(K, "outside");
                NsInit = Exec(K, K.Init, "/bin/init", new[] { "nsinit" }, Syscalls.CLONE_NEWPID);
                Assert.Equal(0, K.Sys.Mkdir(NsInit, "/tmp/p", 0x1ED));
                Assert.Equal(0, K.Sys.Mount(NsInit, "proc", "/tmp/p", "proc"));
                NsChild = Exec(K, NsInit, "/bin/hold", new[] { "hold", "1" }, 0);
            }
        }

        [Fact]
        public void NewNamespace_ItsFirstTaskIsPid1()
        {
            var w = new World();
            Assert.Equal(1, w.K.Sys.Getpid(w.NsInit));
            Assert.Equal(2, w.K.Sys.Getpid(w.NsChild));
            Assert.True(RootNr(w.K, w.NsInit) > 1);
        }

        [Fact]
        public void InnerProcfs_ListsOnlyItsNamespace_WithItsNumbers()
        {
            var w = new World();
            Assert.Equal(new[] { 1, 2 }, Pids(w.K, w.NsInit, "/tmp/p"));
            // Whoever lists it: the superblock's namespace decides, not the reader's.
            Assert.Equal(new[] { 1, 2 }, Pids(w.K, w.K.Init, "/tmp/p"));
            Assert.Contains("meminfo", Ls(w.K, w.NsInit, "/tmp/p"));
        }

        [Fact]
        public void RootProc_StillListsEveryTask_WithRootNumbers()
        {
            var w = new World();
            int[] expected = new[] { w.K.Init, w.Outside, w.NsInit, w.NsChild }.Select(t => RootNr(w.K, t)).ToArray();
            Assert.Equal(expected, Pids(w.K, w.NsInit, "/proc"));
        }

        [Fact]
        public void Self_NumberedByTheSuperblocksNamespace()
        {
            var w = new World();
            var k = w.K;
            Assert.Equal("1", k.Sys.ReadLink(w.NsInit, "/tmp/p/self", out _));
            Assert.Equal("2", k.Sys.ReadLink(w.NsChild, "/tmp/p/self", out _));
            Assert.Equal(RootNr(k, w.NsInit).ToString(), k.Sys.ReadLink(w.NsInit, "/proc/self", out _));
            Assert.Equal(RootNr(k, w.NsChild).ToString(), k.Sys.ReadLink(w.NsChild, "/proc/self", out _));
        }

        [Fact]
        public void Self_ReaderOutsideTheNamespace_Enoent()
        {
            var w = new World();
            Assert.Null(w.K.Sys.ReadLink(w.Outside, "/tmp/p/self", out int err));
            Assert.Equal(-Errno.ENOENT, err);
            Assert.Equal(-Errno.ENOENT, w.K.Sys.Open(w.Outside, "/tmp/p/self/comm", File.O_RDONLY, 0));
        }

        [Fact]
        public void PidFiles_ThroughInnerNumbers()
        {
            var w = new World();
            var k = w.K;
            Assert.Equal("nsinit\n", Cat(k, w.NsChild, "/tmp/p/1/comm"));
            Assert.Equal("nsinit\0", Cat(k, w.NsChild, "/tmp/p/1/cmdline"));
            Assert.Equal("hold\n", Cat(k, w.NsInit, "/tmp/p/2/comm"));
            Assert.Equal("hold\01\0", Cat(k, w.NsInit, "/tmp/p/2/cmdline"));
            Assert.Equal("hold\n", Cat(k, w.NsChild, "/tmp/p/self/comm"));
            // The same tasks through the root /proc, by their root numbers; /proc/1 is the real init there.
            Assert.Equal("nsinit\n", Cat(k, w.NsChild, "/proc/" + RootNr(k, w.NsInit) + "/comm"));
            Assert.Equal("init\n", Cat(k, w.NsChild, "/proc/1/comm"));
        }

        [Fact]
        public void InnerProcfs_HasNoDirectoryForOutsideTasks()
        {
            var w = new World();
            var k = w.K;
            int outside = RootNr(k, Boot.NewTask(k, "extra"));
            Assert.True(outside > 2);   // a number the namespace does not use
            Assert.Equal(-Errno.ENOENT, k.Sys.Open(w.NsInit, "/tmp/p/" + outside + "/comm", File.O_RDONLY, 0));
            var st = new StatInfo();
            Assert.Equal(-Errno.ENOENT, k.Sys.Stat(k.Init, "/tmp/p/" + RootNr(k, w.NsChild), st));
        }

        [Fact]
        public void TaskExit_LeavesBothListings()
        {
            var w = new World();
            var k = w.K;
            int root = RootNr(k, w.NsChild);
            k.Sys.Exit(w.NsChild, 0);
            Assert.Equal(new[] { 1 }, Pids(k, w.NsInit, "/tmp/p"));
            Assert.DoesNotContain(root, Pids(k, w.NsInit, "/proc"));
        }

        [Fact]
        public void NamespaceInitExit_EmptiesItsProcfs()
        {
            var w = new World();
            var k = w.K;
            k.Sys.Exit(w.NsInit, 0);    // takes every task of the namespace with it
            Assert.Empty(Pids(k, k.Init, "/tmp/p"));
            Assert.Equal(new[] { 1, RootNr(k, w.Outside) }, Pids(k, k.Init, "/proc"));
        }

        [Fact]
        public void ProcfsMountedFromRoot_ShowsNamespaceTasksWithRootNumbers()
        {
            var w = new World();
            var k = w.K;
            Assert.Equal(0, k.Sys.Mkdir(k.Init, "/tmp/r", 0x1ED));
            Assert.Equal(0, k.Sys.Mount(k.Init, "proc", "/tmp/r", "proc"));
            Assert.Equal(Pids(k, k.Init, "/proc"), Pids(k, k.Init, "/tmp/r"));
            Assert.Equal(RootNr(k, w.NsChild).ToString(), k.Sys.ReadLink(w.NsChild, "/tmp/r/self", out _));
        }

        [Fact]
        public void NestedNamespace_EachLevelNumbersItsOwn()
        {
            var w = new World();
            var k = w.K;
            Task inner = Exec(k, w.NsInit, "/bin/init", new[] { "inner" }, Syscalls.CLONE_NEWPID);
            Assert.Equal(3, inner.Pid.NrIn(w.NsInit.PidNs));
            Assert.Equal(0, k.Sys.Mkdir(inner, "/tmp/q", 0x1ED));
            Assert.Equal(0, k.Sys.Mount(inner, "proc", "/tmp/q", "proc"));
            Assert.Equal(new[] { 1 }, Pids(k, inner, "/tmp/q"));
            Assert.Equal(new[] { 1, 2, 3 }, Pids(k, inner, "/tmp/p"));
            Assert.Equal("1", k.Sys.ReadLink(inner, "/tmp/q/self", out _));
            Assert.Equal("3", k.Sys.ReadLink(inner, "/tmp/p/self", out _));
            Assert.Null(k.Sys.ReadLink(w.NsInit, "/tmp/q/self", out int err));   // parent is not in the inner one
            Assert.Equal(-Errno.ENOENT, err);
        }

        private static string Field(string text, string name)
        {
            foreach (var line in text.Split('\n')) if (line.StartsWith(name + ":\t")) return line.Substring(name.Length + 2);
            return null;
        }

        [Fact]
        public void StatusAndStat_NumberPidsTheWayTheMountingNamespaceDoes()
        {
            var w = new World();
            var k = w.K;
            int outerChild = RootNr(k, w.NsChild), outerInit = RootNr(k, w.NsInit);
            string inner = Cat(k, w.NsInit, "/tmp/p/2/status");
            Assert.Equal("2", Field(inner, "Pid"));
            Assert.Equal("1", Field(inner, "PPid"));
            string innerInit = Cat(k, w.NsInit, "/tmp/p/1/status");
            Assert.Equal("1", Field(innerInit, "Pid"));
            Assert.Equal("0", Field(innerInit, "PPid"));   // its parent is not visible inside
            string outer = Cat(k, k.Init, "/proc/" + outerChild + "/status");
            Assert.Equal(outerChild.ToString(), Field(outer, "Pid"));
            Assert.Equal(outerInit.ToString(), Field(outer, "PPid"));
            string stat = Cat(k, w.NsInit, "/tmp/p/2/stat");
            var f = stat.Split(' ');
            Assert.Equal("2", f[0]);
            Assert.Equal("1", f[3]);
        }
    }
}
