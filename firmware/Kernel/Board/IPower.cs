namespace ProcNano
{
    /// <summary>A platform that can restart or power off the machine: the device (nanoFramework's
    /// Power.RebootDevice, and a deep sleep with no wake-up source for off), the simulator (it ends its run).
    /// The reboot and poweroff commands ask the platform for it; one without it answers ENOSYS.</summary>
    public interface IPower
    {
        /// <summary>Restarts the board; does not return where it can.</summary>
        void Reboot();

        /// <summary>Powers the board off; does not return where it can (the simulator's returns and exits
        /// once the console session has ended).</summary>
        void PowerOff();
    }
}
