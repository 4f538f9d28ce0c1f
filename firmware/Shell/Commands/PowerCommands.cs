namespace ProcNano
{
    /// <summary>reboot and poweroff, through the reboot syscall (the platform's <see cref="IPower"/>:
    /// nanoFramework's Power.RebootDevice, or a deep sleep with no wake-up source, on the device; the
    /// simulator ends its run). Root only (EPERM); ENOSYS where the platform cannot. Each says so on the
    /// console and in the log first, as Linux's "reboot: Restarting system" and "reboot: Power down".
    /// Where the platform's call returns (the simulator), the session ends with status 0.</summary>
    public static class PowerCommands
    {
        public static int Reboot(Shell sh, string[] argv, int argc) { return Power(sh, "reboot", argv, argc, Syscalls.RebootRestart); }

        public static int Poweroff(Shell sh, string[] argv, int argc) { return Power(sh, "poweroff", argv, argc, Syscalls.RebootPowerOff); }

        private static int Power(Shell sh, string cmd, string[] argv, int argc, int how)
        {
            if (argc != 1) return sh.Usage(cmd);
            int r = sh.Sys.Reboot(sh.Task, how, false);
            if (r < 0) return sh.Fail(cmd, r);
            sh.Out.Line(how == Syscalls.RebootPowerOff ? "reboot: Power down" : "reboot: Restarting system");
            sh.Out.Flush();
            r = sh.Sys.Reboot(sh.Task, how, true);
            if (r < 0) return sh.Fail(cmd, r);
            sh.RequestExit(Shell.StatusOk);
            return Shell.StatusOk;
        }
    }
}
