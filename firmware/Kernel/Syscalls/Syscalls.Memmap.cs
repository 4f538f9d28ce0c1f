namespace ProcNano
{
    // The arena's map for memmap and the simulator's web view: who holds each page, one consistent snapshot.
    public sealed partial class Syscalls
    {
        /// <summary>Page owners <see cref="IMemmapSink.Pages"/> reports besides a region's position.</summary>
        public const int MemFree = -1, MemHeld = -2, MemOther = -3;

        /// <summary>Walks the arena, the region tree and the buddy lists into <paramref name="sink"/> (the order
        /// is <see cref="IMemmapSink"/>'s) under the kernel lock. <paramref name="pid"/> 0 reports every region;
        /// another pid only the regions that task's VMAs use. 0, or -ESRCH / -EACCES (as /proc/&lt;pid&gt;/maps) for the pid.</summary>
        public int Memmap(Task t, int pid, IMemmapSink sink)
        {
            lock (_k.Lock)
            {
                Task only = null;
                if (pid != 0)
                {
                    only = FindTaskLocked(t, pid);
                    if (only == null) return -Errno.ESRCH;
                    if (!MayAccess(t, only)) return -Errno.EACCES;
                }
                PageAllocator pa = _k.Pages;
                RegionTable rt = _k.Mem.Regions;
                int pages = pa.Pages;
                sink.Arena(_k.Mem.Phys.ArenaBase, pages, _k.Mem.PageSize);
                for (int from = 0, end; from < pages; from = end)
                {
                    int owner = PageOwner(only, from);
                    for (end = from + 1; end < pages && PageOwner(only, end) == owner; end++) { }
                    sink.Pages(from, end - from, owner);
                }
                TaskTable tasks = _k.Tasks;
                for (int i = 0; i < rt.Count; i++)
                {
                    int r = rt.At(i);
                    if (only != null && !Uses(only, r)) continue;
                    File f = _k.Mem.RegionFile(r);
                    sink.Region(i, rt.Start(r), rt.End(r), rt.Top(r), rt.Flags(r), f == null ? null : f.Path);
                    for (int j = 0; j < tasks.Count; j++)
                    {
                        Task p = tasks[j];
                        int nr = p.Pid.NrIn(t.PidNs);
                        if (nr != 0 && Uses(p, r) && MayAccess(t, p)) sink.User(i, nr);
                    }
                }
                for (int order = 0; order < PageAllocator.MaxOrder; order++) sink.Free(order, pa.FreeBlocks(order));
                return 0;
            }
        }

        // A page's owner: free, the region holding it (copy pages up to the region's top), or held by no region.
        private int PageOwner(Task only, int pfn)
        {
            if (_k.Pages.IsFree(pfn)) return MemFree;
            int r = _k.Mem.Regions.Find(_k.Mem.Phys.PageAddress(pfn));
            if (r < 0) return MemHeld;
            return only == null || Uses(only, r) ? _k.Mem.Regions.IndexOf(r) : MemOther;
        }

        private bool Uses(Task p, int r)
        {
            Mm mm = p.Mm;
            if (mm == null) return false;
            for (int i = 0; i < mm.Vmas.Count; i++) if (_k.Mem.Vmas.Region(mm.Vmas[i]) == r) return true;
            return false;
        }
    }
}
