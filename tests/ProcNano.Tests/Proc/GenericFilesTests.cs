using System.Text;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Proc
{
    public class GenericFilesTests
    {
        [Fact]
        public void Version_LinuxBannerFormat()
        {
            var kit = new ProcKit(new BoardConfig { Hostname = "buildbox" });
            Assert.Equal("Linux version " + Version.Release + " (procnano@buildbox) (Roslyn C# 10) #1 PREEMPT\n",
                kit.Cat(kit.Init, "version"));
        }

        [Fact]
        public void Version_KeepsBuildHost_WhenHostnameChanges()
        {
            var kit = new ProcKit(new BoardConfig { Hostname = "buildbox" });
            kit.K.Uts.Hostname = "renamed";
            Assert.Contains("(procnano@buildbox)", kit.Cat(kit.Init, "version"));
        }

        [Theory]
        [InlineData(0, "0.00 0.00\n")]
        [InlineData(5, "0.00 0.00\n")]
        [InlineData(1010, "1.01 0.00\n")]
        [InlineData(12345678, "12345.67 0.00\n")]
        [InlineData(60999, "60.99 0.00\n")]
        public void Uptime_SecondsDotCentiseconds(long ms, string expected)
        {
            var kit = new ProcKit();
            kit.Platform.Ms = ms;
            Assert.Equal(expected, kit.Cat(kit.Init, "uptime"));
        }

        [Fact]
        public void CpuInfo_OneBlockPerCore_FromTheBoard()
        {
            var board = new BoardConfig
            {
                Name = "esp32-devkitc", CpuCores = 2, CpuVendor = "Espressif", CpuModel = "ESP32-D0WD-V3 Xtensa LX6",
                CpuMhz = 240, CpuFeatures = "fpu mac16 windowed",
            };
            var kit = new ProcKit(board);
            string block(int n) =>
                "processor\t: " + n + "\n" +
                "vendor_id\t: Espressif\n" +
                "model name\t: ESP32-D0WD-V3 Xtensa LX6\n" +
                "cpu MHz\t\t: 240.000\n" +
                "BogoMIPS\t: 240.00\n" +
                "Features\t: fpu mac16 windowed\n" +
                "\n";
            string expected = block(0) + block(1) + "Hardware\t: esp32-devkitc\n";
            Assert.Equal(expected, kit.Cat(kit.Init, "cpuinfo"));
            Assert.Equal(expected, kit.Cat(kit.Init, "cpuinfo", 1));
        }

        [Fact]
        public void Kmsg_NonRoot_Eacces()
        {
            var kit = new ProcKit();
            KTask user = kit.NewTask("user", 1000, 1000);
            Assert.Equal(-Errno.EACCES, ProcKit.Open(kit.Get(user, "kmsg"), user, KFile.O_RDONLY, out _));
        }

        // syslog(2)'s READ: one position for every reader, so a second read (or a second reader) never
        // repeats what the first took; dmesg still shows everything.
        [Fact]
        public void Kmsg_Root_ReadsConsume_ASecondReaderDoesNotRepeat()
        {
            var kit = new ProcKit();
            Inode kmsg = kit.Get(kit.Init, "kmsg");
            KFile a = ProcKit.Open(kmsg, kit.Init);
            string first = ProcKit.ReadAll(a, kit.Init, 7);
            Assert.Contains("ProcNano version " + Version.Release, first);
            Assert.Equal("", ProcKit.ReadAll(a, kit.Init));   // nothing new: 0 at once

            KFile b = ProcKit.Open(kmsg, kit.Init);
            Assert.Equal("", ProcKit.ReadAll(b, kit.Init));   // what a took is gone for b too
            kit.K.Log.Print("hello from the test");
            string second = ProcKit.ReadAll(b, kit.Init);
            Assert.EndsWith("] hello from the test\n", second);
            Assert.DoesNotContain("ProcNano version", second);
            Assert.Equal("", ProcKit.ReadAll(a, kit.Init));
            Assert.True(kit.K.Log.Contains("ProcNano version"));   // dmesg's read leaves the ring as it was
            a.Inode.Release(a);
            b.Inode.Release(b);
        }

        [Fact]
        public void Kmsg_ReaderThatFellBehind_SkipsToWhatIsLeft()
        {
            var kit = new ProcKit(new BoardConfig { KmsgSize = 256 });
            KFile a = ProcKit.Open(kit.Get(kit.Init, "kmsg"), kit.Init);
            for (int i = 0; i < 40; i++) kit.K.Log.Print("line " + i);
            string s = ProcKit.ReadAll(a, kit.Init);
            Assert.Equal(256, s.Length);
            Assert.EndsWith("] line 39\n", s);
            a.Inode.Release(a);
        }

        [Fact]
        public void Self_IsTheReadersPid_AsThisSuperblocksNamespaceNumbersIt()
        {
            var kit = new ProcKit();
            var childNs = new PidNamespace(kit.K.Tasks.RootNs, 32768);
            KTask inChild = kit.NewTask("contained", 0, 0, childNs);
            ProcSuperBlock childSb = ProcFs.NewSuperBlock(kit.K, childNs);

            Inode self = kit.Get(kit.Init, "self", null);
            kit.Walk(kit.Init, "self", out self, false);
            Assert.Equal("1", self.ReadLink(kit.Init, out _));
            Assert.Equal(inChild.Pid.NrIn(kit.K.Tasks.RootNs).ToString(), self.ReadLink(inChild, out _));

            kit.Walk(inChild, "self", out Inode selfChild, false, childSb);
            Assert.Equal("1", selfChild.ReadLink(inChild, out _));
            Assert.Null(selfChild.ReadLink(kit.Init, out int err));   // init is not in the child namespace
            Assert.Equal(-Errno.ENOENT, err);
        }

        [Fact]
        public void NetAndMounts_AreSymlinksIntoSelf()
        {
            var kit = new ProcKit();
            kit.Walk(kit.Init, "net", out Inode net, false);
            kit.Walk(kit.Init, "mounts", out Inode mounts, false);
            Assert.True(net.IsLink);
            Assert.Equal("self/net", net.ReadLink(kit.Init, out _));
            Assert.Equal("self/mounts", mounts.ReadLink(kit.Init, out _));
            Assert.StartsWith("Inter-|", kit.Cat(kit.Init, "net/dev"));
        }

        [Fact]
        public void Root_ListsGenericEntriesThenPids()
        {
            var kit = new ProcKit();
            KTask t = kit.NewTask("x", 0, 0);
            var names = kit.Ls(kit.Init, "/proc");
            foreach (string n in new[] { "self", "net", "mounts", "driver", "sys", "version", "uptime", "cpuinfo", "kmsg", "modules" })
                Assert.Contains(n, names);
            int firstPid = names.IndexOf("1");
            Assert.True(firstPid > names.IndexOf("modules"));
            Assert.Equal(t.Pid.RootNr.ToString(), names[firstPid + 1]);
        }

        [Fact]
        public void Permissions_NoWriteOpOnReadOnlyFile_OpenForWriteEacces_ForUsers()
        {
            var kit = new ProcKit();
            KTask user = kit.NewTask("user", 1000, 1000);
            Assert.Equal(-Errno.EACCES, ProcKit.Open(kit.Get(user, "version"), user, KFile.O_WRONLY, out _));
            KFile f = ProcKit.Open(kit.Get(kit.Init, "version"), kit.Init, KFile.O_RDWR);   // root passes DAC
            Assert.Equal(-Errno.EIO, ProcKit.Write(f, kit.Init, "x"));                    // ... but there is no write op
            f.Inode.Release(f);
        }
    }
}
