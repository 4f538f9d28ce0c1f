using ProcNano;
using Xunit;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Proc
{
    public class SysctlTests
    {
        [Fact]
        public void Tree_ListsKernelVmAndFsTables()
        {
            var kit = new ProcKit();
            Assert.Equal(new[] { "kernel", "vm", "fs" }, kit.Ls(kit.Init, "sys").ToArray());
            Assert.Equal(new[] { "ostype", "osrelease", "hostname", "pid_max", "threads-max", "shmmni" }, kit.Ls(kit.Init, "sys/kernel").ToArray());
            Assert.Equal(new[] { "nr_trim_pages", "max_map_count" }, kit.Ls(kit.Init, "sys/vm").ToArray());
            Assert.Equal(new[] { "file-max", "nr_open", "inode-max" }, kit.Ls(kit.Init, "sys/fs").ToArray());
            Assert.True(kit.Get(kit.Init, "sys/vm").IsDir);
            Assert.True(kit.Get(kit.Init, "sys/vm/nr_trim_pages").IsReg);
        }

        [Fact]
        public void KernelStrings_ReadBack()
        {
            var kit = new ProcKit(new BoardConfig { Hostname = "esp", PidMax = 4096 });
            Assert.Equal("Linux\n", kit.Cat(kit.Init, "sys/kernel/ostype"));
            Assert.Equal(Version.Release + "\n", kit.Cat(kit.Init, "sys/kernel/osrelease"));
            Assert.Equal("esp\n", kit.Cat(kit.Init, "sys/kernel/hostname"));
            Assert.Equal("4096\n", kit.Cat(kit.Init, "sys/kernel/pid_max", 1));
        }

        [Fact]
        public void NrTrimPages_DefaultFromBoard_WriteChangesKernelField()
        {
            var kit = new ProcKit(new BoardConfig { NrTrimPages = 2 });
            Assert.Equal(2, kit.K.Mem.NrTrimPages);
            Assert.Equal("2\n", kit.Cat(kit.Init, "sys/vm/nr_trim_pages"));
            Assert.Equal(2, kit.WriteFile(kit.Init, "sys/vm/nr_trim_pages", "0\n"));
            Assert.Equal(0, kit.K.Mem.NrTrimPages);
            Assert.Equal("0\n", kit.Cat(kit.Init, "sys/vm/nr_trim_pages", 1));
        }

        [Theory]
        [InlineData("7", 7)]
        [InlineData("  7  \n", 7)]
        [InlineData("0x10\n", 16)]
        [InlineData("010", 8)]
        [InlineData("5 9", 5)]
        public void NrTrimPages_AcceptsCNumbers(string text, int value)
        {
            var kit = new ProcKit();
            Assert.Equal(text.Length, kit.WriteFile(kit.Init, "sys/vm/nr_trim_pages", text));
            Assert.Equal(value, kit.K.Mem.NrTrimPages);
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("   \n")]
        [InlineData("-1")]
        [InlineData("12abc")]
        [InlineData("09")]
        [InlineData("99999999999")]
        [InlineData("-")]
        public void NrTrimPages_InvalidText_Einval_ValueUnchanged(string text)
        {
            var kit = new ProcKit(new BoardConfig { NrTrimPages = 3 });
            Assert.Equal(-Errno.EINVAL, kit.WriteFile(kit.Init, "sys/vm/nr_trim_pages", text));
            Assert.Equal(3, kit.K.Mem.NrTrimPages);
            Assert.Equal("3\n", kit.Cat(kit.Init, "sys/vm/nr_trim_pages"));
        }

        [Fact]
        public void EmptyWrite_ReturnsZero_ValueUnchanged()
        {
            // write(fd, buf, 0): proc_dointvec and proc_dostring consume nothing and succeed.
            var kit = new ProcKit(new BoardConfig { NrTrimPages = 3, Hostname = "h" });
            foreach (string path in new[] { "sys/vm/nr_trim_pages", "sys/kernel/hostname" })
            {
                KFile f = ProcKit.Open(kit.Get(kit.Init, path), kit.Init, KFile.O_WRONLY);
                Assert.Equal(0, f.Inode.Write(f, kit.Init, 0, new byte[1], 0, 0));
                f.Inode.Release(f);
            }
            Assert.Equal(3, kit.K.Mem.NrTrimPages);
            Assert.Equal("h\n", kit.Cat(kit.Init, "sys/kernel/hostname"));
        }

        [Fact]
        public void Hostname_RootWrites_UpToNewline_CutAt64()
        {
            var kit = new ProcKit();
            Assert.Equal(8, kit.WriteFile(kit.Init, "sys/kernel/hostname", "newhost\n"));
            Assert.Equal("newhost", kit.K.Uts.Hostname);
            Assert.Equal("newhost\n", kit.Cat(kit.Init, "sys/kernel/hostname"));
            string longName = new string('h', 70);
            Assert.Equal(70, kit.WriteFile(kit.Init, "sys/kernel/hostname", longName));
            Assert.Equal(new string('h', 64), kit.K.Uts.Hostname);
        }

        [Fact]
        public void Hostname_NonRootWrite_Eacces_ReadAllowed()
        {
            var kit = new ProcKit();
            KTask user = kit.NewTask("user", 1000, 1000);
            Assert.Equal(-Errno.EACCES, kit.WriteFile(user, "sys/kernel/hostname", "evil"));
            Assert.Equal(kit.K.Uts.Hostname + "\n", kit.Cat(user, "sys/kernel/hostname"));
        }

        [Fact]
        public void ReadOnlyKnobs_EvenRootCannotOpenForWrite()
        {
            var kit = new ProcKit();
            Assert.Equal(-Errno.EACCES, kit.WriteFile(kit.Init, "sys/kernel/pid_max", "4096"));
            Assert.Equal(-Errno.EACCES, kit.WriteFile(kit.Init, "sys/kernel/ostype", "BSD"));
        }

        [Fact]
        public void SysctlInodes_MadeOnceAndReused()
        {
            var kit = new ProcKit();
            Inode a = kit.Get(kit.Init, "sys/vm/nr_trim_pages");
            Inode b = kit.Get(kit.Init, "sys/vm/nr_trim_pages");
            Inode c = kit.Get(kit.Init, "sys/kernel/../vm/nr_trim_pages");
            Assert.Same(a, b);
            Assert.Same(a, c);
            kit.Get(kit.Init, "sys/vm").ReadDir(kit.Init, 0, out _, out Inode d);
            Assert.Same(a, d);
            ProcSuperBlock other = ProcFs.NewSuperBlock(kit.K, null);
            Inode e = kit.Get(kit.Init, "sys/vm/nr_trim_pages", other);
            Assert.NotSame(a, e);
            Assert.Equal(a.Ino, e.Ino);
        }

        [Fact]
        public void NonRootUser_InRootGroup_JudgedByGroupBits()
        {
            var kit = new ProcKit();
            KTask wheel = kit.NewTask("wheel", 1000, 0);
            Assert.Equal(-Errno.EACCES, kit.WriteFile(wheel, "sys/vm/nr_trim_pages", "4"));   // 0644: group r--
            Assert.Equal("1\n", kit.Cat(wheel, "sys/vm/nr_trim_pages"));
        }
    }
}
