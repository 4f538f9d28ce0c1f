namespace ProcNano
{
    /// <summary>reboot: restarts the board through the reboot syscall (the platform's <see cref="IPower"/>:
    /// nanoFramework's Power.RebootDevice on the device). Root only (EPERM); ENOSYS where the platform cannot
    /// (the simulator). Says so on the console and in the log first, as Linux's "reboot: Restarting system".</summary>
    public static class PowerCommands
    {
        public static int Reboot(Shell sh, string[] argv, int argc)
        {
            if (argc != 1) return sh.Usage("reboot");
            int r = sh.Sys.Reboot(sh.Task, false);
            if (r < 0) return sh.Fail("reboot", r);
            sh.Out.Line("reboot: Restarting system");
            sh.Out.Flush();
            r = sh.Sys.Reboot(sh.Task, true);
            if (r < 0) return sh.Fail("reboot", r);
            return Shell.StatusOk;   // a platform whose reboot returns (a test's)
        }
    }
}
