namespace ProcNano
{
    /// <summary>/bin/mapfile PATH [LEN]: maps a file read-only and private (on flash: one shared copy for
    /// every reader of the same range) and holds it.</summary>
    public sealed class MapFileProgram : Program
    {
        public override string Name => "mapfile";
        public override string Help => "map a file read-only private and hold it";

        public override int Start(Kernel k, Task t, string[] argv)
        {
            if (argv.Length < 2) return -Errno.EINVAL;
            int fd = k.Sys.Open(t, argv[1], File.O_RDONLY, 0);
            if (fd < 0) return fd;
            long len;
            if (argv.Length > 2)
            {
                if (!Num.TryParse(argv[2], out len)) { k.Sys.Close(t, fd); return -Errno.EINVAL; }
            }
            else
            {
                StatInfo st = new StatInfo();
                int e = k.Sys.Fstat(t, fd, st);
                if (e < 0) { k.Sys.Close(t, fd); return e; }
                len = st.Size;
            }
            long addr = k.Sys.Mmap(t, 0, len, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            k.Sys.Close(t, fd);
            return addr < 0 ? (int)addr : 0;
        }
    }
}
