namespace ProcNano
{
    /// <summary>
    /// The /proc/sys table (Linux's kern_table and vm_table, the rows ProcNano has). Adding a knob is adding a
    /// row with its handler.
    /// </summary>
    public static class SysctlTable
    {
        /// <summary>__NEW_UTS_LEN + 1: the longest hostname is 64 characters.</summary>
        public const int UtsLen = 65;

        public static CtlEntry Build()
        {
            CtlEntry kernel = new CtlEntry("kernel", new CtlEntry[]
            {
                new CtlEntry("ostype", 0x124, new ConstSysctl(Version.OsType)),
                new CtlEntry("osrelease", 0x124, new ConstSysctl(Version.Release)),
                new CtlEntry("hostname", 0x1A4, new HostnameSysctl()),          // 0644: root writes
                new CtlEntry("pid_max", 0x124, new PidMaxSysctl()),             // fixed at boot here
            });
            CtlEntry vm = new CtlEntry("vm", new CtlEntry[]
            {
                new CtlEntry("nr_trim_pages", 0x1A4, new NrTrimPagesSysctl()),  // 0644
            });
            CtlEntry root = new CtlEntry("sys", new CtlEntry[] { kernel, vm });
            root.Number(0);
            return root;
        }
    }

    public sealed class ConstSysctl : StringSysctl
    {
        private readonly string _value;
        public ConstSysctl(string value) : base(SysctlTable.UtsLen) { _value = value; }
        protected override string Get(Kernel k) { return _value; }
    }

    public sealed class HostnameSysctl : StringSysctl
    {
        public HostnameSysctl() : base(SysctlTable.UtsLen) { }
        protected override string Get(Kernel k) { return k.Uts.Hostname; }
        protected override void Set(Kernel k, string v) { k.Uts.Hostname = v; }
    }

    /// <summary>pid_max as the task table was sized at boot (the pid namespaces take it then).</summary>
    public sealed class PidMaxSysctl : IntSysctl
    {
        public PidMaxSysctl() : base(301, 32768) { }
        protected override int Get(Kernel k) { return k.Board.PidMax; }
        protected override void Set(Kernel k, int v) { }
    }

    /// <summary>vm.nr_trim_pages: minimum 0 (0 disables trimming), no maximum, as in Linux.</summary>
    public sealed class NrTrimPagesSysctl : IntSysctl
    {
        public NrTrimPagesSysctl() : base(0, int.MaxValue) { }
        protected override int Get(Kernel k) { return k.Mem.NrTrimPages; }
        protected override void Set(Kernel k, int v) { k.Mem.NrTrimPages = v; }
    }
}
