using System.Globalization;
using System.Text;
using ProcNano.HostSim;

namespace ProcNano.Benchmarks
{
    /// <summary>
    /// The scenario table of docs/PERFORMANCE.md: N tasks running one program file from /flash (flashfs can only
    /// be copied, so the first exec copies the text and the others share that read-only region) against a file per
    /// task (what a loader without shared regions gives, e.g. NuttX's hostfs: N tasks, N text copies). The figure is
    /// MmapCopy, read from the kernel after the execs, on the boards' own configurations.
    /// </summary>
    internal static class SharedTextScenario
    {
        private static readonly int[] Ns = { 1, 2, 4, 8 };

        public static string Table(string repoRoot)
        {
            var md = new StringBuilder();
            md.Append("| board | N tasks | MmapCopy, one /flash/hold shared | MmapCopy, a copy per task | saved |\n|---|---|---|---|---|\n");
            foreach (string board in new[] { "esp32-devkitc", "esp32-s3" })
            {
                foreach (int n in Ns)
                {
                    long shared = MmapCopyAfter(repoRoot, board, n, false);
                    long copies = MmapCopyAfter(repoRoot, board, n, true);
                    md.Append("| " + board + " | " + n + " | " + Bytes(shared) + " | " + Bytes(copies) + " | "
                        + (copies - shared).ToString("N0", CultureInfo.InvariantCulture) + " B |\n");
                }
            }
            return md.ToString();
        }

        // Boots the board, copies /bin/hold to /flash (once, or once per task), execs it n times: MmapCopy in bytes.
        private static long MmapCopyAfter(string root, string board, int n, bool copyPerTask)
        {
            BoardConfig cfg = BoardLoader.Load(root, board, out string error);
            if (cfg == null) throw new System.InvalidOperationException(error);
            cfg.ManagedHeap = 0;   // no modelled device heap: this process holds many kernels at once
            var k = new Kernel(cfg, HostPlatform.WithTempFlash());
            long before = k.Mem.MmapPagesAllocated;
            for (int i = 0; i < n; i++)
            {
                string path = copyPerTask ? "/flash/hold" + i : "/flash/hold";
                if (copyPerTask || i == 0) Copy(k, "/bin/hold", path);
                int pid = k.Sys.Exec(k.Init, path, new[] { path, "1" }, 0);
                if (pid < 0) throw new System.InvalidOperationException("exec " + path + ": " + Errno.StrError(-pid));
            }
            return (k.Mem.MmapPagesAllocated - before) * cfg.PageSize;
        }

        private static void Copy(Kernel k, string from, string to)
        {
            int src = k.Sys.Open(k.Init, from, File.O_RDONLY, 0);
            int dst = k.Sys.Open(k.Init, to, File.O_WRONLY | File.O_CREAT | File.O_TRUNC, 0x1ED);
            var buf = new byte[512];
            int got;
            while ((got = k.Sys.Read(k.Init, src, buf, 0, buf.Length)) > 0) k.Sys.Write(k.Init, dst, buf, 0, got);
            k.Sys.Close(k.Init, src);
            k.Sys.Close(k.Init, dst);
        }

        private static string Bytes(long b) => b.ToString("N0", CultureInfo.InvariantCulture) + " B";
    }
}
