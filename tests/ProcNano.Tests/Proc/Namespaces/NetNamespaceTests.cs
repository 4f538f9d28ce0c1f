using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Namespaces.NsKit;

namespace ProcNano.Tests.Proc.Namespaces
{
    /// <summary>Net namespaces own /proc/&lt;pid&gt;/net; /proc/net (→ self/net) shows each reader its own.</summary>
    public class NetNamespaceTests
    {
        /// <summary>Interface names of a net/dev text (after the two header lines).</summary>
        private static string[] Interfaces(string dev)
        {
            return dev.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Skip(2)
                .Select(l => l.Substring(0, l.IndexOf(':')).Trim()).ToArray();
        }

        [Fact]
        public void NewNetNamespace_PidNetDev_OnlyLoopback()
        {
            var k = Boot.Host();
            Task n = Exec(k, k.Init, "/bin/hold", new[] { "hold", "1" }, Syscalls.CLONE_NEWNET);
            Assert.Equal(new[] { "lo" }, Interfaces(Cat(k, k.Init, "/proc/" + RootNr(k, n) + "/net/dev")));
            Assert.Equal(new[] { "lo", "eth0" }, Interfaces(Cat(k, n, "/proc/1/net/dev")));
        }

        [Fact]
        public void ProcNet_IsSelfNet_EachReaderSeesItsOwn()
        {
            var k = Boot.Host();
            Task n = Exec(k, k.Init, "/bin/hold", new[] { "hold", "1" }, Syscalls.CLONE_NEWNET);
            Task plain = Boot.NewTask(k, "plain");
            Assert.Equal("self/net", k.Sys.ReadLink(n, "/proc/net", out _));
            Assert.Equal(new[] { "lo" }, Interfaces(Cat(k, n, "/proc/net/dev")));
            Assert.Equal(new[] { "lo", "eth0" }, Interfaces(Cat(k, plain, "/proc/net/dev")));
        }

        [Fact]
        public void NetDev_LinuxHeaderAndZeroCounters()
        {
            var k = Boot.Host();
            Task n = Exec(k, k.Init, "/bin/hold", new[] { "hold", "1" }, Syscalls.CLONE_NEWNET);
            string expected =
                "Inter-|   Receive                                                |  Transmit\n" +
                " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n" +
                "    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n";
            Assert.Equal(expected, Cat(k, n, "/proc/net/dev"));
        }

        [Fact]
        public void ChildOfNewNetTask_SharesItsNamespace_UnlessItAsksForAnother()
        {
            var k = Boot.Host();
            Task n = Exec(k, k.Init, "/bin/init", new[] { "netinit" }, Syscalls.CLONE_NEWNET);
            Task child = Exec(k, n, "/bin/hold", new[] { "hold", "1" }, 0);
            Task other = Exec(k, n, "/bin/hold", new[] { "hold", "1" }, Syscalls.CLONE_NEWNET);
            Assert.Same(n.NetNs, child.NetNs);
            Assert.NotSame(n.NetNs, other.NetNs);
            Assert.Equal(new[] { "lo" }, Interfaces(Cat(k, child, "/proc/net/dev")));
        }

        [Fact]
        public void BothNamespaces_PidAndNet_TogetherInAnInnerProcfs()
        {
            var k = Boot.Host();
            Task t = Exec(k, k.Init, "/bin/init", new[] { "box" }, Syscalls.CLONE_NEWPID | Syscalls.CLONE_NEWNET);
            Assert.Equal(0, k.Sys.Mkdir(t, "/tmp/p", 0x1ED));
            Assert.Equal(0, k.Sys.Mount(t, "proc", "/tmp/p", "proc"));
            Assert.Equal(new[] { "lo" }, Interfaces(Cat(k, t, "/tmp/p/net/dev")));
            Assert.Equal(new[] { "lo" }, Interfaces(Cat(k, t, "/tmp/p/1/net/dev")));
        }
    }
}
