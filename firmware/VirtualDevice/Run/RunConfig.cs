namespace ProcNano.VirtualDevice
{
    /// <summary>What the virtual device runs: a board from boards/ and a script mode (boot, demo, maps).
    /// run-nanoclr.sh writes a copy of this file with other values for each run. Methods, not constants, so the
    /// values are read from this assembly at run time instead of being compiled into the caller.</summary>
    public static class RunConfig
    {
        public static string Board() { return "esp32-devkitc"; }

        public static string Script() { return "boot"; }
    }
}
