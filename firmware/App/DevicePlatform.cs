using System;
using nanoFramework.Runtime.Native;
using ProcNano;

namespace ProcNano.App
{
    /// <summary>The device's side of the board glue: nanoFramework's clock, the LittleFS flash, the managed
    /// heap numbers the runtime reports, and the reboot the shell's `reboot` asks for.</summary>
    internal sealed class DevicePlatform : IPlatform, IPower
    {
        private readonly IStorage _flash;
        private readonly long _heapTotal;

        /// <param name="flash">Storage behind /flash (null: the board has none).</param>
        /// <param name="heapAtStart">Free managed bytes when Main began. nanoFramework has no call that returns
        /// the heap's size, so this stands for "the heap the application can use" (the assemblies' RAM tables are
        /// already out of it).</param>
        public DevicePlatform(IStorage flash, long heapAtStart)
        {
            _flash = flash;
            _heapTotal = heapAtStart;
        }

        public long UptimeMs => Environment.TickCount64;

        public long UnixTime => DateTime.UtcNow.ToUnixTimeSeconds();

        public IStorage Flash => _flash;

        public long ManagedHeapTotal => _heapTotal;

        /// <summary>Runs a collection (no compaction) and returns what the runtime then reports free.</summary>
        public long ManagedHeapFree => nanoFramework.Runtime.Native.GC.Run(false);

        /// <summary>A normal reboot: the CLR and the firmware start over, as after power-on.</summary>
        public void Reboot() { Power.RebootDevice(RebootOption.NormalReboot); }

        /// <summary>Deep sleep with no wake-up source configured: the ESP32's nearest thing to off (the reset
        /// button or a power cycle starts it again).</summary>
        public void PowerOff() { nanoFramework.Hardware.Esp32.Sleep.StartDeepSleep(); }
    }
}
