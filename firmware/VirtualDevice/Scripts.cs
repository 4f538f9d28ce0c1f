namespace ProcNano.VirtualDevice
{
    /// <summary>
    /// The scripts the virtual device types at its console (see <see cref="ScriptedTty"/> for the line format).
    /// Each is one string literal, so it sits in the assembly (flash on the board) and costs no heap.
    /// </summary>
    internal static class Scripts
    {
        /// <summary>Bare boot: the first shell prompts, then the line closes.</summary>
        public const string Boot = "";

        /// <summary>After boards/boot.sh (run as the boot script): 100 typical commands, a page mapped and
        /// unmapped in every ten.</summary>
        public const string Demo =
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "uname -a\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "cat /proc/slabinfo\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "cat /proc/buddyinfo\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "uptime\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "memmap\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "echo hello > /hello.txt\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "cat /hello.txt\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "cat /proc/cpuinfo\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "dmesg\n" +
            "cat /proc/meminfo\n" +
            "cat /proc/maps\n" +
            "ps\n" +
            "free\n" +
            "mmap $P rw- private\n" +
            "cat /proc/self/maps\n" +
            "munmap $A $P\n" +
            "ls /proc\n" +
            "cat /proc/self/status\n" +
            "cat /proc/sysvipc/shm\n" +
            "@heap after_session\n";

        /// <summary>Bare boot, then 100 private one-page maps, each kept: the heap each mapping costs.</summary>
        public const string Maps =
            "@heap before_maps\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "mmap $P rw- private\n" +
            "@mapped\n" +
            "@heap after_100_maps\n" +
            "free\n" +
            "cat /proc/meminfo\n";

        /// <summary>After boards/boot.sh: the kernel's self-test twice, with the heap before and after each run (the
        /// first run grows tables to its peak and they keep that room; the second shows nothing more is kept).</summary>
        public const string SelfTest =
            "@heap before_selftest\n" +
            "selftest\n" +
            "@heap after_selftest\n" +
            "selftest\n" +
            "@heap after_second_selftest\n";

        /// <summary>The console input for script mode <paramref name="mode"/>, or null if there is none.</summary>
        public static string Input(string mode)
        {
            switch (mode)
            {
                case "boot": return Boot;
                case "demo": return Demo;
                case "maps": return Maps;
                case "selftest": return SelfTest;
                default: return null;
            }
        }

        /// <summary>Whether mode <paramref name="mode"/> runs boards/boot.sh first, as the firmware does.</summary>
        public static bool RunsBootScript(string mode)
        {
            return mode == "demo" || mode == "selftest";
        }
    }
}
