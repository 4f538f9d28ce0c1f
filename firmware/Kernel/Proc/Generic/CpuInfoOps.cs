namespace ProcNano
{
    /// <summary>
    /// /proc/cpuinfo from the board file: one record per core ("key\t: value" lines, keys tab-padded to the
    /// same column as Linux prints them, a blank line after each), then a "Hardware" record naming the board
    /// as ARM kernels do. BogoMIPS assumes the delay loop takes one cycle per iteration, so it equals the clock
    /// in MHz.
    /// </summary>
    public sealed class CpuInfoOps : SeqOps
    {
        public override int Start(SeqFile s, int index)
        {
            int cores = s.K.Board.CpuCores;
            if (cores < 1) cores = 1;
            return index <= cores ? index : End;
        }

        public override int Next(SeqFile s, int cursor, int index) { return Start(s, index); }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            BoardConfig b = s.K.Board;
            int cores = b.CpuCores < 1 ? 1 : b.CpuCores;
            if (cursor == cores)
            {
                o.Str("Hardware\t: ");
                o.Str(b.Name);
                o.Char('\n');
                return 0;
            }
            o.Str("processor\t: "); o.Dec(cursor); o.Char('\n');
            o.Str("vendor_id\t: "); o.Str(b.CpuVendor); o.Char('\n');
            o.Str("model name\t: "); o.Str(b.CpuModel); o.Char('\n');
            o.Str("cpu MHz\t\t: "); o.Dec(b.CpuMhz); o.Str(".000\n");
            o.Str("BogoMIPS\t: "); o.Dec(b.CpuMhz); o.Str(".00\n");
            o.Str("Features\t: "); o.Str(b.CpuFeatures); o.Char('\n');
            o.Char('\n');
            return 0;
        }
    }
}
