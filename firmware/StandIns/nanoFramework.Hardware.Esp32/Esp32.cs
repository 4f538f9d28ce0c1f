// Compile-time stand-in for nanoFramework.Hardware.Esp32 1.6.42 (github.com/nanoframework/nanoFramework.Hardware.Esp32:
// Configuration.cs, DeviceTypePins.cs, Sleep.cs). NEVER DEPLOYED: it lets the .NET SDK compile firmware/App in CI
// (firmware/App.Nano); the device runs the real package. Only what the app uses, with upstream's namespaces, types,
// members, parameter and return types; every body throws.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        /// <summary>Routes a GPIO pin to a peripheral function (the UART pins of COM2, say).</summary>
        public static void SetPinFunction(int pin, DeviceFunction value) { throw new NotImplementedException(); }
    }

    public class Sleep
    {
        /// <summary>Enters deep sleep with the configured wake-up sources (none: until reset); never returns.</summary>
        public static void StartDeepSleep() { throw new NotImplementedException(); }
    }

    /// <summary>The UART members of upstream's enum, with its values (device type SERIAL 0x30000 + port * 0x100
    /// + signal).</summary>
    public enum DeviceFunction
    {
        COM1_TX = 0x30100,
        COM1_RX = 0x30101,
        COM2_TX = 0x30200,
        COM2_RX = 0x30201,
        COM3_TX = 0x30300,
        COM3_RX = 0x30301,
    }
}
