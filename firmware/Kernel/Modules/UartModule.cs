namespace ProcNano
{
    /// <summary>
    /// The "uart" driver module: while loaded, /proc/driver/uart shows the shell UART's counters in the shape of
    /// Linux's /proc/tty/driver/serial: "serinfo:1.0 driver revision:" then
    /// "%d: uart:%s %s%08llX irq:%d" with " tx:%d rx:%d" (and " oe:%d" if non-zero) for root only, as Linux
    /// shows the counters only to CAP_SYS_ADMIN.
    /// </summary>
    public sealed class UartModule : KernelModule
    {
        public const string ModuleName = "uart";
        public const string ProcPath = "driver/uart";

        /// <summary>The shell UART's byte counters; the tty bumps them whether or not the module is loaded.</summary>
        public readonly UartStats Stats;

        // What a loaded driver holds on the heap: its proc entry and the (field-less) ops object.
        public UartModule(BoardConfig board) : base(ModuleName, ProcEntry.ObjectBytes + 12, null)
        {
            Stats = new UartStats(board);
        }

        public override int Init(IKernelView k)
        {
            ProcEntry e;
            return k.Proc.TryCreate(ProcPath, 0x124, new UartProcOps(), Stats, out e);
        }

        // By path, as Linux's remove_proc_entry: Init made the entry there (or failed, and Exit never runs), and
        // not keeping it saves the module a field (12 B on the device).
        public override void Exit(IKernelView k)
        {
            k.Proc.Remove(ProcPath);
        }
    }

    public sealed class UartProcOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            UartStats u = (UartStats)s.Pf.Data;
            o.Str("serinfo:1.0 driver revision:\n");
            o.Dec(u.Line);
            o.Str(": uart:");
            o.Str(u.Type);
            o.Str(u.Mmio ? " mmio:0x" : " port:");
            UpperHex(o, u.Base);
            o.Str(" irq:");
            o.Dec(u.Irq);
            if (s.Reader == null || s.Reader.Euid == 0)
            {
                o.Str(" tx:");
                o.Dec(u.Tx);
                o.Str(" rx:");
                o.Dec(u.Rx);
                int oe = u.Overrun;
                if (oe != 0)
                {
                    o.Str(" oe:");
                    o.Dec(oe);
                }
                int drop = u.TxDropped;
                if (drop != 0)
                {
                    o.Str(" txdrop:");
                    o.Dec(drop);
                }
            }
            o.Char('\n');
            return 0;
        }

        /// <summary>%08llX: OutBuf prints lower-case hex, the serial driver upper-case.</summary>
        private static void UpperHex(OutBuf o, uint v)
        {
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                int d = (int)((v >> shift) & 0xF);
                o.Char((char)(d < 10 ? '0' + d : 'A' + d - 10));
            }
        }
    }
}
