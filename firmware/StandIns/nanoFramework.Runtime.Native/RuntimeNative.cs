// Compile-time stand-in for nanoFramework.Runtime.Native 1.7.11 (github.com/nanoframework/nanoFramework.Runtime.Native,
// v1.7 at a7c24bd; the same surface as shared/nanoclr/ref/nanoFramework.Runtime.Native.dll). NEVER DEPLOYED: it lets
// the .NET SDK compile firmware/App in CI (firmware/App.Nano); the device runs the real package. Only what the app
// uses, with upstream's namespaces, types, members, parameter and return types; every body throws.
using System;

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        /// <summary>Collects (and compacts if asked); the free managed bytes after it.</summary>
        public static uint Run(bool compactHeap) { throw new NotImplementedException(); }
    }

    public static class SystemInfo
    {
        /// <summary>The firmware's target name (ESP32_REV0, ...).</summary>
        public static string TargetName { get { throw new NotImplementedException(); } }
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { throw new NotImplementedException(); }
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }
}

namespace System
{
    // Upstream declares Environment in this assembly (mscorlib 1.17.11 has none).
    public static class Environment
    {
        public static long TickCount64 { get { throw new NotImplementedException(); } }
    }
}
