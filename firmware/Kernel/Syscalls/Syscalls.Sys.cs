namespace ProcNano
{
    // System-wide calls: uname, clocks, the kernel log, modules.
    public sealed partial class Syscalls
    {
        public const int CLOCK_REALTIME = 0, CLOCK_BOOTTIME = 7;

        /// <summary>uname(2): the machine field is the board's name.</summary>
        public void Uname(Task t, Utsname u)
        {
            u.Sysname = Version.OsType;
            u.Nodename = _k.Uts.Hostname;
            u.Release = Version.Release;
            u.Version = Version.Build;
            u.Machine = _k.Board.Name;
        }

        /// <summary>clock_gettime(2) in milliseconds: CLOCK_REALTIME (since the epoch) or CLOCK_BOOTTIME (since
        /// boot); -EINVAL for another clock. 0 when the board has no clock.</summary>
        public long ClockMs(Task t, int clock)
        {
            IPlatform p = _k.Platform;
            if (clock == CLOCK_REALTIME) return p == null ? 0 : p.UnixTime * 1000;
            if (clock == CLOCK_BOOTTIME) return p == null ? 0 : p.UptimeMs;
            return -Errno.EINVAL;
        }

        /// <summary>syslog(2)'s READ_ALL, without consuming: copies log bytes from position
        /// <paramref name="pos"/> (a position before the oldest byte still held reads from that byte) and
        /// returns how many, 0 at the end. <see cref="LogEnd"/> is the position after the newest byte.</summary>
        public int ReadLog(Task t, long pos, byte[] buf, int off, int count)
        {
            KernelLog log = _k.Log;
            if (pos < log.Tail) pos = log.Tail;
            return log.Read(pos, buf, off, count);
        }

        /// <summary>The log position after the newest byte, and the oldest position still held.</summary>
        public long LogEnd(Task t) { return _k.Log.Head; }
        public long LogStart(Task t) { return _k.Log.Tail; }

        /// <summary>A line from user space into the kernel log, as a write to /dev/kmsg puts one (the shell's
        /// boot-script trace and its first-prompt time).</summary>
        public void LogWrite(Task t, string line) { _k.Log.Print(line); }

        /// <summary>reboot(2)'s commands: LINUX_REBOOT_CMD_RESTART and LINUX_REBOOT_CMD_POWER_OFF.</summary>
        public const int RebootRestart = 0x01234567, RebootPowerOff = 0x4321FEDC;

        /// <summary>reboot(2) RESTART: see <see cref="Reboot(Task, int, bool)"/>.</summary>
        public int Reboot(Task t, bool now) { return Reboot(t, RebootRestart, now); }

        /// <summary>reboot(2) RESTART or POWER_OFF (else EINVAL): EPERM without root, ENOSYS where the
        /// platform cannot; logs "reboot: Restarting system" or "reboot: Power down", as Linux's
        /// kernel_restart / kernel_power_off, and asks the platform. With <paramref name="now"/> false only the
        /// checks run (as kill's signal 0), so the caller can say so on its console first.</summary>
        public int Reboot(Task t, int cmd, bool now)
        {
            if (!t.IsRoot) return -Errno.EPERM;
            if (cmd != RebootRestart && cmd != RebootPowerOff) return -Errno.EINVAL;
            IPower power = _k.Platform as IPower;
            if (power == null) return -Errno.ENOSYS;
            if (!now) return 0;
            if (cmd == RebootPowerOff)
            {
                _k.Log.Print("reboot: Power down");
                power.PowerOff();
                return 0;   // a platform whose power-off returns (the simulator's, a test's)
            }
            _k.Log.Print("reboot: Restarting system");
            power.Reboot();
            return 0;   // a platform whose reboot returns (a test's)
        }

        /// <summary>The board glue, for what a board adds beyond the kernel's interfaces (the simulator's self-test
        /// suite): root only, null otherwise.</summary>
        public object Platform(Task t) { return t.IsRoot ? _k.Platform : null; }

        /// <summary>The kernel object itself, for the self-test (its own assembly, which checks the kernel's
        /// internal tables): root only, null otherwise. Typed object, so no shell code reads it by accident.</summary>
        public object Introspect(Task t) { return t.IsRoot ? _k : null; }

        /// <summary>init_module(2) by name (the modules are built in): EPERM without root, ENOENT unknown, EEXIST
        /// loaded.</summary>
        public int InitModule(Task t, string name) { return Dead(t) ? -Errno.ESRCH : _k.InitModule(t, name); }

        /// <summary>delete_module(2): EPERM without root, ENOENT not loaded, EBUSY in use or permanent.</summary>
        public int DeleteModule(Task t, string name) { return Dead(t) ? -Errno.ESRCH : _k.DeleteModule(t, name); }
    }
}
