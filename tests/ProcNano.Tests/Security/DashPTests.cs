using System.Globalization;
using ProcNano;
using ProcNano.Tests.Shell;
using Xunit;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Security
{
    /// <summary>
    /// Issue 11, finding 1: the memory commands' -p PID changed any task's address space. Acting on another task
    /// needs what process_vm_writev needs (PTRACE_MODE_ATTACH: root, or the same uid and gid and a dumpable task);
    /// the file of mmap -p is opened by the caller, with its credentials; unshare -p/-n needs root.
    /// </summary>
    public class DashPTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        private int Number(string line)
        {
            Assert.Equal(0, _h.Run(line, out string o));
            return int.Parse(o.Trim());
        }

        private uint Addr(string line)
        {
            Assert.True(_h.Run(line, out string o) == 0, line + ": " + o);
            return uint.Parse(o.Substring(2, 8), NumberStyles.HexNumber);
        }

        private static string Hex(uint a) => "0x" + a.ToString("x8");

        private KTask Find(int pid) => _h.K.Sys.FindTask(_h.Task, pid);

        private string Maps(KTask t)
        {
            var v = _h.K.Mem.Vmas;
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < t.Mm.Vmas.Count; i++) sb.Append(v.Start(t.Mm.Vmas[i]).ToString("x8")).Append('-').Append(v.End(t.Mm.Vmas[i]).ToString("x8")).Append(' ');
            return sb.ToString();
        }

        [Fact]
        public void OtherUid_MmapMunmapShmatShmdtOnRootsTask_EPERM_NothingChanges()
        {
            int pid = Number("exec /bin/hold 1");
            KTask root = Find(pid);
            int id = Number("shmget 0 4096");
            uint seg = Addr("shmat -p " + pid + " " + id);
            uint data = _h.K.Mem.Vmas.Start(root.Mm.Vmas[0]);
            string before = Maps(root), initBefore = Maps(_h.K.Init);
            int free = _h.K.Pages.FreePages;
            Assert.Equal(0, _h.Run("su 1000", out _));

            string[] denied =
            {
                "mmap -p " + pid + " 4096 rw- private",
                "munmap -p " + pid + " " + Hex(data) + " 4096",
                "shmat -p " + pid + " " + id,
                "shmdt -p " + pid + " " + Hex(seg),
                "mmap -p 1 65536 rw- private",   // init cannot be killed: memory pinned on it is gone for good
                "shmat -p 1 " + id,
            };
            foreach (string cmd in denied)
            {
                Assert.Equal(1, _h.Run(cmd, out string o));
                Assert.Equal(cmd.Substring(0, cmd.IndexOf(' ')) + ": Operation not permitted\n", o);
            }
            Assert.Equal(before, Maps(root));
            Assert.Equal(initBefore, Maps(_h.K.Init));
            Assert.Equal(free, _h.K.Pages.FreePages);
            Invariants.Check(_h.K);
        }

        [Fact]
        public void SameUid_DumpableTask_MayBeChanged()
        {
            Assert.Equal(0, _h.Run("su 1000", out _));
            int pid = Number("exec /bin/hold 1");
            KTask peer = Find(pid);
            Assert.Equal(1000, peer.Uid);
            uint a = Addr("mmap -p " + pid + " 4096 rw- private");
            Assert.Equal(0, _h.Run("munmap -p " + pid + " " + Hex(a) + " 4096", out string o));
            Assert.Equal("", o);
            // Not dumpable any more (as after a credential change): only root may.
            peer.Dumpable = false;
            Assert.Equal(1, _h.Run("mmap -p " + pid + " 4096 rw- private", out o));
            Assert.Equal("mmap: Operation not permitted\n", o);
        }

        [Fact]
        public void Root_MayChangeAnyTask()
        {
            KTask user = Boot.NewTask(_h.K, "user", 1000, 1000);
            int pid = user.Pid.NrIn(_h.Task.PidNs);
            uint a = Addr("mmap -p " + pid + " 4096 rw- private");
            Assert.Equal(0, _h.Run("munmap -p " + pid + " " + Hex(a) + " 4096", out _));
            _h.K.Sys.Exit(user, 0);
        }

        [Fact]
        public void MmapDashP_OpensTheFileAsTheCaller_InTheCallersFdTable()
        {
            // A root-only file, and a task of uid 1000 whose fsuid is still 0 (it could open the file itself).
            KTask root = _h.K.Init;
            int fd = _h.K.Sys.Open(root, "/tmp/rootfile", File.O_WRONLY | File.O_CREAT, 0x180);
            Assert.True(fd >= 0);
            _h.K.Sys.Write(root, fd, new byte[] { 1, 2, 3 }, 0, 3);
            _h.K.Sys.Close(root, fd);
            KTask peer = Boot.NewTask(_h.K, "peer", 1000, 1000);
            peer.Fsuid = 0;
            int pid = peer.Pid.NrIn(_h.Task.PidNs);
            Assert.Equal(0, _h.Run("su 1000", out _));

            Assert.Equal(1, _h.Run("mmap -p " + pid + " 4096 r-- private /tmp/rootfile", out string o));
            Assert.Equal(ShellHarness.Error("mmap", "/tmp/rootfile", -Errno.EACCES), o);
            Assert.Equal(0, peer.Mm.Vmas.Count);

            // A file the caller may read maps into the peer without touching the peer's descriptors.
            Assert.Equal(0, _h.Run("echo hi > /tmp/mine", out _));
            Addr("mmap -p " + pid + " 4096 r-- private /tmp/mine");
            Assert.Equal(1, peer.Mm.Vmas.Count);
            Assert.Equal(0, peer.Fds.Size);
        }

        [Fact]
        public void Unshare_NewNamespaces_NeedRoot()
        {
            Assert.Equal(0, _h.Run("su 1000", out _));
            int tasks = _h.K.Tasks.Count;
            foreach (string opt in new[] { "-p", "-n", "-pn" })
            {
                Assert.Equal(1, _h.Run("unshare " + opt + " /bin/hold 1", out string o));
                Assert.Equal(ShellHarness.Error("unshare", "/bin/hold", -Errno.EPERM), o);
            }
            Assert.Equal(tasks, _h.K.Tasks.Count);
            Assert.Equal(-Errno.EPERM, _h.K.Sys.Exec(_h.Task, "/bin/hold", new[] { "hold", "1" }, Syscalls.CLONE_NEWPID));
            Assert.Equal(-Errno.EINVAL, _h.K.Sys.Exec(_h.K.Init, "/bin/hold", new[] { "hold", "1" }, 0x100));
        }
    }
}
