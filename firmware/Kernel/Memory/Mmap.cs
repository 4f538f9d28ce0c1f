namespace ProcNano
{
    // mmap: validation (validate_mmap_request), flags (determine_vm_flags), sharing an existing region, and
    // the private copy path (do_mmap_private). Returns an address or -errno; failures leave nothing behind.
    public sealed partial class MemoryManager
    {
        /// <summary>do_mmap_pgoff. <paramref name="file"/> null means anonymous. <paramref name="extraVmFlags"/>
        /// lets the kernel's own callers (shmat, the loader) add VM_SHM / VM_EXECUTABLE.</summary>
        public long Mmap(MmOwner t, long len, int prot, int flags, File file, long pgoff, int extraVmFlags)
        {
            int caps;
            long err = Validate(t, file, len, prot, flags, pgoff, out caps);
            if (err < 0) return err;
            if (t.Mm.MapCount >= MaxMapCount) return -Errno.ENOMEM;
            uint rlen = PageAlign((uint)len);
            int vmFlags = DetermineVmFlags(file, prot, flags, caps) | extraVmFlags;
            // Room for the new region and VMA first, so nothing below can run out of heap half-way.
            if (!RoomFor(t.Mm, 1)) return -Errno.ENOMEM;
            if (file != null && file.Inode.Mapped >= Inode.MaxMapped) return -Errno.ENOMEM;

            if (file != null && (vmFlags & Vm.VM_MAYSHARE) != 0)
            {
                long shared = TryShare(t, file, (uint)len, (int)pgoff, vmFlags, caps);
                if (shared != -Errno.ENOENT) return shared;
            }

            int r = Regions.Alloc();
            Regions.SetFlags(r, vmFlags);
            Regions.SetPgoff(r, (int)pgoff);
            long addr = -Errno.ENOSYS;
            if ((caps & MapCap.Direct) != 0)
            {
                addr = file.Inode.DirectAddress((int)pgoff, (int)len);
                if (addr == -Errno.ENOSYS && (caps & MapCap.Copy) == 0) addr = -Errno.ENODEV;
                if (addr >= 0)
                {
                    // A direct view of the backing store's own bytes: nothing allocated, nothing counted.
                    Regions.SetStart(r, (uint)addr);
                    Regions.SetEnd(r, Regions.SetTop(r, (uint)addr + (uint)len));
                }
                else if (addr != -Errno.ENOSYS)
                {
                    Regions.Free(r);
                    return addr;
                }
            }
            if (addr < 0)
            {
                // Not directly mappable after all (or never): a private copy, which is never VM_SHARED.
                Regions.SetFlags(r, vmFlags & ~Vm.VM_SHARED);
                long e = MmapPrivate(t, r, file, (uint)len, rlen, (int)pgoff);
                if (e < 0)
                {
                    Regions.Free(r);
                    return e;
                }
                vmFlags = Regions.Flags(r);
            }
            try
            {
                if (file != null)
                {
                    Regions.SetFile(r, Files.Get(file));
                    file.Inode.Mapped++;
                }
                Regions.Insert(r);
                long a = NewVma(t, r, Regions.Start(r), (uint)len, vmFlags, out _);
                if (a < 0) PutRegion(r);
                return a;
            }
            catch (System.OutOfMemoryException)
            {
                Emergency.Release();
                // Out of heap between the region's parts (see NewVma): the region goes whole.
                if (Regions.IndexOf(r) >= 0) PutRegion(r);
                else DropUnlinkedRegion(r, file);
                return -Errno.ENOMEM;
            }
        }

        // A region never inserted: its copy pages, its file reference, its slot.
        private void DropUnlinkedRegion(int r, File file)
        {
            if ((Regions.Flags(r) & Vm.VM_MAPPED_COPY) != 0) FreeRegionPages(Regions.Start(r), Regions.Top(r));
            if (Regions.File(r) >= 0)
            {
                file.Inode.Mapped--;
                Files.Put(Regions.File(r));
            }
            Regions.Free(r);
        }

        /// <summary>A new VMA over region <paramref name="r"/>, linked into the task's mm: its start, or -ENOMEM
        /// with nothing linked. nanoCLR takes stack frames from the managed heap, so any call can throw
        /// OutOfMemoryException, even where the tables were reserved: the half-made VMA goes.</summary>
        private long NewVma(MmOwner t, int r, uint start, uint len, int flags, out int v)
        {
            v = -1;
            try
            {
                v = Vmas.Alloc();
                Vmas.SetStart(v, start);
                Vmas.SetEnd(v, start + len);
                Vmas.SetFlags(v, flags);
                Vmas.SetRegion(v, r);
                AddVma(t.Mm, v);
                return start;
            }
            catch (System.OutOfMemoryException)
            {
                Emergency.Release();
                if (v >= 0)
                {
                    t.Mm.Remove(Vmas, v);   // no-op unless the insert was made
                    Vmas.Free(v);
                    v = -1;
                }
                return -Errno.ENOMEM;
            }
        }

        // validate_mmap_request, in Linux's order. On success caps holds what this mapping may use.
        private long Validate(MmOwner t, File file, long len, int prot, int flags, long pgoff, out int caps)
        {
            caps = 0;
            if ((flags & ~Vm.MAP_KNOWN) != 0) return -Errno.EINVAL;
            if ((flags & Vm.MAP_FIXED) != 0)
            {
                _log.Print("Can't do fixed-address/overlay mmap of RAM");
                return -Errno.EINVAL;
            }
            int type = flags & Vm.MAP_TYPE;
            if (type != Vm.MAP_PRIVATE && type != Vm.MAP_SHARED) return -Errno.EINVAL;
            if (len == 0) return -Errno.EINVAL;
            // Careful: a size_t this large wraps when page-aligned, or exceeds the 32-bit address space.
            if (len < 0 || len > 0xFFFFFFFFL - PageSize + 1) return -Errno.ENOMEM;
            long pages = ((len + PageSize - 1) >> PageShift);
            if (pgoff < 0 || pgoff + pages > 0x7FFFFFFFL) return -Errno.EOVERFLOW;
            // PROT_SEM is Linux's too (every mapping here may hold atomics); any other bit is refused.
            if ((prot & ~(Vm.PROT_READ | Vm.PROT_WRITE | Vm.PROT_EXEC | Vm.PROT_SEM)) != 0) return -Errno.EINVAL;

            if (file == null)
            {
                caps = MapCap.Copy;
                return 0;
            }
            caps = file.Inode.MapCaps;
            if (caps == 0) return -Errno.ENODEV;
            if (!file.CanRead) return -Errno.EACCES;
            if (type == Vm.MAP_SHARED)
            {
                // (Linux also refuses append-only inodes here; ProcNano has none. O_APPEND is no reason.)
                if ((prot & Vm.PROT_WRITE) != 0 && !file.CanWrite) return -Errno.EACCES;
                if ((caps & MapCap.Direct) == 0) return -Errno.ENODEV;
                if (((prot & Vm.PROT_READ) != 0 && (caps & MapCap.Read) == 0) ||
                    ((prot & Vm.PROT_WRITE) != 0 && (caps & MapCap.Write) == 0) ||
                    ((prot & Vm.PROT_EXEC) != 0 && (caps & MapCap.Exec) == 0))
                {
                    _log.Print("MAP_SHARED not completely supported on !MMU");
                    return -Errno.EINVAL;
                }
                // A shared mapping is never privatised.
                caps &= ~MapCap.Copy;
            }
            else
            {
                if ((caps & MapCap.Copy) == 0) return -Errno.ENODEV;
                // Writing through a direct private map would write the store itself.
                if ((prot & Vm.PROT_WRITE) != 0) caps &= ~MapCap.Direct;
            }
            // Code that must run from RAM cannot be mapped in place.
            if ((prot & Vm.PROT_EXEC) != 0 && (caps & MapCap.Exec) == 0) caps &= ~MapCap.Direct;
            return 0;
        }

        // determine_vm_flags (2.6.29).
        private static int DetermineVmFlags(File file, int prot, int flags, int caps)
        {
            int vm = prot & (Vm.VM_READ | Vm.VM_WRITE | Vm.VM_EXEC);
            if ((flags & Vm.MAP_GROWSDOWN) != 0) vm |= Vm.VM_GROWSDOWN;
            if ((flags & Vm.MAP_DENYWRITE) != 0) vm |= Vm.VM_DENYWRITE;
            if ((flags & Vm.MAP_EXECUTABLE) != 0) vm |= Vm.VM_EXECUTABLE;
            if ((flags & Vm.MAP_LOCKED) != 0) vm |= Vm.VM_LOCKED;
            vm |= Vm.VM_MAYREAD | Vm.VM_MAYWRITE | Vm.VM_MAYEXEC;
            if (file == null) return vm; // anonymous: private whatever MAP_SHARED says (no fork to share with)
            if ((flags & Vm.MAP_TYPE) == Vm.MAP_SHARED) return vm | Vm.VM_MAYSHARE | Vm.VM_SHARED;
            // A read-only private file map may share: later read-only maps of the range reuse it.
            if ((prot & Vm.PROT_WRITE) == 0) vm |= Vm.VM_MAYSHARE;
            return vm;
        }

        // Looks for a region of the same file whose page range holds the new one. -ENOENT: none found.
        private long TryShare(MmOwner t, File file, uint len, int pgoff, int vmFlags, int caps)
        {
            int pglen = (int)(PageAlign(len) >> PageShift);
            for (int i = 0; i < Regions.Count; i++)
            {
                int r = Regions.At(i);
                if ((Regions.Flags(r) & Vm.VM_MAYSHARE) == 0) continue;
                File rf = RegionFile(r);
                if (rf == null || rf.Inode != file.Inode) continue;
                int rpgoff = Regions.Pgoff(r);
                int rpglen = (int)(PageAlign(Regions.End(r) - Regions.Start(r)) >> PageShift);
                if (pgoff >= rpgoff + rpglen || rpgoff >= pgoff + pglen) continue;
                if (pgoff < rpgoff || pgoff + pglen > rpgoff + rpglen)
                {
                    // Overlapping but not a subset: a direct store gives this map its own view; a copy
                    // cannot be shared partially.
                    if ((caps & MapCap.Direct) != 0) continue;
                    _log.Print("Attempt to share mismatched mappings");
                    return -Errno.EINVAL;
                }
                // The VMA first, the region's new user last: running out of heap in between (NewVma) must not
                // leave a user counted without its VMA (the region would outlive every mapping of it).
                uint start = Regions.Start(r) + (uint)((pgoff - rpgoff) << PageShift);
                int v;
                long a = NewVma(t, r, start, len, vmFlags | (Regions.Flags(r) & Vm.VM_MAPPED_COPY), out v);
                if (a < 0) return a;
                try
                {
                    Regions.SetUsage(r, Regions.Usage(r) + 1);
                }
                catch (System.OutOfMemoryException)
                {
                    Emergency.Release();
                    t.Mm.Remove(Vmas, v);
                    Vmas.Free(v);
                    return -Errno.ENOMEM;
                }
                return a;
            }
            return -Errno.ENOENT;
        }

        // do_mmap_private: a power-of-two block, its excess trimmed, filled from the file or zeroed.
        private long MmapPrivate(MmOwner t, int r, File file, uint len, uint rlen, int pgoff)
        {
            int point = (int)(rlen >> PageShift);
            int order = PageAllocator.OrderFor(point);
            int pfn = Pages.Alloc(order);
            if (pfn < 0)
            {
                _log.Print("Allocation of length " + len.ToString() + " from process " + t.Tgid.ToString()
                    + " (" + t.Comm + ") failed");
                return -Errno.ENOMEM;
            }
            int total = 1 << order;
            MmapPagesAllocated += total;
            if (NrTrimPages != 0 && total - point >= NrTrimPages)
            {
                while (total > point)
                {
                    int n = 1 << Vm.Log2(total - point);
                    total -= n;
                    Pages.Put(pfn + total, n);
                    MmapPagesAllocated -= n;
                }
            }
            uint start = Phys.PageAddress(pfn);
            Regions.SetFlags(r, Regions.Flags(r) | (Vm.VM_MAPPED_COPY));
            Regions.SetStart(r, start);
            Regions.SetEnd(r, start + rlen);
            Regions.SetTop(r, start + (uint)(total << PageShift));
            int bytes = total << PageShift;
            if (file == null) Phys.Zero(start, bytes);
            else
            {
                // Read rlen bytes at pgoff without moving the file position (past EOF is cleared below). The kernel
                // reads (null task), as Linux's kernel_read does: access was checked when the file was opened,
                // and procfs files, the only ones whose reads look at the reader, cannot be mapped.
                long pos = (long)pgoff << PageShift;
                int at = (int)(start - Phys.ArenaBase);
                int done = 0;
                while (done < (int)rlen)
                {
                    int n;
                    try
                    {
                        n = file.Inode.Read(file, null, pos + done, Phys.Arena, at + done, (int)rlen - done);
                    }
                    catch (System.OutOfMemoryException)
                    {
                        Emergency.Release();
                        n = -Errno.ENOMEM;   // a file system's read that needed heap (flash glue): the copy fails whole
                    }
                    if (n < 0)
                    {
                        FreeRegionPages(start, Regions.Top(r));
                        return n;
                    }
                    if (n == 0) break;
                    done += n;
                }
                // Only what the read did not fill is cleared (past EOF, the trimmed-off tail of the block).
                Phys.Zero(start + (uint)done, bytes - done);
                // The loader and the copy touched these pages: mark them referenced for smaps.
                for (int i = 0; i < total; i++) Pages.Flags[pfn + i] |= PageAllocator.PgReferenced;
            }
            return 0;
        }
    }
}
