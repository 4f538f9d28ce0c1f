namespace ProcNano
{
    // The consistency of the file, free-list, exe, shm and task tables (checks 7-12), under the kernel lock.
    public sealed partial class SelfTest
    {
        /// <summary>Every File the kernel holds: in fd tables, regions, mms' exe links and shm segments, once each.</summary>
        private RefList OpenFiles()
        {
            RefList files = new RefList();
            for (int ti = 0; ti < _tasks.Count; ti++)
            {
                Task t = _tasks[ti];
                for (int fd = 0; t.Fds != null && fd < t.Fds.Size; fd++) AddOnce(t.Fds.Get(fd), files);
                if (t.Mm != null) AddOnce(t.Mm.ExeFile, files);
            }
            for (int i = 0; i < _mem.Regions.Count; i++) AddOnce(_mem.RegionFile(_mem.Regions.At(i)), files);
            for (int i = 0; i < _shm.Count; i++) AddOnce(_shm[i].File, files);
            return files;
        }

        private static void AddOnce(object o, RefList list)
        {
            if (o != null && list.IndexOf(o) < 0) list.Add(o);
        }

        private bool Mounted(SuperBlock sb)
        {
            if (sb == _shm.Store) return true;
            for (int i = 0; i < _vfs.MountCount; i++) if (_vfs.MountAt(i).Sb == sb) return true;
            return false;
        }

        private string FilesLive()
        {
            RefList files = OpenFiles();
            for (int i = 0; i < files.Count; i++)
            {
                File f = (File)files[i];
                string who = "file " + (f.Path == null ? "?" : f.Path);
                if (f.Refs <= 0) return who + " has no references left";
                if (f.Inode == null) return who + " has no inode";
                if (f.Inode.Sb == null || !Mounted(f.Inode.Sb)) return who + ": its file system is not mounted";
                if (f.Inode.Sb.OpenFiles <= 0) return who + ": its file system counts no open files";
                if (f.Slot >= 0 && _vfs.Files[f.Slot] != f) return who + ": file table slot " + f.Slot.ToString() + " holds another";
                RamfsFile rf = f.Inode as RamfsFile;
                if (rf != null && rf.PageCount > 0 && _pages.Ref[rf.Pfn] == 0) return who + ": its pages were freed";
            }
            return null;
        }

        private string FileRefs()
        {
            RefList files = OpenFiles();
            for (int i = 0; i < files.Count; i++)
            {
                File f = (File)files[i];
                int refs = 0;
                for (int ti = 0; ti < _tasks.Count; ti++)
                {
                    Task t = _tasks[ti];
                    for (int fd = 0; t.Fds != null && fd < t.Fds.Size; fd++) if (t.Fds.Get(fd) == f) refs++;
                    if (!SeenMm(ti) && t.Mm.ExeFile == f) refs++;
                }
                for (int j = 0; j < _mem.Regions.Count; j++) if (_mem.RegionFile(_mem.Regions.At(j)) == f) refs++;
                for (int j = 0; j < _shm.Count; j++) if (_shm[j].File == f) refs++;
                if (refs != f.Refs) return "file " + f.Path + " counts " + f.Refs.ToString() + " references, " + refs.ToString() + " hold it";
            }
            return null;
        }

        private string FreeLists()
        {
            int total = 0, heads = 0;
            for (int o = 0; o < PageAllocator.MaxOrder; o++)
            {
                int n = 0, size = 1 << o;
                for (int pfn = _pages.FreeHead(o); pfn >= 0; pfn = _pages.FreeNext(pfn))
                {
                    if (pfn >= _pages.Pages || n > _pages.Pages) return "order " + o.ToString() + " free list is broken at " + pfn.ToString();
                    if ((_pages.Flags[pfn] & PageAllocator.PgBuddy) == 0 || _pages.FreeOrder(pfn) != o)
                        return "block " + pfn.ToString() + " on the order " + o.ToString() + " list is not marked so";
                    if ((pfn & (size - 1)) != 0 || pfn + size > _pages.Pages) return "block " + pfn.ToString() + " misaligned for order " + o.ToString();
                    for (int p = pfn; p < pfn + size; p++) if (_pages.Ref[p] != 0) return "free block " + pfn.ToString() + " holds page " + p.ToString() + " in use";
                    n++;
                }
                if (n != _pages.FreeBlocks(o)) return "order " + o.ToString() + ": " + n.ToString() + " blocks listed, " + _pages.FreeBlocks(o).ToString() + " counted";
                total += n * size;
            }
            for (int p = 0; p < _pages.Pages; p++) if ((_pages.Flags[p] & PageAllocator.PgBuddy) != 0) heads++;
            int listed = 0;
            for (int o = 0; o < PageAllocator.MaxOrder; o++) listed += _pages.FreeBlocks(o);
            if (heads != listed) return heads.ToString() + " pages marked free block heads, " + listed.ToString() + " blocks listed";
            if (total != _pages.FreePages) return "free lists hold " + total.ToString() + " pages, " + _pages.FreePages.ToString() + " counted free";
            return null;
        }

        private string ExeFiles()
        {
            for (int ti = 0; ti < _tasks.Count; ti++)
            {
                if (SeenMm(ti)) continue;
                Mm mm = _tasks[ti].Mm;
                int exe = _mem.ExeVmas(mm);
                string who = "pid " + _tasks[ti].Tgid.ToString();
                if (mm.ExeFile == null && exe > 0) return who + " has " + exe.ToString() + " VM_EXECUTABLE VMAs and no exe file";
                if (mm.ExeFile != null && exe == 0) return who + " keeps an exe file with no VM_EXECUTABLE VMA";
                for (int j = 0; j < mm.Vmas.Count; j++)
                {
                    int v = mm.Vmas[j];
                    if ((_mem.Vmas.Flags(v) & Vm.VM_EXECUTABLE) == 0) continue;
                    File vf = _mem.VmaFile(v);
                    if (vf == null || vf.Inode != mm.ExeFile.Inode) return who + ": its VM_EXECUTABLE VMA maps another file than its exe";
                }
            }
            return null;
        }

        private string ShmAttaches()
        {
            for (int i = 0; i < _shm.Count; i++)
            {
                ShmSegment s = _shm[i];
                int n = 0;
                for (int ti = 0; ti < _tasks.Count; ti++)
                {
                    if (SeenMm(ti)) continue;
                    Mm mm = _tasks[ti].Mm;
                    for (int j = 0; j < mm.Vmas.Count; j++)
                    {
                        int v = mm.Vmas[j];
                        File vf = _mem.VmaFile(v);
                        if ((_mem.Vmas.Flags(v) & Vm.VM_SHM) != 0 && vf != null && vf.Inode == s.File.Inode) n++;
                    }
                }
                if (n != s.Nattch) return "segment " + s.Id.ToString() + " counts " + s.Nattch.ToString() + " attaches, " + n.ToString() + " VMAs map it";
                RamfsFile rf = s.File.Inode as RamfsFile;
                int pages = (int)((s.Size + _mem.PageSize - 1) >> _mem.PageShift);
                if (rf == null || rf.PageCount != pages) return "segment " + s.Id.ToString() + " holds the wrong number of pages";
            }
            return null;
        }

        private string TaskList()
        {
            if (_tasks.RootNs.Pids.Count != _tasks.Count)
                return _tasks.RootNs.Pids.Count.ToString() + " pids numbered, " + _tasks.Count.ToString() + " tasks";
            for (int i = 0; i < _tasks.Count; i++)
            {
                Task t = _tasks[i];
                string who = "task " + i.ToString() + " (" + t.Comm + ")";
                if (t.State == Task.Dead) return who + " is dead but listed";
                if (t.Pid == null || t.Pid.Task != t) return who + ": its pid names another task";
                if (t.Mm == null || t.Fds == null) return who + " has no mm or fd table";
                if (t.Parent == null ? t != _tasks.Init : _tasks.All.IndexOf(t.Parent) < 0) return who + ": its parent is not a live task";
                for (int j = 0; j < i; j++) if (_tasks[j].Tgid == t.Tgid) return who + " shares pid " + t.Tgid.ToString();
            }
            return null;
        }
    }
}
