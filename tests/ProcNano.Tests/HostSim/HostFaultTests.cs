using System;
using System.Diagnostics;
using System.IO;
using ProcNano;
using ProcNano.HostSim;
using ProcNano.Tests.Shell;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>A host whose file operations fail on demand: the failure is thrown as .NET throws it.</summary>
    internal sealed class FailingHostFiles : IHostFiles
    {
        public Func<string, Exception> OnOpen = _ => null;
        public Func<string, Exception> OnDelete = _ => null;
        public bool Writable = true;

        public HostKind Kind(string path) => HostFiles.Real.Kind(path);
        public bool CanWrite(string dir) => Writable && HostFiles.Real.CanWrite(dir);
        public void CreateDirectory(string dir) => HostFiles.Real.CreateDirectory(dir);
        public string[] ListFiles(string dir) => HostFiles.Real.ListFiles(dir);
        public long Length(string path) => HostFiles.Real.Length(path);

        public Stream Open(string path, FileMode mode, FileAccess access)
        {
            Exception e = OnOpen(path);
            if (e != null) throw e;
            return HostFiles.Real.Open(path, mode, access);
        }

        public Func<string, Exception> OnMove = _ => null;

        public void Move(string from, string to)
        {
            Exception e = OnMove(to);
            if (e != null) throw e;
            HostFiles.Real.Move(from, to);
        }

        public void Delete(string path)
        {
            Exception e = OnDelete(path);
            if (e != null) throw e;
            HostFiles.Real.Delete(path);
        }
    }

    /// <summary>
    /// Issue 11, finding 4: host faults under /flash (a folder in the way, a read-only --flash folder, a file
    /// the host refuses, a full disk) escaped as exceptions and killed the simulator. Each is an errno now, a
    /// read-only folder boots with /flash mounted read-only, --flash naming a file is a usage error, and no
    /// message shows a host path.
    /// </summary>
    public class HostFaultTests
    {
        private static (ShellHarness h, string dir, FailingHostFiles fs) Kernel(bool writable = true)
        {
            string dir = SimProcess.NewFolder();
            var fs = new FailingHostFiles { Writable = writable };
            var platform = new HostPlatform(new FolderStorage(dir, fs));
            var h = new ShellHarness(new BoardConfig(), platform);
            return (h, dir, fs);
        }

        [Theory]
        [InlineData("unauthorized", Errno.EACCES)]
        [InlineData("enospc", Errno.ENOSPC)]
        [InlineData("edquot", Errno.ENOSPC)]
        [InlineData("erofs", Errno.EROFS)]
        [InlineData("eisdir", Errno.EISDIR)]
        [InlineData("enotdir", Errno.ENOTDIR)]
        [InlineData("eio", Errno.EIO)]
        [InlineData("notfound", Errno.ENOENT)]
        public void InjectedHostError_ReachesTheShellAsItsErrno_NoHostPath(string kind, int errno)
        {
            var (h, dir, fs) = Kernel();
            System.IO.File.WriteAllText(Path.Combine(dir, "x"), "old\n");
            fs.OnOpen = p => Make(kind, p);
            string expect = Errno.StrError(-errno);
            Assert.Equal(1, h.Run("cat /flash/x", out string o));
            Assert.Equal("cat: /flash/x: " + expect + "\n", o);
            Assert.Equal(1, h.Run("echo new > /flash/x", out o));
            Assert.Equal("sh: /flash/x: " + expect + "\n", o);
            Assert.Equal(1, h.Run("echo new >> /flash/y", out o));
            Assert.DoesNotContain(dir, o);
            Assert.DoesNotContain("internal error", o);
            fs.OnOpen = _ => null;
            Assert.Equal("old\n", h.Out("cat /flash/x"));
        }

        private static Exception Make(string kind, string path)
        {
            switch (kind)
            {
                case "unauthorized": return new UnauthorizedAccessException("Access to the path '" + path + "' is denied.");
                case "enospc": return new IOException("No space left on device : '" + path + "'", 28);
                case "edquot": return new IOException("Disk quota exceeded : '" + path + "'", 122);
                case "erofs": return new IOException("Read-only file system : '" + path + "'", 30);
                case "eisdir": return new IOException("Is a directory : '" + path + "'", 21);
                case "enotdir": return new IOException("Not a directory : '" + path + "'", 20);
                case "notfound": return new FileNotFoundException("Could not find file '" + path + "'");
                default: return new IOException("I/O error : '" + path + "'", 5);
            }
        }

        [Fact]
        public void HostFolderInTheWay_RedirectOntoIt_IsADirectory()
        {
            var (h, dir, _) = Kernel();
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            Assert.Equal(1, h.Run("echo x > /flash/sub", out string o));
            Assert.Equal("sh: /flash/sub: Is a directory\n", o);
            Assert.Equal(1, h.Run("cp /bin/hold /flash/sub", out o));
            Assert.Equal("cp: /flash/sub: Is a directory\n", o);
            Assert.Equal(1, h.Run("truncate -s 10 /flash/sub", out o));
            Assert.DoesNotContain(dir, o);
            Assert.Equal("", h.Out("ls /flash"));
        }

        [Fact]
        public void ReadOnlyStore_MountsReadOnly_SaysSoInDmesg_WritesAreEROFS()
        {
            var (h, dir, _) = Kernel(writable: false);
            System.IO.File.WriteAllText(Path.Combine(dir, "x"), "old\n");
            Assert.Contains("/dev/mtdblock1 /flash flashfs ro", h.Out("cat /proc/mounts"));
            Assert.Contains("flashfs: the store cannot be written: mounted read-only", h.Out("dmesg"));
            Assert.Equal("old\n", h.Out("cat /flash/x"));
            Assert.Equal(1, h.Run("echo new > /flash/x", out string o));
            Assert.Equal("sh: /flash/x: Read-only file system\n", o);
            Assert.Equal(1, h.Run("rm /flash/x", out o));
            Assert.Equal("rm: /flash/x: Read-only file system\n", o);
            Assert.Equal("old\n", System.IO.File.ReadAllText(Path.Combine(dir, "x")));
        }

        [Fact]
        public void FlashOption_NamingAFile_Status2_WithAMessage()
        {
            string dir = SimProcess.NewFolder();
            System.IO.File.WriteAllText(Path.Combine(dir, "afile"), "");
            var r = SimProcess.RunIn(dir, null, "--flash", "afile", "-c", "echo hi");
            Assert.Equal(2, r.Code);
            Assert.Equal("procnano-sim: --flash afile: Not a directory\n", r.Err);
            Assert.Equal("", r.Out);
        }

        [SkippableFact]
        public void ReadOnlyFlashFolder_TheDefaultBootRuns_FlashMountedReadOnly()
        {
            string dir = SimProcess.NewFolder();
            string flash = Path.Combine(dir, "ro");
            Directory.CreateDirectory(flash);
            System.IO.File.WriteAllText(Path.Combine(flash, "demo.txt"), "kept\n");
            bool mounted = ReadOnlyFolder(flash);
            try
            {
                Skip.IfNot(mounted || !HostFiles.Real.CanWrite(flash), "cannot make a read-only folder here (root without mount)");
                // The boot script writes /flash/demo.txt: that must fail in the log, not kill the simulator.
                var r = SimProcess.RunIn(dir, null, "--flash", "ro", "-c", "cat /proc/mounts; dmesg; cat /flash/demo.txt");
                Assert.Equal(0, r.Code);
                Assert.Contains("/dev/mtdblock1 /flash flashfs ro", r.Out);
                Assert.Contains("mounted read-only", r.Out);
                Assert.Contains("cp: /flash/hold: Read-only file", r.Out);
                Assert.EndsWith("kept\n", r.Out);
                Assert.DoesNotContain(flash, r.Out + r.Err);
                Assert.Equal("", r.Err);
            }
            finally
            {
                if (mounted) Run("umount", flash);
                else Run("chmod", "755", flash);
            }
        }

        // A read-only mount where we may (root), else a folder without write permission.
        private static bool ReadOnlyFolder(string dir)
        {
            if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
            {
                string copy = dir + ".src";
                Directory.Move(dir, copy);
                Directory.CreateDirectory(dir);
                if (Run("mount", "--bind", copy, dir) == 0 && Run("mount", "-o", "remount,bind,ro", dir) == 0) return true;
                Run("umount", dir);
                Directory.Delete(dir);
                Directory.Move(copy, dir);
                return false;
            }
            Run("chmod", "555", dir);
            return false;
        }

        private static int Run(string cmd, params string[] args)
        {
            try
            {
                var psi = new ProcessStartInfo(cmd) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (string a in args) psi.ArgumentList.Add(a);
                using var p = Process.Start(psi);
                p.WaitForExit(10000);
                return p.ExitCode;
            }
            catch (Exception)
            {
                return -1;
            }
        }
    }
}
