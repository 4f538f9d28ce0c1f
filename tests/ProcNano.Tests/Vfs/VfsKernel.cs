using System;
using System.Text;
using ProcNano.HostSim;
using ProcNano;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Vfs
{
    /// <summary>A booted kernel on a temporary host flash folder, with helpers for the VFS tests.</summary>
    public sealed class VfsKernel : IDisposable
    {
        public readonly Kernel K;
        public readonly HostPlatform Platform;
        public readonly Syscalls Sys;
        public readonly KTask Root;

        public VfsKernel() : this(new BoardConfig()) { }

        public VfsKernel(BoardConfig board)
        {
            Platform = HostPlatform.WithTempFlash();
            K = Boot.Board(board, Platform);
            Sys = K.Sys;
            Root = K.Init;
        }

        public string FlashFolder => ((FolderStorage)Platform.Flash).Folder;
        public int PageSize => K.Phys.PageSize;

        /// <summary>A task of uid/gid <paramref name="id"/> (fsuid too).</summary>
        public KTask User(int id)
        {
            KTask t = K.Tasks.NewTask(Root, "user" + id, K.Tasks.RootNs, K.Tasks.RootNet);
            t.Uid = t.Euid = t.Suid = t.Fsuid = id;
            t.Gid = t.Egid = t.Sgid = t.Fsgid = id;
            return t;
        }

        public static byte[] Bytes(string s) { return Encoding.ASCII.GetBytes(s); }

        public static byte[] Pattern(int n, int seed)
        {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte)(i * 7 + seed);
            return b;
        }

        /// <summary>open(O_CREAT|O_WRONLY|O_TRUNC) + write + close; returns the first error or bytes written.</summary>
        public int WriteFile(KTask t, string path, byte[] data)
        {
            int fd = Sys.Open(t, path, KFile.O_CREAT | KFile.O_WRONLY | KFile.O_TRUNC, 0x1A4);
            if (fd < 0) return fd;
            int n = Sys.Write(t, fd, data, 0, data.Length);
            Sys.Close(t, fd);
            return n;
        }

        /// <summary>Whole file via read(2) in small chunks; null with the errno in <paramref name="err"/>.</summary>
        public byte[] ReadFile(KTask t, string path, out int err)
        {
            int fd = Sys.Open(t, path, KFile.O_RDONLY, 0);
            err = fd;
            if (fd < 0) return null;
            var ms = new System.IO.MemoryStream();
            byte[] buf = new byte[333];
            int n;
            while ((n = Sys.Read(t, fd, buf, 0, buf.Length)) > 0) ms.Write(buf, 0, n);
            Sys.Close(t, fd);
            err = n;
            return n < 0 ? null : ms.ToArray();
        }

        public byte[] ReadFile(string path)
        {
            int err;
            return ReadFile(Root, path, out err);
        }

        public Inode Lookup(string path, bool follow = true)
        {
            Inode i;
            string abs;
            int e = K.Vfs.Resolve(Root, path, follow, out i, out abs);
            return e < 0 ? null : i;
        }

        public void Dispose()
        {
            try { System.IO.Directory.Delete(FlashFolder, true); } catch (System.IO.IOException) { }
        }
    }
}
