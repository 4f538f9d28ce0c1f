namespace ProcNano
{
    /// <summary>/bin/hold [PAGES]: maps PAGES anonymous pages (default 4), writes a pattern, and holds them.</summary>
    public sealed class HoldProgram : Program
    {
        public override string Name => "hold";
        public override string Help => "map and hold N anonymous pages";

        public override int Start(Syscalls sys, BoardConfig board, Task t, string[] argv)
        {
            int pages = 4;
            if (argv.Length > 1)
            {
                long n;
                if (!Num.TryParse(argv[1], out n) || n <= 0 || n > board.ArenaPages) return -Errno.EINVAL;
                pages = (int)n;
            }
            long len = (long)pages * board.PageSize;
            long addr = sys.Mmap(t, 0, len, Vm.PROT_READ | Vm.PROT_WRITE, Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS, -1, 0);
            if (addr < 0) return (int)addr;
            // Touch the first byte of every page so smaps shows them referenced and dirty.
            byte[] mark = new byte[] { (byte)'H' };
            for (int p = 0; p < pages; p++) sys.WriteMem(t, t, (uint)addr + (uint)(p * board.PageSize), mark, 0, 1);
            return 0;
        }
    }
}
