using System;
using System.Collections.Generic;
using System.Text;
using ProcNano;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;
using KKernel = ProcNano.Kernel;

namespace ProcNano.Tests.Proc
{
    /// <summary>A platform whose clock the test sets.</summary>
    public sealed class FakePlatform : IPlatform
    {
        public long Ms;
        public long UptimeMs => Ms;
        public long UnixTime => 1700000000;
        public IStorage Flash => null;
        public long ManagedHeapTotal => -1;
        public long ManagedHeapFree => -1;
    }

    /// <summary>A stand-in inode for files put in fd tables.</summary>
    public sealed class DummyInode : Inode
    {
        public DummyInode() { Mode = Stat.S_IFREG | 0x1A4; }
    }

    /// <summary>
    /// Boots a kernel and drives procfs through the Inode API the VFS will use: a small path walker (following
    /// symlinks relative to the directory holding them), open/read/close helpers.
    /// </summary>
    public sealed class ProcKit
    {
        public readonly KKernel K;
        public readonly FakePlatform Platform = new FakePlatform();
        public readonly ProcSuperBlock Sb;

        public ProcKit(BoardConfig board = null)
        {
            K = ProcNano.Tests.Boot.Board(board ?? new BoardConfig(), Platform);
            Sb = ProcFs.NewSuperBlock(K, null);
        }

        public KTask Init => K.Init;

        /// <summary>A task with the given credentials (real = effective = saved = fs).</summary>
        public KTask NewTask(string name, int uid, int gid, PidNamespace ns = null, NetNamespace net = null)
        {
            KTask t = K.Tasks.NewTask(K.Init, name, ns ?? K.Tasks.RootNs, net ?? K.Tasks.RootNet);
            SetCreds(t, uid, gid);
            return t;
        }

        public static void SetCreds(KTask t, int uid, int gid)
        {
            t.Uid = t.Euid = t.Suid = t.Fsuid = uid;
            t.Gid = t.Egid = t.Sgid = t.Fsgid = gid;
        }

        public int Walk(KTask t, string path, out Inode result, bool followLast = true, ProcSuperBlock sb = null)
        {
            sb = sb ?? Sb;
            return Walk(sb, sb.Root, t, path, out result, followLast, 0);
        }

        public Inode Get(KTask t, string path, ProcSuperBlock sb = null)
        {
            int r = Walk(t, path, out Inode i, true, sb);
            if (r < 0) throw new InvalidOperationException(path + ": " + Errno.StrError(r));
            return i;
        }

        private static int Walk(ProcSuperBlock sb, Inode dir, KTask t, string path, out Inode result, bool followLast, int depth)
        {
            result = null;
            if (depth > 8) return -Errno.ELOOP;
            Inode cur = dir;
            if (path.StartsWith("/proc")) { path = path.Substring(5); cur = sb.Root; }
            string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var stack = new List<Inode> { cur };
            for (int i = 0; i < parts.Length; i++)
            {
                string p = parts[i];
                if (p == ".") continue;
                if (p == "..") { if (stack.Count > 1) stack.RemoveAt(stack.Count - 1); cur = stack[stack.Count - 1]; continue; }
                int r = cur.Lookup(t, p, out Inode child);
                if (r < 0) return r;
                bool last = i == parts.Length - 1;
                if (child.IsLink && (!last || followLast))
                {
                    string target = child.ReadLink(t, out int err);
                    if (target == null) return err;
                    r = Walk(sb, cur, t, target, out child, true, depth + 1);
                    if (r < 0) return r;
                }
                cur = child;
                stack.Add(cur);
            }
            result = cur;
            return 0;
        }

        public static int Open(Inode ino, KTask t, int flags, out KFile f)
        {
            f = new KFile(ino, "/proc/?", flags);
            int r = ino.Open(f, t);
            if (r < 0) f = null;
            return r;
        }

        public static KFile Open(Inode ino, KTask t, int flags = KFile.O_RDONLY)
        {
            int r = Open(ino, t, flags, out KFile f);
            if (r < 0) throw new InvalidOperationException("open: " + Errno.StrError(r));
            return f;
        }

        /// <summary>Reads the whole file with reads of <paramref name="chunk"/> bytes; throws on an error.</summary>
        public static string ReadAll(KFile f, KTask t, int chunk = 4096)
        {
            var sb = new StringBuilder();
            byte[] buf = new byte[chunk];
            long pos = 0;
            while (true)
            {
                int n = f.Inode.Read(f, t, pos, buf, 0, chunk);
                if (n < 0) throw new InvalidOperationException("read: " + Errno.StrError(n));
                if (n == 0) break;
                for (int i = 0; i < n; i++) sb.Append((char)buf[i]);
                pos += n;
            }
            return sb.ToString();
        }

        public string Cat(KTask t, string path, int chunk = 4096)
        {
            KFile f = Open(Get(t, path), t);
            try { return ReadAll(f, t, chunk); }
            finally { f.Inode.Release(f); }
        }

        public static int Write(KFile f, KTask t, string text)
        {
            byte[] b = Encoding.ASCII.GetBytes(text);
            return f.Inode.Write(f, t, 0, b, 0, b.Length);
        }

        public int WriteFile(KTask t, string path, string text)
        {
            int r = Walk(t, path, out Inode ino);
            if (r < 0) return r;
            r = Open(ino, t, KFile.O_WRONLY, out KFile f);
            if (r < 0) return r;
            try { return Write(f, t, text); }
            finally { f.Inode.Release(f); }
        }

        public static List<string> List(Inode dir, KTask t)
        {
            var names = new List<string>();
            for (int i = 0; ; i++)
            {
                int r = dir.ReadDir(t, i, out string name, out Inode _);
                if (r < 0) throw new InvalidOperationException("readdir: " + Errno.StrError(r));
                if (r == 0) break;
                names.Add(name);
            }
            return names;
        }

        public List<string> Ls(KTask t, string path) { return List(Get(t, path), t); }
    }
}

namespace ProcNano.Tests.Proc
{
    public static class ProcKitExtensions
    {
        public static string CatOn(this ProcKit kit, ProcSuperBlock sb, ProcNano.Task t, string path)
        {
            ProcNano.File f = ProcKit.Open(kit.Get(t, path, sb), t);
            try { return ProcKit.ReadAll(f, t); }
            finally { f.Inode.Release(f); }
        }
    }
}
