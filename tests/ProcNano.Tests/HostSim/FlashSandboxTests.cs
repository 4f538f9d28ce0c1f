using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using ProcNano;
using ProcNano.HostSim;
using ProcNano.Tests.Shell;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// Issue 11, finding 5: the flash folder is a sandbox. A host symlink in it is never followed (cat read the
    /// host's files through one, a write overwrote them), FIFOs, sockets and devices are refused instead of
    /// opened (a FIFO froze the simulator under the kernel lock), and a host name is listed only if the kernel
    /// can reach it again by that name.
    /// </summary>
    public class FlashSandboxTests
    {
        private static (ShellHarness h, string dir) Kernel(string dir)
        {
            var h = new ShellHarness(new BoardConfig(), new HostPlatform(new FolderStorage(dir)));
            return (h, dir);
        }

        private static void Sh(string script)
        {
            var psi = new ProcessStartInfo("bash") { UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(script);
            using var p = Process.Start(psi);
            p.WaitForExit(10000);
            Assert.Equal(0, p.ExitCode);
        }

        /// <summary>Runs a line, failing (instead of hanging) if it does not return within 10 s.</summary>
        private static int RunBounded(ShellHarness h, string line, out string output)
        {
            string o = null;
            int status = -1;
            var th = new System.Threading.Thread(() => status = h.Run(line, out o)) { IsBackground = true };
            th.Start();
            Assert.True(th.Join(10000), line + " did not return");
            output = o;
            return status;
        }

        [SkippableFact]
        public void Symlinks_NotFollowed_NotListed_NotWrittenThrough()
        {
            Skip.If(OperatingSystem.IsWindows());
            string top = SimProcess.NewFolder();
            string dir = Path.Combine(top, "flash");
            Directory.CreateDirectory(dir);
            string outside = Path.Combine(top, "outside.txt");
            System.IO.File.WriteAllText(outside, "host secret\n");
            System.IO.File.CreateSymbolicLink(Path.Combine(dir, "link"), outside);
            System.IO.File.CreateSymbolicLink(Path.Combine(dir, "passwd"), "/etc/passwd");
            System.IO.File.WriteAllText(Path.Combine(dir, "plain"), "mine\n");
            System.IO.File.CreateSymbolicLink(Path.Combine(dir, "inner"), Path.Combine(dir, "plain"));
            var (h, _) = Kernel(dir);

            Assert.Equal("plain\n", h.Out("ls /flash"));
            Assert.Equal(1, h.Run("cat /flash/link", out string o));
            Assert.Equal("cat: /flash/link: No such file or directory\n", o);
            Assert.Equal(1, h.Run("cat /flash/passwd", out o));
            Assert.DoesNotContain("root:", o);
            Assert.Equal(1, h.Run("echo owned > /flash/link", out o));
            Assert.Equal("sh: /flash/link: Permission denied\n", o);
            Assert.Equal(1, h.Run("echo owned >> /flash/inner", out o));
            Assert.Equal(1, h.Run("rm /flash/link", out _));
            Assert.Equal(1, h.Run("mmap 4096 r-- private /flash/link", out o));
            Assert.Equal("host secret\n", System.IO.File.ReadAllText(outside));
            Assert.Equal("mine\n", System.IO.File.ReadAllText(Path.Combine(dir, "plain")));
            Assert.True(System.IO.File.Exists(Path.Combine(dir, "link")));
        }

        [SkippableFact]
        public void FifoAndSocket_Refused_NothingBlocks()
        {
            Skip.If(OperatingSystem.IsWindows());
            string dir = SimProcess.NewFolder();
            Sh("mkfifo '" + Path.Combine(dir, "fifo") + "'");
            using var sock = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            sock.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(dir, "sock")));
            var (h, _) = Kernel(dir);
            Assert.Equal("", h.Out("ls /flash"));
            foreach (string name in new[] { "fifo", "sock" })
            {
                Assert.Equal(1, RunBounded(h, "cat /flash/" + name, out string o));
                Assert.Equal("cat: /flash/" + name + ": No such file or directory\n", o);
                Assert.Equal(1, RunBounded(h, "echo x > /flash/" + name, out o));
                Assert.Equal("sh: /flash/" + name + ": Permission denied\n", o);
                Assert.Equal(1, RunBounded(h, "cp /flash/" + name + " /tmp/x", out _));
            }
            Assert.Equal(0, RunBounded(h, "echo alive", out string a));
            Assert.Equal("alive\n", a);
        }

        [SkippableFact]
        public void HostNames_ListedOnlyIfReachable_Utf8RoundTrips()
        {
            Skip.If(OperatingSystem.IsWindows());
            string dir = SimProcess.NewFolder();
            // Not UTF-8, and a newline: not listed (the kernel could not name them again).
            Sh("cd '" + dir + "' && touch \"$(printf 'bad\\377name')\" \"$(printf 'two\\nlines')\" && echo hi > ok");
            var (h, _) = Kernel(dir);
            Assert.Equal("ok\n", h.Out("ls /flash"));

            // UTF-8 typed in the shell (bytes, one char each) names the same host file, both ways.
            string cafe = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("café"));
            Assert.Equal(0, h.Run("echo bonjour > /flash/" + cafe, out string o));
            Assert.Equal("", o);
            Assert.Equal("bonjour\n", System.IO.File.ReadAllText(Path.Combine(dir, "café")));
            Assert.Equal(cafe + "\nok\n", h.Out("ls /flash"));
            Assert.Equal("bonjour\n", h.Out("cat /flash/" + cafe));
            // A name that is not UTF-8 cannot become a host file.
            Assert.Equal(1, h.Run("echo x > /flash/bad\xff", out o));
            Assert.Equal("sh: /flash/bad\xff: Invalid argument\n", o);
        }
    }
}
