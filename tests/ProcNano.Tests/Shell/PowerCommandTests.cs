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
            public int PowerOffs;
            public void Reboot() { Reboots++; }
            public void PowerOff() { PowerOffs++; }
        }

        // A platform that can do neither (a board glue without IPower).
        private sealed class PlainPlatform : IPlatform
        {
            private readonly HostPlatform _host = HostPlatform.WithTempFlash();
            public long UptimeMs => _host.UptimeMs;
            public long UnixTime => _host.UnixTime;
            public IStorage Flash => _host.Flash;
            public long ManagedHeapTotal => _host.ManagedHeapTotal;
            public long ManagedHeapFree => _host.ManagedHeapFree;
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
            var h = new ShellHarness(new BoardConfig(), new PlainPlatform());
            Assert.Equal(1, h.Run("reboot", out string o));
            Assert.Equal("reboot: Function not implemented\n", o);
            Assert.Equal(1, h.Run("reboot now", out o));
            Assert.Equal("Usage: reboot\n", o);
        }
    
        [Fact]
        public void Poweroff_AsRoot_SaysPowerDown_AsksThePlatform_AndEndsTheSession()
        {
            var p = new RebootingPlatform();
            var h = new ShellHarness(new BoardConfig(), p);
            Assert.Equal(0, h.Run("poweroff", out string o));
            Assert.Equal("reboot: Power down\n", o);
            Assert.Equal(1, p.PowerOffs);
            Assert.Equal(0, p.Reboots);
            Assert.True(h.K.Log.Contains("reboot: Power down"));
            Assert.True(h.Sh.Exited);
        }

        [Fact]
        public void Poweroff_NeedsRoot_NeedsAPlatform_TakesNoArguments()
        {
            var p = new RebootingPlatform();
            var h = new ShellHarness(new BoardConfig(), p);
            h.Run("su 1000", out _);
            Assert.Equal(1, h.Run("poweroff", out string o));
            Assert.Equal("poweroff: Operation not permitted\n", o);
            Assert.Equal(0, p.PowerOffs);
            var plain = new ShellHarness(new BoardConfig(), new PlainPlatform());
            Assert.Equal(1, plain.Run("poweroff", out o));
            Assert.Equal("poweroff: Function not implemented\n", o);
            Assert.Equal(1, plain.Run("poweroff now", out o));
            Assert.Equal("Usage: poweroff\n", o);
            Assert.Equal(0, plain.Run("poweroff -h", out o));
            Assert.StartsWith("Usage: poweroff\n", o);
        }

        [Fact]
        public void TheSimulatorsPlatform_RecordsTheRequest_SoTheRunEnds()
        {
            var host = HostPlatform.WithTempFlash();
            var h = new ShellHarness(new BoardConfig(), host);
            Assert.Equal(0, h.Run("poweroff; echo after", out string o));
            Assert.Equal("reboot: Power down\n", o);   // nothing runs after it
            Assert.Equal(HostPlatform.PowerOffAsked, host.PowerRequest);
            var h2 = new ShellHarness(new BoardConfig(), host = HostPlatform.WithTempFlash());
            Assert.Equal(0, h2.Run("reboot", out o));
            Assert.Equal(HostPlatform.PowerRebootAsked, host.PowerRequest);
        }
    }
}
