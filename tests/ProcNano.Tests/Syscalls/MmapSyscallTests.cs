using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

using ProcNano.Tests.Memory;

namespace ProcNano.Tests.SyscallFacade
{
    /// <summary>What the mmap(2) entry point itself decides, before the memory manager (Linux's sys_mmap).</summary>
    public class MmapSyscallTests
    {
        private static Task Exec(Kernel k, string path, params string[] argv)
        {
            int pid = k.Sys.Exec(k.Init, path, argv, 0);
            Assert.True(pid > 0, path + ": " + Errno.StrError(pid));
            return k.Sys.FindTask(k.Init, pid);
        }

        [Fact]
        public void Mmap_UserMapExecutable_IsIgnored_UnmapDoesNotDropExe()
        {
            // sys_mmap clears MAP_EXECUTABLE and MAP_DENYWRITE: only exec may make VM_EXECUTABLE VMAs, which
            // keep /proc/<pid>/exe. A user map with the bit must not count as one.
            var k = Host();
            var t = Exec(k, "/bin/hold", "hold", "1");
            int fd = k.Sys.Open(t, "/bin/true", File.O_RDONLY, 0);
            long x = k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE | Vm.MAP_EXECUTABLE | Vm.MAP_DENYWRITE, fd, 0);
            Assert.True(x > 0, Errno.StrError((int)x));
            int v = t.Mm.Vmas[t.Mm.Find(k.Mem.Vmas, (uint)x)];
            Assert.Equal(0, k.Mem.Vmas.Flags(v) & (Vm.VM_EXECUTABLE | Vm.VM_DENYWRITE));
            Assert.Equal(1, k.Mem.ExeVmas(t.Mm));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)x, 4096));
            Assert.NotNull(t.Mm.ExeFile);
            Assert.Equal("/bin/hold", t.Mm.ExeFile.Path);
        }

        [Fact]
        public void Mmap_SharedWritableOfAppendModeFd_Allowed()
        {
            // Linux refuses a writable shared map only for an append-only inode (chattr +a), not for a file
            // opened with O_APPEND; ProcNano has no append-only inodes.
            var k = Host();
            var t = NewTask(k, "a");
            Files.Write(k, t, "/tmp/log", Files.Pattern(4096));
            int fd = k.Sys.Open(t, "/tmp/log", File.O_RDWR | File.O_APPEND, 0);
            long x = k.Sys.Mmap(t, 0, 4096, RW, Vm.MAP_SHARED, fd, 0);
            Assert.True(x > 0, Errno.StrError((int)x));
        }

        [Fact]
        public void Mmap_UnalignedOffset_EinvalBeforeBadFd()
        {
            // sys_mmap checks the offset's alignment before it looks the fd up.
            var k = Host();
            var t = NewTask(k, "a");
            Assert.Equal(-Errno.EINVAL, k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, 42, 100));
            Assert.Equal(-Errno.EBADF, k.Sys.Mmap(t, 0, 4096, Vm.PROT_READ, Vm.MAP_PRIVATE, 42, 4096));
        }
    }
}
