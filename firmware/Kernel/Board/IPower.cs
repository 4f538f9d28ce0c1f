namespace ProcNano
{
    /// <summary>A platform that can restart the machine: the device (nanoFramework's Power.RebootDevice). The
    /// reboot command asks the platform for it; one without it (the simulator) answers ENOSYS.</summary>
    public interface IPower
    {
        /// <summary>Restarts the board; does not return where it can.</summary>
        void Reboot();
    }
}
