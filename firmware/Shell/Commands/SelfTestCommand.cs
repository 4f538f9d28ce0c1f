namespace ProcNano
{
    /// <summary>The self-test suite, which lives in an assembly of its own (ProcNano.SelfTest: the kernel's has no
    /// room left under nanoFramework's 64 KiB of byte code per assembly).</summary>
    public interface ISelfTestSuite
    {
        /// <summary>Runs every check as <paramref name="sh"/>'s task, printing to its output; the exit status.</summary>
        int Run(Shell sh);
    }

    /// <summary>A platform built with the self-test suite (the simulator); null where it has none.</summary>
    public interface ISelfTestPlatform
    {
        ISelfTestSuite SelfTests { get; }
    }

    /// <summary>selftest: the kernel's consistency checks and the rules it is built on, run as the shell's task,
    /// one line per check, then "N passed, N failed". Root only: the checks start tasks, write /proc/sys and
    /// create proc entries.</summary>
    public static class SelfTestCommand
    {
        public static int Run(Shell sh, string[] argv, int argc)
        {
            if (argc != 1) return sh.Usage("selftest");
            if (!sh.Task.IsRoot) return sh.Fail("selftest", -Errno.EPERM);
            ISelfTestPlatform p = sh.Sys.Platform(sh.Task) as ISelfTestPlatform;
            ISelfTestSuite suite = p != null ? p.SelfTests : Deployed();
            if (suite == null) return sh.Complain("selftest", "not deployed (ProcNano.SelfTest is not on this device)");
            return suite.Run(sh);
        }

        /// <summary>The suite from the assemblies the device runs, found by name: on nanoFramework every deployed
        /// assembly is loaded at boot and its tables take heap (ProcNano.SelfTest: about 1.2 KB), so the firmware
        /// deploys it only when asked (docs/ESP32.md) and the kernel must not depend on it. Null when absent.</summary>
        public static ISelfTestSuite Deployed()
        {
            System.Type t = System.Type.GetType("ProcNano.SelfTestSuite, ProcNano.SelfTest");
            System.Reflection.ConstructorInfo c = t == null ? null : t.GetConstructor(new System.Type[0]);
            return c == null ? null : c.Invoke(null) as ISelfTestSuite;
        }
    }
}
