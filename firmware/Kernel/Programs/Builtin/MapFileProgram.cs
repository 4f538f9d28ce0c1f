namespace ProcNano
{
    /// <summary>/bin/mapfile PATH [LEN]: maps a file read-only and private (on flash: one shared copy for
    /// every reader of the same range) and holds it.</summary>
    public sealed class MapFileProgram : Program
    {
        public override string Name => "mapfile";
        public override string Help => "map a file read-only private and hold it";

        public override int Start(Syscalls sys, BoardConfig board, Task t, string[] argv)
        {
            if (argv.Length < 2) return -Errno.EINVAL;
            int fd = sys.Open(t, argv[1], File.O_RDONLY, 0);
            if (fd < 0) return fd;
            long len;
            if (argv.Length > 2)
            {
                if (!Num.TryParse(argv[2], out len)) { sys.Close(t, fd); return -Errno.EINVAL; }
            }
            else
            {
                StatInfo st = new StatInfo();
                int e = sys.Fstat(t, fd, st);
                if (e < 0) { sys.Close(t, fd); return e; }
                len = st.Size;
            }
            long addr = sys.Mmap(t, 0, len, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            sys.Close(t, fd);
            return addr < 0 ? (int)addr : 0;
        }
    }
}
