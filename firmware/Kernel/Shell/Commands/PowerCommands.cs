namespace ProcNano
{
    /// <summary>reboot: restarts the board through the platform (<see cref="IPower"/>: nanoFramework's
    /// Power.RebootDevice on the device). Root only (EPERM), as reboot(2); ENOSYS where the platform cannot
    /// (the simulator). Says so on the console and in the log first, as Linux's "reboot: Restarting system".</summary>
    public static class PowerCommands
    {
        public static int Reboot(Shell sh, string[] argv, int argc)
        {
            if (argc != 1) return sh.Usage("reboot");
            if (!sh.Task.IsRoot) return sh.Fail("reboot", -Errno.EPERM);
            IPower power = sh.Kernel.Platform as IPower;
            if (power == null) return sh.Fail("reboot", -Errno.ENOSYS);
            sh.Kernel.Log.Print("reboot: Restarting system");
            sh.Out.Line("reboot: Restarting system");
            sh.Out.Flush();
            power.Reboot();
            return Shell.StatusOk;   // a platform whose reboot returns (a test's)
        }
    }
}
