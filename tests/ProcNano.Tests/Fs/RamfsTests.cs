using System;
using ProcNano;
using Xunit;
using KFile = ProcNano.File;

using ProcNano.Tests.Vfs;

namespace ProcNano.Tests.Fs
{
    public class RamfsTests : IDisposable
    {
        private readonly VfsKernel _v = new VfsKernel();
        public void Dispose() { _v.Dispose(); }

        private RamfsFile File(string path) { return (RamfsFile)_v.Lookup(path); }
        private int Ps => _v.PageSize;

        private void AssertArenaHolds(RamfsFile f, byte[] data)
        {
            int start = f.Pfn * Ps;
            for (int i = 0; i < data.Length; i++) Assert.Equal(data[i], _v.K.Phys.Arena[start + i]);
        }

        [Fact]
        public void Write_Growth_MovesToContiguousBlock_FreesOldAndTrims()
        {
            int boot = _v.K.Pages.FreePages;
            int fd = _v.Sys.Open(_v.Root, "/tmp/g", KFile.O_CREAT | KFile.O_RDWR, 0x1A4);
            byte[] one = VfsKernel.Pattern(Ps, 1);
            Assert.Equal(Ps, _v.Sys.Write(_v.Root, fd, one, 0, one.Length));
            RamfsFile f = File("/tmp/g");
            Assert.Equal(1, f.PageCount);
            int firstPfn = f.Pfn;
            Assert.Equal(boot - 1, _v.K.Pages.FreePages);

            // Grow to 3 pages: a 4-page block, trimmed to 3, the old page freed, data kept in order.
            byte[] more = VfsKernel.Pattern(2 * Ps, 9);
            Assert.Equal(more.Length, _v.Sys.Write(_v.Root, fd, more, 0, more.Length));
            Assert.Equal(3, f.PageCount);
            Assert.Equal(3 * Ps, f.Size);
            Assert.Equal(boot - 3, _v.K.Pages.FreePages);
            Assert.Equal(3, _v.K.Fs.RamfsPages);
            Assert.NotEqual(firstPfn, f.Pfn);
            Assert.True(_v.K.Pages.IsFree(firstPfn));
            for (int i = 0; i < 3; i++) Assert.False(_v.K.Pages.IsFree(f.Pfn + i));
            Assert.True(_v.K.Pages.IsFree(f.Pfn + 3));          // the trimmed tail page
            byte[] all = new byte[3 * Ps];
            Array.Copy(one, all, Ps);
            Array.Copy(more, 0, all, Ps, more.Length);
            AssertArenaHolds(f, all);
            _v.Sys.Close(_v.Root, fd);
            Assert.Equal(all, _v.ReadFile("/tmp/g"));

            Assert.Equal(0, _v.Sys.Unlink(_v.Root, "/tmp/g"));
            Assert.Equal(boot, _v.K.Pages.FreePages);
            Assert.Equal(0, _v.K.Fs.RamfsPages);
        }

        [Fact]
        public void Write_WithinHeldPages_DoesNotMove()
        {
            Assert.Equal(10, _v.WriteFile(_v.Root, "/tmp/s", new byte[10]));
            RamfsFile f = File("/tmp/s");
            int pfn = f.Pfn;
            int fd = _v.Sys.Open(_v.Root, "/tmp/s", KFile.O_WRONLY | KFile.O_APPEND, 0);
            byte[] b = VfsKernel.Pattern(Ps - 10, 3);
            Assert.Equal(b.Length, _v.Sys.Write(_v.Root, fd, b, 0, b.Length));
            _v.Sys.Close(_v.Root, fd);
            Assert.Equal(pfn, f.Pfn);
            Assert.Equal(Ps, f.Size);
        }

        // Fills free memory with 0xEE, all but the bytes where the allocator keeps a free block's links (no
        // user can reach free pages; scribbling the links would corrupt the free lists).
        private void DirtyFreePages()
        {
            byte[] arena = _v.K.Phys.Arena;
            for (int i = 0; i < arena.Length; i++)
                if (_v.K.Pages.IsFree(i / Ps) && i % Ps >= PageAllocator.LinkBytes) arena[i] = 0xEE;
        }

        [Fact]
        public void WritePastEnd_HoleReadsZero()
        {
            int fd = _v.Sys.Open(_v.Root, "/tmp/h", KFile.O_CREAT | KFile.O_RDWR, 0x1A4);
            DirtyFreePages();   // so stale bytes would show
            Assert.Equal(Ps + 100, _v.Sys.Lseek(_v.Root, fd, Ps + 100, 0));
            Assert.Equal(1, _v.Sys.Write(_v.Root, fd, new byte[] { 7 }, 0, 1));
            _v.Sys.Close(_v.Root, fd);
            byte[] got = _v.ReadFile("/tmp/h");
            Assert.Equal(Ps + 101, got.Length);
            for (int i = 0; i < Ps + 100; i++) Assert.Equal(0, got[i]);
            Assert.Equal(7, got[Ps + 100]);
            // Past the size, inside the last page, stays zero too (what a direct map shows).
            RamfsFile f = File("/tmp/h");
            Assert.Equal(0, _v.K.Phys.Arena[f.Pfn * Ps + Ps + 101]);
        }

        [Fact]
        public void Truncate_ShrinkFreesAndZeroes_GrowReadsZero()
        {
            int boot = _v.K.Pages.FreePages;
            Assert.Equal(3 * Ps, _v.WriteFile(_v.Root, "/tmp/t", VfsKernel.Pattern(3 * Ps, 5)));
            RamfsFile f = File("/tmp/t");
            int pfn = f.Pfn;
            Assert.Equal(0, _v.Sys.Truncate(_v.Root, "/tmp/t", Ps + 1));
            Assert.Equal(2, f.PageCount);
            Assert.Equal(boot - 2, _v.K.Pages.FreePages);
            Assert.Equal(pfn, f.Pfn);                                  // shrinking never moves
            for (int i = Ps + 1; i < 2 * Ps; i++) Assert.Equal(0, _v.K.Phys.Arena[pfn * Ps + i]);

            Assert.Equal(0, _v.Sys.Truncate(_v.Root, "/tmp/t", 2 * Ps));
            byte[] got = _v.ReadFile("/tmp/t");
            Assert.Equal(2 * Ps, got.Length);
            for (int i = Ps + 1; i < 2 * Ps; i++) Assert.Equal(0, got[i]);

            Assert.Equal(0, _v.Sys.Truncate(_v.Root, "/tmp/t", 0));
            Assert.Equal(0, f.PageCount);
            Assert.Equal(boot, _v.K.Pages.FreePages);
        }

        [Fact]
        public void OTrunc_EmptiesFile()
        {
            int boot = _v.K.Pages.FreePages;
            Assert.Equal(2 * Ps, _v.WriteFile(_v.Root, "/tmp/o", new byte[2 * Ps]));
            int fd = _v.Sys.Open(_v.Root, "/tmp/o", KFile.O_WRONLY | KFile.O_TRUNC, 0);
            Assert.True(fd >= 0);
            _v.Sys.Close(_v.Root, fd);
            Assert.Equal(0, File("/tmp/o").Size);
            Assert.Equal(boot, _v.K.Pages.FreePages);
        }

        [Fact]
        public void Unlink_WhileOpen_KeepsDataUntilClose()
        {
            int boot = _v.K.Pages.FreePages;
            byte[] data = VfsKernel.Pattern(2 * Ps, 1);
            Assert.Equal(data.Length, _v.WriteFile(_v.Root, "/tmp/u", data));
            int fd = _v.Sys.Open(_v.Root, "/tmp/u", KFile.O_RDONLY, 0);
            Assert.Equal(0, _v.Sys.Unlink(_v.Root, "/tmp/u"));
            Assert.Null(_v.Lookup("/tmp/u"));
            Assert.Equal(boot - 2, _v.K.Pages.FreePages);
            byte[] buf = new byte[data.Length];
            Assert.Equal(data.Length, _v.Sys.Read(_v.Root, fd, buf, 0, buf.Length));
            Assert.Equal(data, buf);
            var st = new StatInfo();
            Assert.Equal(0, _v.Sys.Fstat(_v.Root, fd, st));
            Assert.Equal(0, st.Nlink);
            Assert.Equal(0, _v.Sys.Close(_v.Root, fd));
            Assert.Equal(boot, _v.K.Pages.FreePages);
        }

        [Fact]
        public void DirectAddress_IsTheFilePages_SharedWithRead()
        {
            byte[] data = VfsKernel.Pattern(2 * Ps, 2);
            Assert.Equal(data.Length, _v.WriteFile(_v.Root, "/tmp/m", data));
            RamfsFile f = File("/tmp/m");
            Assert.Equal(MapCap.Copy | MapCap.DirectAll, f.MapCaps);
            Assert.Equal((long)_v.K.Phys.PageAddress(f.Pfn), f.DirectAddress(0, 2 * Ps));
            Assert.Equal((long)_v.K.Phys.PageAddress(f.Pfn + 1), f.DirectAddress(1, Ps));
            Assert.Equal(-Errno.EINVAL, f.DirectAddress(1, Ps + 1));
            Assert.Equal(-Errno.EINVAL, f.DirectAddress(2, 1));

            // A store through the mapped address is what read() returns.
            Assert.True(_v.K.Phys.InArena((uint)f.DirectAddress(1, Ps)));
            _v.K.Phys.Arena[(uint)f.DirectAddress(1, Ps) - _v.K.Phys.ArenaBase + 5] = 0x5A;
            byte[] got = _v.ReadFile("/tmp/m");
            Assert.Equal(0x5A, got[Ps + 5]);
        }

        [Fact]
        public void Mapped_PagesPinned_GrowEbusyShrinkEtxtbsy()
        {
            Assert.Equal(Ps + 10, _v.WriteFile(_v.Root, "/tmp/p", new byte[Ps + 10]));
            RamfsFile f = File("/tmp/p");
            int pfn = f.Pfn;
            f.Mapped = 1;
            int fd = _v.Sys.Open(_v.Root, "/tmp/p", KFile.O_RDWR, 0);
            // Within the pages held: fine.
            Assert.Equal(Ps + 20, _v.Sys.Lseek(_v.Root, fd, Ps + 20, 0));
            Assert.Equal(4, _v.Sys.Write(_v.Root, fd, new byte[4], 0, 4));
            // Needing a new block: refused, nothing moved.
            Assert.Equal(2 * Ps, _v.Sys.Lseek(_v.Root, fd, 2 * Ps, 0));
            Assert.Equal(-Errno.EBUSY, _v.Sys.Write(_v.Root, fd, new byte[4], 0, 4));
            Assert.Equal(-Errno.ETXTBSY, _v.Sys.Truncate(_v.Root, "/tmp/p", 10));
            Assert.Equal(0, _v.Sys.Truncate(_v.Root, "/tmp/p", Ps + 1));   // same pages
            Assert.Equal(pfn, f.Pfn);
            f.Mapped = 0;
            Assert.Equal(4, _v.Sys.Write(_v.Root, fd, new byte[4], 0, 4));
            _v.Sys.Close(_v.Root, fd);
        }

        [Fact]
        public void ShmFile_ContiguousZeroed_CountedAsShmem_FreedOnLastClose()
        {
            int boot = _v.K.Pages.FreePages;
            DirtyFreePages();
            KFile f;
            Assert.Equal(0, _v.K.Shm.CreateFile(3 * Ps - 1, "/SYSV00000001", out f));
            RamfsFile r = (RamfsFile)f.Inode;
            Assert.Equal(3, r.PageCount);
            Assert.Equal(3 * Ps - 1, r.Size);
            Assert.Equal(0, r.Nlink);
            Assert.Equal(3, _v.K.Shm.Pages);
            Assert.Equal(3, _v.K.Fs.RamfsPages);
            Assert.Equal(boot - 3, _v.K.Pages.FreePages);
            for (int i = 0; i < 3 * Ps; i++) Assert.Equal(0, _v.K.Phys.Arena[r.Pfn * Ps + i]);
            Assert.Equal((long)_v.K.Phys.PageAddress(r.Pfn), r.DirectAddress(0, 3 * Ps));

            // A mapping's reference keeps it after the segment's own reference goes.
            int slot = _v.K.Vfs.Files.Get(f);
            _v.K.Vfs.Files.Close(f);
            Assert.Equal(boot - 3, _v.K.Pages.FreePages);
            _v.K.Vfs.Files.Put(slot);
            Assert.Equal(boot, _v.K.Pages.FreePages);
            Assert.Equal(0, _v.K.Shm.Pages);

            Assert.Equal(-Errno.EINVAL, _v.K.Shm.CreateFile(0, "x", out f));
            Assert.Equal(-Errno.ENOMEM, _v.K.Shm.CreateFile((long)Ps * (_v.K.Board.ArenaPages + 1), "x", out f));
        }

        [Fact]
        public void Umount_Ramfs_FreesAllItsPages()
        {
            int boot = _v.K.Pages.FreePages;
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/mnt", 0x1ED));
            Assert.Equal(0, _v.Sys.Mount(_v.Root, "none", "/mnt", "ramfs"));
            Assert.Equal(0, _v.Sys.Mkdir(_v.Root, "/mnt/sub", 0x1ED));
            Assert.Equal(5 * Ps, _v.WriteFile(_v.Root, "/mnt/sub/a", new byte[5 * Ps]));
            Assert.Equal(Ps, _v.WriteFile(_v.Root, "/mnt/b", new byte[Ps]));
            Assert.Equal(boot - 6, _v.K.Pages.FreePages);
            Assert.Equal(0, _v.Sys.Umount(_v.Root, "/mnt"));
            Assert.Equal(boot, _v.K.Pages.FreePages);
            Assert.Equal(0, _v.K.Fs.RamfsPages);
        }
    }
}
