namespace ProcNano
{
    /// <summary>
    /// The uart module's byte counters of the shell's UART (Linux keeps them in uart_port.icount). The tty bumps
    /// them whether or not the uart driver module is loaded; the module only shows them in /proc/driver/uart.
    /// The port facts (line, type, register base, irq) come from the board: COMn is UART n-1 on nanoFramework.
    /// </summary>
    public sealed class UartStats
    {
        public readonly int Line;
        /// <summary>Register base (mmio) or 0 with <see cref="Mmio"/> false.</summary>
        public readonly uint Base;
        public bool Mmio => Base != 0;
        /// <summary>uart_type() text: "ESP32" on the device boards, "sim" for the simulator's stdio/pty port.
        /// Computed, not kept (a field is 12 B on the device): every ESP32 UART has a register base, the
        /// simulator's port none.</summary>
        public string Type => Mmio ? "ESP32" : "sim";
        public readonly int Irq;
        private int _tx, _rx, _overrun, _txDropped;   // guarded by the object itself (no lock object: 24 B on the device)

        public UartStats(BoardConfig b)
        {
            Line = ComLine(b.ShellUart);
            string target = b.NanoffTarget == null ? "" : b.NanoffTarget;
            if (target.StartsWith("ESP32_S3") || target.StartsWith("ESP32_C3") || target.StartsWith("ESP32_C6"))
            {
                // UART0/1 at 0x60000000/0x60010000 on the S3 and C3.
                Base = 0x60000000u + (uint)Line * 0x10000u;
                Irq = (target.StartsWith("ESP32_S3") ? 27 : 21) + Line;
            }
            else if (target.StartsWith("ESP32") || target.StartsWith("ESP_"))
            {
                Base = Line == 0 ? 0x3FF40000u : Line == 1 ? 0x3FF50000u : 0x3FF6E000u;
                Irq = 34 + Line;   // ETS_UART0_INTR_SOURCE = 34
            }
        }

        public int Tx { get { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { return _tx; } } }
        public int Rx { get { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { return _rx; } } }
        public int Overrun { get { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { return _overrun; } } }

        /// <summary>Bytes written to the port.</summary>
        public void AddTx(int n) { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { _tx += n; } }
        /// <summary>Bytes received from the port.</summary>
        public void AddRx(int n) { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { _rx += n; } }
        /// <summary>Bytes dropped because the line buffer was full.</summary>
        public void AddOverrun(int n) { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { _overrun += n; } }
        /// <summary>Output bytes the port could not send in time (the other end not reading): dropped, the
        /// session kept.</summary>
        public void AddTxDropped(int n) { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { _txDropped += n; } }
        public int TxDropped { get { LockOrder.Check(this, LockOrder.LeafRank); lock (this) { return _txDropped; } } }

        private static int ComLine(string port)
        {
            if (port == null || port.Length < 4 || !port.StartsWith("COM")) return 0;
            int v = 0;
            for (int i = 3; i < port.Length; i++)
            {
                char c = port[i];
                if (c < '0' || c > '9') return 0;
                v = v * 10 + (c - '0');
            }
            return v > 0 ? v - 1 : 0;
        }
    }
}
