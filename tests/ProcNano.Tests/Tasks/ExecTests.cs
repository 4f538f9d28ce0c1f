using System;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using KFile = ProcNano.File;

namespace ProcNano.Tests.Tasks
{
    public class ExecTests
    {
        private static Task Exec(Kernel k, string path, params string[] args)
        {
            var argv = new string[args.Length + 1];
            argv[0] = path;
            Array.Copy(args, 0, argv, 1, args.Length);
            int pid = k.Sys.Exec(k.Init, path, argv, 0);
            Assert.True(pid > 0, path + ": " + Errno.StrError(pid));
            return k.Sys.FindTask(k.Init, pid);
        }

        [Fact]
        public void Exec_FromRomfs_TextInPlace_DataCopied_BssZero_StackMapped()
        {
            var k = Host();
            var t = Exec(k, "/bin/hold", "1");
            Assert.Equal("hold", t.Comm);
            Assert.Equal(Task.Sleeping, t.State);
            var m = k.Mem;
            int text = t.Mm.Vmas[0];
            // Order: text sits in ROM above the arena, so it is the last VMA by address.
            for (int i = 0; i < t.Mm.MapCount; i++) if (k.Phys.InRom(m.Vmas.Start(t.Mm.Vmas[i]))) text = t.Mm.Vmas[i];
            Assert.True(k.Phys.InRom(m.Vmas.Start(text)));
            Assert.Equal(Vm.VM_EXECUTABLE | Vm.VM_READ | Vm.VM_EXEC | Vm.VM_MAYSHARE,
                m.Vmas.Flags(text) & (Vm.VM_EXECUTABLE | Vm.VM_READ | Vm.VM_WRITE | Vm.VM_EXEC | Vm.VM_MAYSHARE));
            Assert.Equal("/bin/hold", t.Mm.ExeFile.Path);
            Assert.Equal(4, t.Mm.MapCount); // text, data+bss, stack, and the page hold maps
            var greeting = new byte[6];
            Assert.Equal(6, k.Sys.ReadMem(k.Init, t, t.Mm.StartData, greeting, 0, 6));
            Assert.Equal("hold: ", System.Text.Encoding.ASCII.GetString(greeting));
            var bss = new byte[16];
            k.Sys.ReadMem(k.Init, t, t.Mm.EndData + 1, bss, 0, 16);
            Assert.All(bss, b => Assert.Equal(0, b));
            Assert.True(t.Mm.StartStack > 0);
        }

        [Fact]
        public void TwoExecsFromFlash_ShareOneTextCopy_CountedOnce()
        {
            var k = Host();
            Files.Copy(k, k.Init, "/bin/hold", "/flash/hold");
            long before = k.Mem.MmapPagesAllocated;
            var a = Exec(k, "/flash/hold", "1");
            long afterOne = k.Mem.MmapPagesAllocated;
            var b = Exec(k, "/flash/hold", "1");
            long afterTwo = k.Mem.MmapPagesAllocated;
            uint textA = a.Mm.StartCode, textB = b.Mm.StartCode;
            Assert.Equal(textA, textB);
            Assert.True(k.Phys.InArena(textA));
            int r = k.Mem.Regions.Find(textA);
            Assert.Equal(2, k.Mem.Regions.Usage(r));
            long textPages = (k.Mem.Regions.Top(r) - k.Mem.Regions.Start(r)) / 4096;
            // The second exec adds only its private data/bss, stack and held pages, not the text again.
            Assert.Equal(afterOne - before - textPages, afterTwo - afterOne);
        }

        [Fact]
        public void TwoExecsFromRomfs_TextCountsZero()
        {
            var k = Host();
            var a = Exec(k, "/bin/hold", "1");
            long one = k.Mem.MmapPagesAllocated;
            var b = Exec(k, "/bin/hold", "1");
            Assert.Equal(one * 2, k.Mem.MmapPagesAllocated); // only private pages, the same for each
            Assert.Equal(a.Mm.StartCode, b.Mm.StartCode);
            Assert.True(k.Phys.InRom(a.Mm.StartCode));
        }

        [Fact]
        public void UnmappingLastExecutableVma_DropsExe()
        {
            var k = Host();
            var t = Exec(k, "/bin/hold", "1");
            Assert.NotNull(t.Mm.ExeFile);
            uint text = t.Mm.StartCode;
            Assert.Equal(0, k.Sys.Munmap(t, text, t.Mm.EndCode - text));
            Assert.Null(t.Mm.ExeFile);
            Assert.Equal(0, k.Mem.ExeVmas(t.Mm));
        }

        [Fact]
        public void ExitOfEveryTask_ArenaBackToBoot()
        {
            var k = Host();
            Files.Copy(k, k.Init, "/bin/hold", "/flash/hold");
            int free = k.Pages.FreePages;
            var a = Exec(k, "/flash/hold", "3");
            var b = Exec(k, "/bin/shmdemo");
            var c = Exec(k, "/bin/shmdemo");
            Assert.Equal(2, k.Shm[0].Nattch);
            k.Sys.Kill(k.Init, a.Tgid, Syscalls.SIGKILL);
            k.Sys.Kill(k.Init, b.Tgid, Syscalls.SIGTERM);
            k.Sys.Kill(k.Init, c.Tgid, Syscalls.SIGKILL);
            k.Sys.Shmctl(k.Init, k.Shm[0].Id, Shm.IPC_RMID);
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
            Assert.Equal(0, k.Mem.Regions.Count);
            Invariants.Check(k);
        }

        [Fact]
        public void TrueExitsAtOnce_LeavesNothing()
        {
            var k = Host();
            int free = k.Pages.FreePages;
            int pid = k.Sys.Exec(k.Init, "/bin/true", new[] { "true" }, 0);
            Assert.True(pid > 0);
            Assert.Null(k.Sys.FindTask(k.Init, pid));
            Assert.Equal(free, k.Pages.FreePages);
        }

        [Fact]
        public void Exec_Errors()
        {
            var k = Host();
            var user = NewTask(k, "u", uid: 1000, gid: 1000);
            Files.Write(k, k.Init, "/tmp/junk", Files.Pattern(100));
            Assert.Equal(-Errno.ENOENT, k.Sys.Exec(k.Init, "/bin/nope", null, 0));
            Assert.Equal(-Errno.EACCES, k.Sys.Exec(k.Init, "/tmp/junk", null, 0));   // mode 0644: not executable
            Assert.Equal(-Errno.EACCES, k.Sys.Exec(k.Init, "/bin", null, 0));        // a directory
            Files.Write(k, k.Init, "/flash/junk", Files.Pattern(100));                // flash files are 0755
            Assert.Equal(-Errno.ENOEXEC, k.Sys.Exec(k.Init, "/flash/junk", null, 0));
            Assert.Equal(-Errno.EINVAL, k.Sys.Exec(user, "/bin/hold", new[] { "hold", "zero" }, 0)); // program refused
            Assert.Equal(2, k.Tasks.Count); // init and u: nothing half-built left
        }

        [Fact]
        public void Exec_ExecuteOnlyFile_RunsWithoutReadPermission()
        {
            // open_exec asks for MAY_EXEC only: a --x--x--x program runs for a user who may not read it.
            var k = Host();
            var user = NewTask(k, "u", uid: 1000, gid: 1000);
            byte[] image = Files.Read(k, k.Init, "/bin/hold");
            int fd = k.Sys.Open(k.Init, "/tmp/prog", File.O_WRONLY | File.O_CREAT, 0x49); // 0111
            Assert.Equal(image.Length, k.Sys.Write(k.Init, fd, image, 0, image.Length));
            k.Sys.Close(k.Init, fd);
            Assert.Equal(-Errno.EACCES, k.Sys.Open(user, "/tmp/prog", File.O_RDONLY, 0));
            int pid = k.Sys.Exec(user, "/tmp/prog", new[] { "prog", "1" }, 0);
            Assert.True(pid > 0, Errno.StrError(pid));
        }

        [Fact]
        public void Exec_FullFdTable_StillRuns_NoFdLeftBehind()
        {
            // exec opens the program file for itself, not in the caller's fd table.
            var k = Host();
            var t = NewTask(k, "a");
            int n = 0;
            while (k.Sys.Open(t, "/bin/true", File.O_RDONLY, 0) >= 0) n++;
            Assert.Equal(FdTable.MaxFds, n);
            int pid = k.Sys.Exec(t, "/bin/hold", new[] { "hold", "1" }, 0);
            Assert.True(pid > 0, Errno.StrError(pid));
            Assert.Equal(0, k.Sys.Close(t, 3));
            Assert.Equal(3, k.Sys.Open(t, "/bin/true", File.O_RDONLY, 0));
        }

        [Fact]
        public void Exec_OutOfMemory_EnomemNothingLeft()
        {
            var k = Host(pages: 16);
            int free = k.Pages.FreePages;
            Assert.Equal(-Errno.ENOMEM, k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "15" }, 0));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(1, k.Tasks.Count);
        }

        // The heap runs out in the text copy (mmap's file read, by the kernel) or in the loader's data read.
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Exec_HeapRunsOutPartWay_EnomemAndNoHalfMadeTask(bool inTheTextCopy)
        {
            var k = Host();
            int free = k.Pages.FreePages;
            byte[] image = ReadAll(k, "/bin/hold");
            var file = new KFile(new HeapFailingImage(image, ProgramHeaderText(image), inTheTextCopy), "/x/hold", KFile.O_RDONLY);
            Assert.Equal(-Errno.ENOMEM, k.Loader.Exec(k.Init, file, new[] { "hold", "1" }, 0));
            Assert.Equal(1, k.Tasks.Count);             // init alone, as before
            Assert.Equal(free, k.Pages.FreePages);      // the text copy and data went back
        }

        private static byte[] ReadAll(Kernel k, string path)
        {
            int fd = k.Sys.Open(k.Init, path, KFile.O_RDONLY, 0);
            var buf = new byte[1 << 16];
            int n = k.Sys.Read(k.Init, fd, buf, 0, buf.Length);
            k.Sys.Close(k.Init, fd);
            Array.Resize(ref buf, n);
            return buf;
        }

        private static int ProgramHeaderText(byte[] image)
        {
            var h = new ProgramHeader();
            Assert.Equal(0, ProgramHeader.Parse(image, image.Length, h));
            return h.TextSize;
        }

        // A program file whose reads past the text find the managed heap gone: the kernel's (current null:
        // mmap's copy, which reads on to the page's end) or the loader's (for the task: the data).
        private sealed class HeapFailingImage : Inode
        {
            private readonly byte[] _image;
            private readonly int _text;
            private readonly bool _kernelReads;

            public HeapFailingImage(byte[] image, int text, bool kernelReads)
            {
                _image = image;
                _text = text;
                _kernelReads = kernelReads;
                Mode = Stat.S_IFREG | 0x1ED;
            }

            public override long Size => _image.Length;
            public override int MapCaps => MapCap.Copy;

            public override int Read(KFile f, VfsCaller current, long pos, byte[] buf, int off, int count)
            {
                if (pos >= _text && (current == null) == _kernelReads) throw new OutOfMemoryException();
                int n = (int)Math.Min(count, _image.Length - pos);
                Array.Copy(_image, pos, buf, off, n);
                return n;
            }
        }

        [Fact]
        public void Unshare_NewPidNamespace_TaskIsPid1There()
        {
            var k = Host();
            int pid = k.Sys.Exec(k.Init, "/bin/init", new[] { "init" }, Syscalls.CLONE_NEWPID);
            Assert.True(pid > 1);
            var t = k.Sys.FindTask(k.Init, pid);
            Assert.Equal(1, k.Sys.Getpid(t));
            Assert.Equal(1, t.PidNs.Level);
            // A child of it is numbered 2 inside and something else outside.
            int inner = k.Sys.Exec(t, "/bin/hold", new[] { "hold", "1" }, 0);
            Assert.Equal(2, inner);
            var c = k.Sys.FindTask(t, inner);
            Assert.NotEqual(2, c.Pid.NrIn(k.Tasks.RootNs));
            Assert.Null(k.Sys.FindTask(t, c.Pid.NrIn(k.Tasks.RootNs))); // the outside number means nothing inside
            // Killing the namespace's init takes everything in it down.
            Assert.Equal(0, k.Sys.Kill(k.Init, pid, Syscalls.SIGKILL));
            Assert.Equal(1, k.Tasks.Count);
        }

        [Fact]
        public void Kill_Errors_AndInitIgnoresSignals()
        {
            var k = Host();
            var a = NewTask(k, "a", uid: 1000);
            var b = NewTask(k, "b", uid: 2000);
            Assert.Equal(-Errno.ESRCH, k.Sys.Kill(a, 999, Syscalls.SIGKILL));
            Assert.Equal(-Errno.EPERM, k.Sys.Kill(a, b.Tgid, Syscalls.SIGKILL));
            Assert.Equal(-Errno.EINVAL, k.Sys.Kill(a, a.Tgid, 65));
            Assert.Equal(0, k.Sys.Kill(k.Init, 1, Syscalls.SIGKILL));
            Assert.Equal(Task.Sleeping, k.Init.State);
            Assert.Equal(0, k.Sys.Kill(b, b.Tgid, 0));
            Assert.Contains(b, Enumerate(k));
        }

        private static System.Collections.Generic.List<Task> Enumerate(Kernel k)
        {
            var l = new System.Collections.Generic.List<Task>();
            for (int i = 0; i < k.Tasks.Count; i++) l.Add(k.Tasks[i]);
            return l;
        }

        [Fact]
        public void ExitedTask_IsCollected_PidKeepsNoTask()
        {
            var k = Host();
            var (weak, pid) = StartAndKill(k);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.False(weak.IsAlive);
            Assert.Null(pid.Task);
        }

        private static (WeakReference, Pid) StartAndKill(Kernel k)
        {
            int n = k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, 0);
            var t = k.Sys.FindTask(k.Init, n);
            var pid = t.Pid;
            k.Sys.Kill(k.Init, n, Syscalls.SIGKILL);
            return (new WeakReference(t), pid);
        }
    }
}
