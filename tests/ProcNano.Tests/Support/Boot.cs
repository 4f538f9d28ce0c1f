using ProcNano.HostSim;
using ProcNano;

namespace ProcNano.Tests
{
    /// <summary>Boots kernels for tests: the host board (4096-byte pages) unless told otherwise.</summary>
    public static class Boot
    {
        public static Kernel Host(int pages = 256, int pageSize = 4096, int nrTrim = 1)
        {
            var b = new BoardConfig { ArenaPages = pages, PageSize = pageSize, NrTrimPages = nrTrim };
            return new Kernel(b, HostPlatform.WithTempFlash());
        }

        /// <summary>A child of init with the given credentials.</summary>
        public static Task NewTask(Kernel k, string name, int uid = 0, int gid = 0)
        {
            Task t = k.NewTask(k.Init, name, k.Tasks.RootNs, k.Tasks.RootNet);
            t.Uid = t.Euid = t.Suid = t.Fsuid = uid;
            t.Gid = t.Egid = t.Sgid = t.Fsgid = gid;
            return t;
        }

        public const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        public const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        public static long MmapCopyKb(Kernel k) => (long)k.Mem.MmapPagesAllocated * k.Board.PageSize / 1024;
    }
}
