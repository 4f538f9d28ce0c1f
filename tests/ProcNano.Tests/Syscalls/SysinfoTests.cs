using ProcNano;
using Xunit;

namespace ProcNano.Tests.SyscallFacade
{
    public class SysinfoTests
    {
        [Fact]
        public void Sysinfo_MemoryInBytes_TasksOfTheCallersNamespace()
        {
            var k = Boot.Host(pages: 64);
            var info = new SysInfo();
            k.Sys.Sysinfo(k.Init, info);
            Assert.Equal(64L * 4096, info.TotalRam);
            Assert.Equal((long)k.Pages.FreePages * 4096, info.FreeRam);
            Assert.Equal((long)k.Pages.LargestFreeBlock * 4096, info.LargestFree);
            Assert.Equal(1, info.Procs);

            Assert.True(k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0) > 0);
            int ns = k.Sys.Exec(k.Init, "/bin/init", new[] { "init" }, Syscalls.CLONE_NEWPID);
            Assert.True(ns > 0);
            k.Sys.Sysinfo(k.Init, info);
            Assert.Equal(3, info.Procs);
            Assert.True(info.FreeRam < 64L * 4096);
            // Inside the new pid namespace only its own init is visible.
            k.Sys.Sysinfo(k.Sys.FindTask(k.Init, ns), info);
            Assert.Equal(1, info.Procs);
        }
    }
}
