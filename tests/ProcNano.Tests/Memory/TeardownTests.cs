using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;

namespace ProcNano.Tests.Memory
{
    /// <summary>Failure and teardown paths leave nothing behind: pages, regions, VMAs, file references,
    /// Inode.Mapped, superblock open counts, pids.</summary>
    public class TeardownTests
    {
        private const int P = 4096;

        private static SuperBlock SbOf(Kernel k, string mountPoint)
        {
            for (int i = 0; i < k.Vfs.MountCount; i++) if (k.Vfs.MountAt(i).Point == mountPoint) return k.Vfs.MountAt(i).Sb;
            throw new System.Exception(mountPoint + " not mounted");
        }

        [Fact]
        public void RamfsMapped_ThenUnlinked_ThenUnmapped_PagesFreedOnce()
        {
            var k = Host();
            var t = NewTask(k, "a");
            int free = k.Pages.FreePages;
            Files.Write(k, t, "/tmp/f", Files.Pattern(3 * P));
            int fd = k.Sys.Open(t, "/tmp/f", File.O_RDWR, 0);
            long x = k.Sys.Mmap(t, 0, 3 * P, RW, Vm.MAP_SHARED, fd, 0);
            long y = k.Sys.Mmap(t, 0, P, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, P);  // shares the view
            Assert.Equal(0, k.Sys.Close(t, fd));
            Assert.Equal(0, k.Sys.Unlink(t, "/tmp/f"));
            Assert.Equal(free - 3, k.Pages.FreePages);         // unlinked, but mapped: the pages stay
            k.Sys.WriteMem(t, t, (uint)x + P, new byte[] { 0x42 }, 0, 1);
            var one = new byte[1];
            k.Sys.ReadMem(t, t, (uint)y, one, 0, 1);
            Assert.Equal(0x42, one[0]);
            Invariants.Check(k);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)x, 3 * P));
            Assert.Equal(free - 3, k.Pages.FreePages);
            Assert.Equal(0, k.Sys.Munmap(t, (uint)y, P));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, k.Fs.RamfsPages);
            Assert.Equal(0, k.Vfs.Files.Count);
            Invariants.Check(k);
        }

        [Fact]
        public void Umount_WhileMappedAfterFdClosed_Ebusy_ThenOk()
        {
            var k = Host();
            var t = NewTask(k, "a");
            Assert.Equal(0, k.Sys.Mkdir(t, "/mnt", 0x1ED));
            Assert.Equal(0, k.Sys.Mount(t, "none", "/mnt", "ramfs"));
            Files.Write(k, t, "/mnt/f", Files.Pattern(P));
            int fd = k.Sys.Open(t, "/mnt/f", File.O_RDONLY, 0);
            long x = k.Sys.Mmap(t, 0, P, Vm.PROT_READ, Vm.MAP_PRIVATE, fd, 0);
            k.Sys.Close(t, fd);
            Assert.Equal(-Errno.EBUSY, k.Sys.Umount(t, "/mnt"));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)x, P));
            Assert.Equal(0, k.Sys.Umount(t, "/mnt"));
            Invariants.Check(k);
        }

        [Fact]
        public void Exec_EnomemInStackMap_FreesEverything_PidAndFileReferencesToo()
        {
            var k = Host(pages: 16);
            var filler = NewTask(k, "filler");
            Files.Copy(k, k.Init, "/bin/hold", "/flash/hold");
            var flash = SbOf(k, "/flash");
            var bin = SbOf(k, "/bin");
            int flashOpen = flash.OpenFiles, binOpen = bin.OpenFiles;
            // Leave exactly the pages for the text copy and data+bss, none for the stack.
            long text = k.Sys.Mmap(filler, 0, 16 * P, Vm.PROT_READ, Anon, -1, 0);
            Assert.Equal(0, k.Sys.Munmap(filler, (uint)text, 3 * P));
            int free = k.Pages.FreePages, pids = k.Tasks.RootNs.Pids.Count, tasks = k.Tasks.Count;
            Assert.Equal(3, free);   // text (2 pages) + data/bss (1)
            Assert.Equal(-Errno.ENOMEM, k.Sys.Exec(k.Init, "/flash/hold", new[] { "hold", "1" }, 0));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(13, k.Mem.MmapPagesAllocated);   // the filler's, nothing else
            Assert.Equal(tasks, k.Tasks.Count);
            Assert.Equal(pids, k.Tasks.RootNs.Pids.Count);
            Assert.Equal(flashOpen, flash.OpenFiles);
            Assert.Equal(binOpen, bin.OpenFiles);
            Assert.Equal(1, k.Mem.Regions.Count);
            Assert.Equal(0, k.Vfs.Files.Count);
            Invariants.Check(k);
            // ... and memory was all it lacked: with the stack's page and the one hold maps, it runs.
            Assert.Equal(0, k.Sys.Munmap(filler, (uint)text + 3 * P, 2 * P));
            Assert.True(k.Sys.Exec(k.Init, "/flash/hold", new[] { "hold", "1" }, 0) > 0);
        }

        [Fact]
        public void Exec_InNewPidNamespace_Fails_NamespaceAndPidsGone()
        {
            var k = Host(pages: 4);
            int pids = k.Tasks.RootNs.Pids.Count;
            int free = k.Pages.FreePages;
            Assert.Equal(-Errno.ENOMEM, k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "4" }, Syscalls.CLONE_NEWPID));
            Assert.Equal(pids, k.Tasks.RootNs.Pids.Count);
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(1, k.Tasks.Count);
        }

        [Fact]
        public void Shmget_Enomem_LeavesNoSegmentNoPagesNoFile()
        {
            var k = Host(pages: 16);
            var t = NewTask(k, "a");
            long hold = k.Sys.Mmap(t, 0, 12 * P, RW, Anon, -1, 0);
            int free = k.Pages.FreePages, shmOpen = k.Shm.Store.OpenFiles, ramfs = k.Fs.RamfsPages;
            Assert.Equal(-Errno.ENOMEM, k.Sys.Shmget(t, 0x51, 8 * P, Shm.IPC_CREAT | 0x1B6));
            Assert.Equal(0, k.Shm.Count);
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(shmOpen, k.Shm.Store.OpenFiles);
            Assert.Equal(ramfs, k.Fs.RamfsPages);
            Assert.Equal(0, k.Shm.Pages);
            Assert.Equal(-Errno.ENOENT, k.Sys.Shmget(t, 0x51, P, 0));
            Assert.Equal(0, k.Sys.Munmap(t, (uint)hold, 12 * P));
            Assert.True(k.Sys.Shmget(t, 0x51, 8 * P, Shm.IPC_CREAT | 0x1B6) >= 0);
            Invariants.Check(k);
        }

        [Fact]
        public void Exit_OfOneOfTwoTasksSharingFlashText_KeepsTheCopy_LastExitFreesIt()
        {
            var k = Host();
            Files.Copy(k, k.Init, "/bin/hold", "/flash/hold");
            var flash = SbOf(k, "/flash");
            int free = k.Pages.FreePages, flashOpen = flash.OpenFiles;
            int pa = k.Sys.Exec(k.Init, "/flash/hold", new[] { "hold", "1" }, 0);
            int pb = k.Sys.Exec(k.Init, "/flash/hold", new[] { "hold", "1" }, 0);
            var b = k.Sys.FindTask(k.Init, pb);
            uint text = b.Mm.StartCode;
            int r = k.Mem.Regions.Find(text);
            Assert.Equal(2, k.Mem.Regions.Usage(r));
            Assert.Equal(0, k.Sys.Kill(k.Init, pa, Syscalls.SIGKILL));
            Assert.Equal(r, k.Mem.Regions.Find(text));
            Assert.Equal(1, k.Mem.Regions.Usage(r));
            var magic = new byte[4];
            Assert.Equal(4, k.Sys.ReadMem(b, b, text, magic, 0, 4));
            Assert.Equal(0x7F, magic[0]);
            Assert.NotNull(b.Mm.ExeFile);
            Assert.Equal(-Errno.EBUSY, k.Sys.Umount(k.Init, "/flash"));
            Invariants.Check(k);
            Assert.Equal(0, k.Sys.Kill(k.Init, pb, Syscalls.SIGKILL));
            Assert.Equal(free, k.Pages.FreePages);
            Assert.Equal(0, k.Mem.MmapPagesAllocated);
            Assert.Equal(flashOpen, flash.OpenFiles);
            Assert.Equal(0, k.Vfs.Files.Count);
            Invariants.Check(k);
        }
    }
}
