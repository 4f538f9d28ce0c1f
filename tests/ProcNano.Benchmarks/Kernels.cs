using ProcNano.HostSim;

namespace ProcNano.Benchmarks
{
    /// <summary>Kernels for the benchmarks: the host board's code on an arena big enough for the case.</summary>
    internal static class Kernels
    {
        public const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        public const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        public static Kernel Boot(int pages, int pageSize = 4096, int pidMax = 32768)
        {
            var b = new BoardConfig { ArenaPages = pages, PageSize = pageSize, PidMax = pidMax };
            return new Kernel(b, HostPlatform.WithTempFlash());
        }

        public static Task NewTask(Kernel k, string name) => k.Tasks.NewTask(k.Init, name, k.Tasks.RootNs, k.Tasks.RootNet);

        public static void WriteFile(Kernel k, string path, int bytes)
        {
            int fd = k.Sys.Open(k.Init, path, File.O_WRONLY | File.O_CREAT | File.O_TRUNC, 0x1A4);
            var data = new byte[bytes];
            for (int i = 0; i < bytes; i++) data[i] = (byte)i;
            k.Sys.Write(k.Init, fd, data, 0, bytes);
            k.Sys.Close(k.Init, fd);
        }
    }
}
