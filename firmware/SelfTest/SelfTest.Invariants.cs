namespace ProcNano
{
    // The consistency of the kernel's tables (checks 0-12), each walked under the kernel lock. Each check says
    // what it found first that breaks its rule; null when nothing does.
    public sealed partial class SelfTest
    {
        private string Invariant(int i)
        {
            lock (_lock)
            {
                switch (i)
                {
                    case 0: return RegionOrder();
                    case 1: return RegionOverlap();
                    case 2: return RegionUsage();
                    case 3: return VmaRegions();
                    case 4: return PageCounts();
                    case 5: return MmapCopyCount();
                    case 6: return PageCounters();
                    case 7: return FilesLive();
                    case 8: return FileRefs();
                    case 9: return FreeLists();
                    case 10: return ExeFiles();
                    case 11: return ShmAttaches();
                    case 12: return TaskList();
                }
                return "no such check";
            }
        }

        private static bool IsCopy(int flags) { return (flags & Vm.VM_MAPPED_COPY) != 0; }

        private string RegionOrder()
        {
            RegionTable rt = _mem.Regions;
            uint mask = (uint)_mem.PageSize - 1;
            for (int i = 0; i < rt.Count; i++)
            {
                int r = rt.At(i);
                if (rt.Usage(r) <= 0) return "region " + r.ToString() + " in the tree is free";
                if (rt.End(r) <= rt.Start(r) || rt.Top(r) < rt.End(r)) return "region " + r.ToString() + " bounds";
                if ((rt.Start(r) & mask) != 0) return "region " + r.ToString() + " not page aligned";
                if (i > 0 && rt.Start(rt.At(i - 1)) > rt.Start(r)) return "region " + r.ToString() + " out of order";
                if (IsCopy(rt.Flags(r)) && (!_phys.InArena(rt.Start(r)) || rt.Top(r) > _phys.ArenaEnd))
                    return "copy region " + r.ToString() + " outside the arena";
            }
            return null;
        }

        private string RegionOverlap()
        {
            RegionTable rt = _mem.Regions;
            for (int i = 0; i < rt.Count; i++)
            {
                int a = rt.At(i);
                for (int j = i + 1; j < rt.Count; j++)
                {
                    int b = rt.At(j);
                    if (rt.Start(b) >= Limit(a)) break;   // ordered by start: nothing later starts inside a
                    File fa = _mem.RegionFile(a), fb = _mem.RegionFile(b);
                    bool sameFileInPlace = !IsCopy(rt.Flags(a)) && !IsCopy(rt.Flags(b)) && fa != null && fb != null && fa.Inode == fb.Inode;
                    if (!sameFileInPlace) return "regions " + a.ToString() + " and " + b.ToString() + " overlap";
                }
            }
            return null;
        }

        private uint Limit(int r)
        {
            RegionTable rt = _mem.Regions;
            return rt.Top(r) > rt.End(r) ? rt.Top(r) : rt.End(r);
        }

        /// <summary>Whether task <paramref name="i"/>'s mm was already seen (tasks may share one).</summary>
        private bool SeenMm(int i)
        {
            Mm mm = _tasks[i].Mm;
            for (int j = 0; j < i; j++) if (_tasks[j].Mm == mm) return true;
            return mm == null;
        }

        private string RegionUsage()
        {
            RegionTable rt = _mem.Regions;
            for (int i = 0; i < rt.Count; i++)
            {
                int r = rt.At(i), users = 0;
                for (int ti = 0; ti < _tasks.Count; ti++)
                {
                    if (SeenMm(ti)) continue;
                    Mm mm = _tasks[ti].Mm;
                    for (int j = 0; j < mm.Vmas.Count; j++) if (_mem.Vmas.Region(mm.Vmas[j]) == r) users++;
                }
                if (users != rt.Usage(r)) return "region " + r.ToString() + " usage " + rt.Usage(r).ToString() + ", used by " + users.ToString() + " VMAs";
            }
            return null;
        }

        private string VmaRegions()
        {
            RegionTable rt = _mem.Regions;
            VmaTable vt = _mem.Vmas;
            uint mask = (uint)_mem.PageSize - 1;
            for (int ti = 0; ti < _tasks.Count; ti++)
            {
                if (SeenMm(ti)) continue;
                Mm mm = _tasks[ti].Mm;
                for (int j = 0; j < mm.Vmas.Count; j++)
                {
                    int v = mm.Vmas[j], r = vt.Region(v);
                    string who = "pid " + _tasks[ti].Tgid.ToString() + " VMA " + v.ToString();
                    if (r < 0 || r >= rt.Capacity || rt.Usage(r) <= 0 || rt.IndexOf(r) < 0) return who + ": its region " + r.ToString() + " is not live";
                    if (vt.Start(v) < rt.Start(r) || vt.End(v) > Limit(r) || vt.End(v) <= vt.Start(v)) return who + " lies outside its region";
                    if ((vt.Start(v) & mask) != 0) return who + " does not start on a page";
                    if (IsCopy(vt.Flags(v)) != IsCopy(rt.Flags(r))) return who + ": copy flag differs from its region's";
                    if (j > 0 && vt.Before(v, mm.Vmas[j - 1])) return who + " out of order";
                }
            }
            return null;
        }

        // ---- pages ----

        /// <summary>Every ramfs file holding pages, once each: in the mounted trees, the shm store's segments, and
        /// unlinked files still open or mapped (found through the fd tables and the regions).</summary>
        private RefList RamfsFiles()
        {
            RefList files = new RefList();
            for (int i = 0; i < _vfs.MountCount; i++) AddTree(_vfs.MountAt(i).Sb.Root, files);
            for (int i = 0; i < _shm.Count; i++) AddFile(_shm[i].File, files);
            for (int i = 0; i < _mem.Regions.Count; i++) AddFile(_mem.RegionFile(_mem.Regions.At(i)), files);
            for (int ti = 0; ti < _tasks.Count; ti++)
            {
                FdTable fds = _tasks[ti].Fds;
                for (int fd = 0; fds != null && fd < fds.Size; fd++) AddFile(fds.Get(fd), files);
            }
            return files;
        }

        private static void AddFile(File f, RefList files)
        {
            if (f != null && f.Inode is RamfsFile && files.IndexOf(f.Inode) < 0) files.Add(f.Inode);
        }

        private static void AddTree(Inode dir, RefList files)
        {
            if (!(dir is RamfsDir)) return;
            for (int i = 0; ; i++)
            {
                string name;
                Inode child;
                if (dir.ReadDir(null, i, out name, out child) <= 0) break;
                if (child is RamfsFile) { if (files.IndexOf(child) < 0) files.Add(child); }
                else AddTree(child, files);
            }
        }

        private string PageCounts()
        {
            byte[] owners = new byte[_pages.Pages];
            RegionTable rt = _mem.Regions;
            for (int i = 0; i < rt.Count; i++)
            {
                int r = rt.At(i);
                if (IsCopy(rt.Flags(r))) Own(owners, _phys.ArenaPfn(rt.Start(r)), (int)((rt.Top(r) - rt.Start(r)) >> _mem.PageShift));
            }
            RefList files = RamfsFiles();
            for (int i = 0; i < files.Count; i++)
            {
                RamfsFile f = (RamfsFile)files[i];
                if (f.PageCount > 0) Own(owners, f.Pfn, f.PageCount);
            }
            for (int pfn = 0; pfn < owners.Length; pfn++)
            {
                if ((_pages.Flags[pfn] & PageAllocator.PgReserved) != 0) continue;
                int count = _pages.Ref[pfn];
                if (owners[pfn] > 1) return "page " + pfn.ToString() + " owned " + owners[pfn].ToString() + " times";
                if (owners[pfn] != count) return "page " + pfn.ToString() + " count " + count.ToString() + ", owned " + owners[pfn].ToString() + " times";
            }
            return null;
        }

        private static void Own(byte[] owners, int pfn, int n)
        {
            for (int p = pfn; p < pfn + n && p < owners.Length; p++) if (p >= 0 && owners[p] < 255) owners[p]++;
        }

        private string MmapCopyCount()
        {
            RegionTable rt = _mem.Regions;
            int pages = 0;
            for (int i = 0; i < rt.Count; i++)
            {
                int r = rt.At(i);
                if (IsCopy(rt.Flags(r))) pages += (int)((rt.Top(r) - rt.Start(r)) >> _mem.PageShift);
            }
            if (pages != _mem.MmapPagesAllocated) return "MmapCopy " + _mem.MmapPagesAllocated.ToString() + " pages, copies hold " + pages.ToString();
            return null;
        }

        private string PageCounters()
        {
            RefList files = RamfsFiles();
            int all = 0, shm = 0;
            for (int i = 0; i < files.Count; i++)
            {
                RamfsFile f = (RamfsFile)files[i];
                all += f.PageCount;
                if (f.Sb == _shm.Store) shm += f.PageCount;
            }
            if (all != _fs.RamfsPages) return "ramfs counts " + _fs.RamfsPages.ToString() + " pages, its files hold " + all.ToString();
            if (shm != _shm.Pages) return "Shmem counts " + _shm.Pages.ToString() + " pages, the segments hold " + shm.ToString();
            return null;
        }
    }
}
