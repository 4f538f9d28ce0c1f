using ProcNano.HostSim;
using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>reboot goes to the platform's IPower (the device's Power.RebootDevice), for root only.</summary>
    public class PowerCommandTests
    {
        private sealed class RebootingPlatform : IPlatform, IPower
        {
            private readonly HostPlatform _host = HostPlatform.WithTempFlash();
            public int Reboots;
            public long UptimeMs => _host.UptimeMs;
            public long UnixTime => _host.UnixTime;
            public IStorage Flash => _host.Flash;
            public long ManagedHeapTotal => _host.ManagedHeapTotal;
            public long ManagedHeapFree => _host.ManagedHeapFree;
            public void Reboot() { Reboots++; }
        }

        [Fact]
        public void Reboot_AsRoot_SaysSo_ThenAsksThePlatform()
        {
            var p = new RebootingPlatform();
            var h = new ShellHarness(new BoardConfig(), p);
            Assert.Equal(0, h.Run("reboot", out string o));
            Assert.Equal("reboot: Restarting system\n", o);
            Assert.Equal(1, p.Reboots);
            Assert.True(h.K.Log.Contains("reboot: Restarting system"));
        }

        [Fact]
        public void Reboot_NeedsRoot()
        {
            var p = new RebootingPlatform();
            var h = new ShellHarness(new BoardConfig(), p);
            h.Run("su 1000", out _);
            Assert.Equal(1, h.Run("reboot", out string o));
            Assert.Equal("reboot: Operation not permitted\n", o);
            Assert.Equal(0, p.Reboots);
        }

        [Fact]
        public void Reboot_WhereThePlatformCannot_IsENOSYS()
        {
            var h = new ShellHarness();
            Assert.Equal(1, h.Run("reboot", out string o));
            Assert.Equal("reboot: Function not implemented\n", o);
            Assert.Equal(1, h.Run("reboot now", out o));
            Assert.Equal("Usage: reboot\n", o);
        }
    }
}
