using ProcNano.HostSim;
using ProcNano;

namespace ProcNano.Tests
{
    /// <summary>Boots kernels for tests, the one place they are made: the host board (4096-byte pages) unless
    /// told otherwise. The kits (ProcKit, GenKit, VfsKernel, ShellHarness...) boot through it.</summary>
    public static class Boot
    {
        public static Kernel Host(int pages = 256, int pageSize = 4096, int nrTrim = 1)
        {
            return Board(new BoardConfig { ArenaPages = pages, PageSize = pageSize, NrTrimPages = nrTrim });
        }

        /// <summary>A kernel on <paramref name="board"/>, over <paramref name="platform"/> (default: the host's,
        /// with a fresh temporary flash folder).</summary>
        public static Kernel Board(BoardConfig board, IPlatform platform = null)
        {
            return new Kernel(board, platform ?? HostPlatform.WithTempFlash());
        }

        /// <summary>A kernel with no platform at all (no clock, no flash, no board extras).</summary>
        public static Kernel WithoutPlatform(BoardConfig board) { return new Kernel(board, null); }

        /// <summary>A child of init with the given credentials.</summary>
        public static Task NewTask(Kernel k, string name, int uid = 0, int gid = 0)
        {
            Task t = k.Tasks.NewTask(k.Init, name, k.Tasks.RootNs, k.Tasks.RootNet);
            t.Uid = t.Euid = t.Suid = t.Fsuid = uid;
            t.Gid = t.Egid = t.Sgid = t.Fsgid = gid;
            return t;
        }

        public const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        public const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        public static long MmapCopyKb(Kernel k) => (long)k.Mem.MmapPagesAllocated * k.Board.PageSize / 1024;
    }
}

namespace ProcNano.Tests
{
    /// <summary>File helpers over the syscall API, as a user program would do it.</summary>
    public static class Files
    {
        public static void Write(Kernel k, Task t, string path, byte[] data)
        {
            int fd = k.Sys.Open(t, path, File.O_WRONLY | File.O_CREAT | File.O_TRUNC, 0x1A4);
            if (fd < 0) throw new System.Exception(path + ": " + Errno.StrError(fd));
            int n = k.Sys.Write(t, fd, data, 0, data.Length);
            if (n != data.Length) throw new System.Exception(path + ": short write " + n);
            k.Sys.Close(t, fd);
        }

        public static byte[] Read(Kernel k, Task t, string path)
        {
            int fd = k.Sys.Open(t, path, File.O_RDONLY, 0);
            if (fd < 0) throw new System.Exception(path + ": " + Errno.StrError(fd));
            var ms = new System.IO.MemoryStream();
            var buf = new byte[4096];
            int n;
            while ((n = k.Sys.Read(t, fd, buf, 0, buf.Length)) > 0) ms.Write(buf, 0, n);
            k.Sys.Close(t, fd);
            return ms.ToArray();
        }

        public static void Copy(Kernel k, Task t, string from, string to)
        {
            Write(k, t, to, Read(k, t, from));
            // Keep it executable, as cp would keep the mode.
        }

        public static byte[] Pattern(int n, int seed = 1)
        {
            var b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte)(i * 7 + seed);
            return b;
        }
    }
}
