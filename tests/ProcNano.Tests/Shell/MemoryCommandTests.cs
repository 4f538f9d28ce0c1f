using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Shell
{
    /// <summary>
    /// The memory and task commands against the real memory manager: every effect a command claims is checked in
    /// the kernel's own tables (VMAs, shm segments, MmapCopy, tasks), not only in what the shell prints.
    /// </summary>
    public class MemoryCommandTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        // ---- helpers ----

        /// <summary>The address a command printed: exactly "0x%08x\n".</summary>
        private uint Addr(string line)
        {
            Assert.Equal(0, _h.Run(line, out string o));
            Assert.Matches("^0x[0-9a-f]{8}\n$", o);
            return uint.Parse(o.Substring(2, 8), NumberStyles.HexNumber);
        }

        private int Number(string line)
        {
            Assert.Equal(0, _h.Run(line, out string o));
            Assert.Matches("^[0-9]+\n$", o);
            return int.Parse(o.TrimEnd('\n'));
        }

        private static string Hex(uint a) => "0x" + a.ToString("x8");

        /// <summary>The VMA slot of <paramref name="t"/> that starts at <paramref name="addr"/>, or -1.</summary>
        private int VmaAt(KTask t, uint addr)
        {
            VmaTable v = _h.K.Mem.Vmas;
            for (int i = 0; i < t.Mm.Vmas.Count; i++) if (v.Start(t.Mm.Vmas[i]) == addr) return t.Mm.Vmas[i];
            return -1;
        }

        /// <summary>The bytes of a hexdump -C listing (the part between the address and the |text| column).</summary>
        private static byte[] DumpBytes(string dump)
        {
            var bytes = new System.Collections.Generic.List<byte>();
            foreach (string line in dump.Split('\n'))
            {
                int bar = line.IndexOf('|');
                if (bar < 0) continue;
                foreach (string h in line.Substring(10, bar - 10).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    bytes.Add(byte.Parse(h, NumberStyles.HexNumber));
            }
            return bytes.ToArray();
        }

        private byte[] Dump(string args)
        {
            Assert.Equal(0, _h.Run("hexdump " + args, out string o));
            return DumpBytes(o);
        }

        /// <summary>ps's row for a pid (as the shell's namespace numbers it), split on blanks, or null.</summary>
        private string[] PsRow(int pid)
        {
            return _h.Out("ps").Split('\n').Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .FirstOrDefault(r => r.Length > 0 && r[0] == pid.ToString());
        }

        private int ShellPid => _h.Task.Pid.NrIn(_h.Task.PidNs);

        // ---- mmap ----

        [Fact]
        public void Mmap_Anonymous_PrintsHex8_TheVmaExists_PsVszGrowsByItsLength()
        {
            long vszBefore = long.Parse(PsRow(ShellPid)[4]);
            uint a = Addr("mmap 12288 rw- private");
            int v = VmaAt(_h.Task, a);
            Assert.True(v >= 0, "no VMA at " + Hex(a));
            Assert.Equal(a + 12288u, _h.K.Mem.Vmas.End(v));
            Assert.Equal(Vm.VM_READ | Vm.VM_WRITE, _h.K.Mem.Vmas.Flags(v) & (Vm.VM_READ | Vm.VM_WRITE | Vm.VM_EXEC));
            Assert.Equal(vszBefore + 12, long.Parse(PsRow(ShellPid)[4]));
        }

        [Fact]
        public void Mmap_Prot_IsTheVmasProtection()
        {
            uint a = Addr("mmap 4096 r-x private");
            Assert.Equal(Vm.VM_READ | Vm.VM_EXEC, _h.K.Mem.Vmas.Flags(VmaAt(_h.Task, a)) & (Vm.VM_READ | Vm.VM_WRITE | Vm.VM_EXEC));
        }

        [Fact]
        public void Mmap_SharedRamfsFile_PokeChangesTheFile()
        {
            Assert.Equal(0, _h.Run("echo hello world > /m.txt", out _));
            uint a = Addr("mmap 12 rw- shared /m.txt");
            // The map holds the file itself, not the shell's fd: nothing is left open.
            Assert.Equal(0, _h.Run("poke " + Hex(a) + " HELLO", out string o));
            Assert.Equal("", o);
            Assert.Equal("HELLO world\n", _h.Out("cat /m.txt"));
            Assert.Equal(Encoding.ASCII.GetBytes("HELLO world\n"), Dump(Hex(a) + " 12"));
        }

        [Fact]
        public void Mmap_PrivateFileAtAnOffset_ShowsThatPage()
        {
            byte[] data = Files.Pattern(8192, 3);
            Files.Write(_h.K, _h.Task, "/pat.bin", data);
            uint a = Addr("mmap 4096 r-- private /pat.bin 4096");
            Assert.Equal(data.Skip(4096).Take(32).ToArray(), Dump(Hex(a) + " 32"));
        }

        [Fact]
        public void Mmap_SharedOnFlash_NoSuchDevice_NamesTheFile()
        {
            Assert.Equal(0, _h.Run("echo x > /flash/x", out _));
            Assert.Equal(1, _h.Run("mmap 4096 rw- shared /flash/x", out string o));
            Assert.Equal(ShellHarness.Error("mmap", "/flash/x", -Errno.ENODEV), o);
        }

        [Fact]
        public void Mmap_MissingFile_NamesIt_BadLength_NoPath()
        {
            Assert.Equal(1, _h.Run("mmap 4096 r-- private /nosuch", out string o));
            Assert.Equal(ShellHarness.Error("mmap", "/nosuch", -Errno.ENOENT), o);
            Assert.Equal(1, _h.Run("mmap 0 rw- private", out o));
            Assert.Equal("mmap: Invalid argument\n", o);
        }

        // ---- munmap ----

        [Fact]
        public void Munmap_Whole_TheVmaGoes_AndTheAddressIsUnmapped()
        {
            uint a = Addr("mmap 8192 rw- private");
            Assert.Equal(0, _h.Run("munmap " + Hex(a) + " 8192", out string o));
            Assert.Equal("", o);
            Assert.Equal(-1, VmaAt(_h.Task, a));
            Assert.Equal(1, _h.Run("hexdump " + Hex(a) + " 1", out o));
            Assert.Equal("hexdump: Bad address\n", o);
        }

        [Fact]
        public void Munmap_Middle_PunchesAHole_BothEndsKeepTheirBytes()
        {
            uint a = Addr("mmap 12288 rw- private");
            _h.Run("poke " + Hex(a) + " A", out _);
            _h.Run("poke " + Hex(a + 8192) + " C", out _);
            Assert.Equal(0, _h.Run("munmap " + Hex(a + 4096) + " 4096", out string o));
            Assert.Equal("", o);
            Assert.Equal(1, _h.Run("hexdump " + Hex(a + 4096) + " 16", out o));
            Assert.Equal("hexdump: Bad address\n", o);
            Assert.Equal(new[] { (byte)'A' }, Dump(Hex(a) + " 1"));
            Assert.Equal(new[] { (byte)'C' }, Dump(Hex(a + 8192) + " 1"));
            int head = VmaAt(_h.Task, a), tail = VmaAt(_h.Task, a + 8192);
            Assert.True(head >= 0 && tail >= 0);
            Assert.Equal(a + 4096, _h.K.Mem.Vmas.End(head));
            Assert.Equal(a + 12288, _h.K.Mem.Vmas.End(tail));
        }

        [Fact]
        public void Munmap_Unaligned_Or_PartOfAFileMap_InvalidArgument()
        {
            uint a = Addr("mmap 8192 rw- private");
            Assert.Equal(1, _h.Run("munmap " + Hex(a + 1) + " 4096", out string o));
            Assert.Equal("munmap: Invalid argument\n", o);
            Files.Write(_h.K, _h.Task, "/two.bin", Files.Pattern(8192));
            uint f = Addr("mmap 8192 r-- private /two.bin");
            Assert.Equal(1, _h.Run("munmap " + Hex(f) + " 4096", out o));
            Assert.Equal("munmap: Invalid argument\n", o);
            Assert.True(VmaAt(_h.Task, f) >= 0, "a refused munmap must leave the map");
        }

        // ---- SysV shm ----

        [Fact]
        public void Shm_GetAttachTwice_SameAddress_DetachAndRemove()
        {
            int id = Number("shmget 0x42 8192");
            ShmSegment seg = _h.K.Shm.Find(id);
            Assert.NotNull(seg);
            Assert.Equal(8192, seg.Size);
            Assert.Equal(0x42, seg.Key);
            // The same key finds the same segment.
            Assert.Equal(id, Number("shmget 0x42 4096"));

            uint a1 = Addr("shmat " + id);
            uint a2 = Addr("shmat " + id);
            Assert.Equal(a1, a2);
            Assert.Equal(2, seg.Nattch);
            _h.Run("poke " + Hex(a1) + " shm!", out _);
            Assert.Equal(Encoding.ASCII.GetBytes("shm!"), Dump(Hex(a2) + " 4"));

            Assert.Equal(0, _h.Run("shmdt " + Hex(a1), out string o));
            Assert.Equal("", o);
            Assert.Equal(1, seg.Nattch);
            Assert.Equal(0, _h.Run("shmrm " + id, out o));
            Assert.Equal("", o);
            Assert.True(seg.Removed);
            Assert.Same(seg, _h.K.Shm.Find(id));   // still attached once: it stays until the last shmdt
            Assert.Equal(0, _h.Run("shmdt " + Hex(a2), out _));
            Assert.Null(_h.K.Shm.Find(id));

            Assert.Equal(1, _h.Run("shmat " + id, out o));
            Assert.Equal("shmat: Invalid argument\n", o);
            Assert.Equal(1, _h.Run("shmdt " + Hex(a1), out o));
            Assert.Equal("shmdt: Invalid argument\n", o);
            Assert.Equal(1, _h.Run("shmrm " + id, out o));
            Assert.Equal("shmrm: Invalid argument\n", o);
        }

        // ---- hexdump and poke ----

        [Fact]
        public void Hexdump_ShowsWhatPokeWrote_InHexdumpCLayout_ThenTheEndAddress()
        {
            uint a = Addr("mmap 4096 rw- private");
            Assert.Equal(0, _h.Run("poke " + Hex(a) + " 'hello\\n\\x01'", out string o));
            Assert.Equal("", o);
            Assert.Equal(0, _h.Run("hexdump " + Hex(a) + " 7", out o));
            Assert.Equal(a.ToString("x8") + "  68 65 6c 6c 6f 0a 01" + new string(' ', 30) + "|hello..|\n" + (a + 7).ToString("x8") + "\n", o);
        }

        [Fact]
        public void Hexdump_WhereNothingIsMapped_BadAddress_EvenPartly()
        {
            Assert.Equal(1, _h.Run("hexdump 0x10 16", out string o));
            Assert.Equal("hexdump: Bad address\n", o);
            uint a = Addr("mmap 4096 rw- private");
            // The map ends at a+4096: a dump running past it is refused too.
            if (VmaAt(_h.Task, a + 4096) < 0 && _h.K.Mem.Vmas.End(VmaAt(_h.Task, a)) == a + 4096)
            {
                Assert.Equal(1, _h.Run("hexdump " + Hex(a + 4090) + " 16", out o));
                Assert.Equal("hexdump: Bad address\n", o);
            }
        }

        [Fact]
        public void Poke_ReadOnlyMap_PermissionDenied_NothingWritten()
        {
            uint a = Addr("mmap 4096 r-- private");
            Assert.Equal(1, _h.Run("poke " + Hex(a) + " x", out string o));
            Assert.Equal("poke: Permission denied\n", o);
            Assert.Equal(new byte[] { 0 }, Dump(Hex(a) + " 1"));
        }

        [Fact]
        public void Poke_RomText_PermissionDenied()
        {
            // Program text on romfs runs in place: the kernel refuses to write it whatever the caller.
            uint text = _h.Task.Mm.StartCode;
            if (text == 0) return;   // a kernel without /bin/sh: the shell has no text
            Assert.Equal(1, _h.Run("poke " + Hex(text) + " x", out string o));
            Assert.Equal("poke: Permission denied\n", o);
        }

        // ---- -p PID ----

        [Fact]
        public void DashP_MmapPokeHexdumpMunmap_ActOnTheOtherTask()
        {
            int pid = Number("exec /bin/hold 1");
            KTask peer = _h.K.Sys.FindTask(_h.Task, pid);
            Assert.NotNull(peer);
            uint a = Addr("mmap -p " + pid + " 4096 rw- private");
            Assert.True(VmaAt(peer, a) >= 0);
            Assert.Equal(-1, VmaAt(_h.Task, a));
            Assert.Equal(0, _h.Run("poke -p " + pid + " " + Hex(a) + " peer", out string o));
            Assert.Equal("", o);
            var buf = new byte[4];
            Assert.Equal(4, _h.K.Sys.ReadMem(peer, peer, a, buf, 0, 4));
            Assert.Equal("peer", Encoding.ASCII.GetString(buf));
            Assert.Equal(buf, Dump("-p " + pid + " " + Hex(a) + " 4"));
            // Not the shell's memory.
            Assert.Equal(1, _h.Run("hexdump " + Hex(a) + " 4", out o));
            Assert.Equal("hexdump: Bad address\n", o);
            Assert.Equal(0, _h.Run("munmap -p " + pid + " " + Hex(a) + " 4096", out o));
            Assert.Equal(-1, VmaAt(peer, a));
        }

        [Fact]
        public void DashP_ShmatIntoAnotherTask_SameAddress()
        {
            int pid = Number("exec /bin/hold 1");
            KTask peer = _h.K.Sys.FindTask(_h.Task, pid);
            int id = Number("shmget 0 4096");
            uint mine = Addr("shmat " + id);
            uint theirs = Addr("shmat -p " + pid + " " + id);
            Assert.Equal(mine, theirs);
            Assert.True(VmaAt(peer, theirs) >= 0);
            Assert.Equal(0, _h.Run("shmdt -p " + pid + " " + Hex(theirs), out _));
            Assert.Equal(-1, VmaAt(peer, theirs));
            Assert.True(VmaAt(_h.Task, mine) >= 0);
        }

        [Fact]
        public void DashP_BadPid_NoSuchProcess_ForEveryMemoryCommand()
        {
            foreach (string cmd in new[] { "hexdump -p 999 0x20000000 16", "poke -p 999 0x20000000 x", "mmap -p 999 4096 rw- private",
                "munmap -p 999 0x20000000 4096", "shmat -p 999 0", "shmdt -p 999 0x20000000" })
            {
                Assert.Equal(1, _h.Run(cmd, out string o));
                Assert.Equal(cmd.Substring(0, cmd.IndexOf(' ')) + ": No such process\n", o);
            }
            Assert.Equal(1, _h.Run("hexdump -p 0 0x20000000 16", out string z));
            Assert.Equal("hexdump: No such process\n", z);
        }

        [Fact]
        public void DashP_AnotherUsersTask_PermissionDenied()
        {
            int pid = Number("exec /bin/hold 1");
            KTask peer = _h.K.Sys.FindTask(_h.Task, pid);
            uint a = _h.K.Mem.Vmas.Start(peer.Mm.Vmas[peer.Mm.Vmas.Count - 1]);
            Assert.Equal(0, _h.Run("su 1000", out _));
            Assert.Equal(1, _h.Run("hexdump -p " + pid + " " + Hex(a) + " 4", out string o));
            Assert.Equal("hexdump: Permission denied\n", o);
        }

        // ---- tasks ----

        [Fact]
        public void Exec_PrintsThePid_PsListsIt_KillEndsIt()
        {
            int pid = Number("exec /bin/hold 2");
            string[] row = PsRow(pid);
            Assert.NotNull(row);
            Assert.Equal(ShellPid.ToString(), row[1]);
            Assert.Equal("S", row[3]);
            Assert.Equal(new[] { "/bin/hold", "2" }, row[7..]);
            // Two anonymous pages held, plus text, data and stack: ps VSZ is the VMAs' total (whole kB, rounded up).
            KTask t = _h.K.Sys.FindTask(_h.Task, pid);
            Assert.Equal((_h.K.Mem.VSize(t.Mm) + 1023) / 1024, long.Parse(row[4]));
            Assert.True(long.Parse(row[4]) >= 8);

            Assert.Equal(0, _h.Run("kill " + pid, out string o));
            Assert.Equal("", o);
            Assert.Null(PsRow(pid));
            Assert.Null(_h.K.Sys.FindTask(_h.Task, pid));
            Assert.Equal(1, _h.Run("kill " + pid, out o));
            Assert.Equal(ShellHarness.Error("kill", pid.ToString(), -Errno.ESRCH), o);
        }

        [Fact]
        public void Kill_FreesTheTasksMemory()
        {
            int free = _h.K.Pages.FreePages;
            int pid = Number("exec /bin/hold 3");
            Assert.True(_h.K.Pages.FreePages < free);
            Assert.Equal(0, _h.Run("kill -9 " + pid, out _));
            Assert.Equal(free, _h.K.Pages.FreePages);
        }

        [Fact]
        public void UnshareP_Init_IsPid1OfANewNamespace_SeenUnderAnotherPidHere()
        {
            int pid = Number("unshare -p /bin/init");
            KTask t = _h.K.Sys.FindTask(_h.Task, pid);
            Assert.NotNull(t);
            Assert.NotSame(_h.Task.PidNs, t.PidNs);
            Assert.Equal(1, t.Pid.NrIn(t.PidNs));
            Assert.NotEqual(1, pid);
            Assert.Equal("/bin/init", PsRow(pid)[7]);
            // Its children live in its namespace: a program it would start is numbered from 2 there.
            Assert.True(_h.K.Sys.Exec(t, "/bin/hold", new[] { "/bin/hold", "1" }, 0) == 2);
            Assert.Equal(0, _h.Run("kill " + pid, out _));
            Assert.Null(_h.K.Sys.FindTask(_h.Task, pid));
        }

        [Fact]
        public void Su_IdShowsTheUser_RootsFilesAndTasksAreRefused_NoWayBack()
        {
            Assert.Equal(0, _h.Run("su 1000", out string o));
            Assert.Equal("", o);
            Assert.Equal("uid=1000 gid=1000\n", _h.Out("id"));
            Assert.Equal(1000, _h.Task.Euid);

            // Root's per-task files: whatever exists under /proc/1, what cat says is what the kernel said.
            foreach (string path in new[] { "/proc/1/maps", "/proc/1/smaps", "/proc/1/pagemap", "/proc/1/environ" })
            {
                int status = _h.Run("cat " + path, out o);
                int fd = _h.K.Sys.Open(_h.Task, path, KFile.O_RDONLY, 0);
                if (fd < 0)
                {
                    Assert.Equal(ShellHarness.Error("cat", path, fd), o);
                    Assert.Equal(1, status);
                    continue;
                }
                var buf = new byte[64];
                int n = _h.K.Sys.Read(_h.Task, fd, buf, 0, buf.Length);
                _h.K.Sys.Close(_h.Task, fd);
                if (n < 0) Assert.Equal(ShellHarness.Error("cat", path, n), o);
            }
            // These exist today and are owner-or-root only.
            Assert.Equal(1, _h.Run("ls /proc/1/fd", out o));
            Assert.Equal(ShellHarness.Error("ls", "/proc/1/fd", -Errno.EACCES), o);
            Assert.Equal(1, _h.Run("readlink -v /proc/1/cwd", out o));
            Assert.Equal(ShellHarness.Error("readlink", "/proc/1/cwd", -Errno.EACCES), o);

            Assert.Equal(1, _h.Run("su", out o));
            Assert.Equal("su: Operation not permitted\n", o);
            Assert.Equal(1, _h.Run("kill 1", out o));
            Assert.Equal(ShellHarness.Error("kill", "1", -Errno.EPERM), o);
        }

        // ---- sysctl vm.nr_trim_pages ----

        [Fact]
        public void NrTrimPages0_A12kMapCosts16kOfMmapCopy_1TrimsItTo12k()
        {
            Assert.Equal(0, _h.Run("sysctl -w vm.nr_trim_pages=0", out string o));
            Assert.Equal("vm.nr_trim_pages = 0\n", o);
            Assert.Equal(0, _h.K.Mem.NrTrimPages);
            int before = _h.K.Mem.MmapPagesAllocated;
            Addr("mmap 12288 rw- private");
            Assert.Equal(16384, (_h.K.Mem.MmapPagesAllocated - before) * _h.K.Board.PageSize);

            Assert.Equal(0, _h.Run("sysctl -w vm.nr_trim_pages=1", out _));
            before = _h.K.Mem.MmapPagesAllocated;
            Addr("mmap 12288 rw- private");
            Assert.Equal(12288, (_h.K.Mem.MmapPagesAllocated - before) * _h.K.Board.PageSize);
        }

        [Fact]
        public void EchoIntoNrTrimPages_BadNumber_InvalidArgument_ValueKept_GoodNumberStored()
        {
            int old = _h.K.Mem.NrTrimPages;
            Assert.Equal(1, _h.Run("echo 5x > /proc/sys/vm/nr_trim_pages", out string o));
            Assert.Equal("sh: /proc/sys/vm/nr_trim_pages: Invalid argument\n", o);
            Assert.Equal(old, _h.K.Mem.NrTrimPages);
            Assert.Equal("vm.nr_trim_pages = " + old + "\n", _h.Out("sysctl vm.nr_trim_pages"));

            Assert.Equal(0, _h.Run("echo 5 > /proc/sys/vm/nr_trim_pages", out o));
            Assert.Equal("", o);
            Assert.Equal(5, _h.K.Mem.NrTrimPages);
            Assert.Equal("5\n", _h.Out("cat /proc/sys/vm/nr_trim_pages"));
        }

        [Fact]
        public void SysctlW_BadValue_NamesTheKey()
        {
            Assert.Equal(1, _h.Run("sysctl -w vm.nr_trim_pages=-1", out string o));
            Assert.Equal(ShellHarness.Error("sysctl", "vm.nr_trim_pages", -Errno.EINVAL), o);
        }
    }
}
