using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>Every kernel rule reachable from the shell: mmap's MAP_FIXED, shmget's IPC_CREAT / IPC_EXCL /
    /// mode, a shell in a new pid namespace with its own procfs.</summary>
    public class IpcOptionAndNamespaceTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        [Fact]
        public void MmapF_IsMapFixed_EINVAL_AndLogsLinuxsLine()
        {
            Assert.Equal(1, _h.Run("mmap -f 0x20000000 4096 rw- private", out string o));
            Assert.Equal("mmap: " + Errno.StrError(Errno.EINVAL) + "\n", o);
            Assert.True(_h.K.Log.Contains("Can't do fixed-address/overlay mmap of RAM"));
        }

        [Fact]
        public void MmapA_IsOnlyAHint()
        {
            Assert.Equal(0, _h.Run("mmap -a 0x30000000 4096 rw- private", out string o));
            Assert.StartsWith("0x2", o);
            Assert.Equal(1, _h.Run("mmap -f", out o));
            Assert.StartsWith("Usage: mmap", o);
        }

        [Fact]
        public void Shmget_CreateExclusive_Missing_Mode()
        {
            Assert.Equal(1, _h.Run("shmget 0x77 4096 0600", out string o));   // no -c: the key must exist
            Assert.Equal("shmget: " + Errno.StrError(Errno.ENOENT) + "\n", o);
            Assert.Equal(0, _h.Run("shmget -c -x 0x77 4096 0600", out o));
            string id = o.Trim();
            Assert.Equal(1, _h.Run("shmget -c -x 0x77 4096", out o));
            Assert.Equal("shmget: " + Errno.StrError(Errno.EEXIST) + "\n", o);
            Assert.Equal(id + "\n", _h.Out("shmget -c 0x77 4096"));
            Assert.Equal(id + "\n", _h.Out("shmget 0x77 4096"));   // no options: get or create, as before
            Assert.Contains(" 600 ", _h.Out("cat /proc/sysvipc/shm").Split('\n')[1] + " ");
            Assert.Equal(1, _h.Run("shmget -c 0x78 4096 999", out o));
            Assert.Equal("shmget: invalid mode '999'\n", o);
        }

        [Fact]
        public void Shmget_ModeIsChecked_ForAnotherUser()
        {
            _h.Run("shmget -c 0x79 4096 0600", out _);
            _h.Run("su 1000", out _);
            Assert.Equal(1, _h.Run("shmget 0x79 4096", out string o));
            Assert.Equal("shmget: " + Errno.StrError(Errno.EACCES) + "\n", o);
        }

        [Fact]
        public void UnshareP_Sh_RunsAShellInTheNewNamespace_WhoseProcListsOnlyIt()
        {
            _h.Run("exec /bin/hold 1", out _);
            _h.Run("mkdir /tmp/p", out _);
            Assert.Equal(0, _h.Run("unshare -p sh -c 'mount -t proc proc /tmp/p; ls /tmp/p; cat /tmp/p/self/status'", out string o));
            string[] lines = o.Split('\n');
            Assert.Contains("1", lines);
            Assert.DoesNotContain("2", lines);
            Assert.DoesNotContain("3", lines);
            Assert.Contains("Pid:\t1", o);
            // The global /proc still lists every task; the subshell's task is gone.
            string all = _h.Out("ls /proc");
            Assert.Contains("\n2\n", "\n" + all);
            Assert.Equal(1, _h.Run("unshare -p sh -x", out o));
            Assert.StartsWith("Usage: unshare", o);
        }

        [Fact]
        public void UnshareP_Sh_Interactive_ServesTheLineUntilExit()
        {
            _h.Tty.Type("ps\nexit 3\necho back\n");
            Assert.Equal(3, _h.Run("unshare -p sh", out string o));
            Assert.Contains("    1     0 root     R", o);   // the subshell is pid 1, its parent outside
            Assert.Equal("echo back", System.Text.Encoding.Latin1.GetString(_h.Ld.Line, 0, _h.Ld.ReadLine()));
        }
    }
}
