using System;
using ProcNano;

namespace ProcNano.Tests
{
    /// <summary>Checks the memory manager's global invariants; throws with a description when one breaks.</summary>
    public static class Invariants
    {
        public static void Check(Kernel k)
        {
            var m = k.Mem;
            var regions = m.Regions;
            int pages = k.Board.ArenaPages;
            var owners = new int[pages];
            long copyPages = 0;

            // Regions: ordered, and never overlapping unless both are direct views of one file's bytes.
            for (int i = 0; i < regions.Count; i++)
            {
                int r = regions.At(i);
                if (regions.End(r) <= regions.Start(r) || regions.Top(r) < regions.End(r)) throw new Exception($"region {r} bounds");
                if (i > 0)
                {
                    int p = regions.At(i - 1);
                    if (regions.Start(p) > regions.Start(r)) throw new Exception("region tree out of order");
                    bool bothDirect = (regions.Flags(p) & Vm.VM_MAPPED_COPY) == 0 && (regions.Flags(r) & Vm.VM_MAPPED_COPY) == 0
                        && m.RegionFile(p) != null && m.RegionFile(r) != null && m.RegionFile(p).Inode == m.RegionFile(r).Inode;
                    if (!bothDirect && regions.Start(r) < Math.Max(regions.Top(p), regions.End(p))) throw new Exception($"regions {p} and {r} overlap");
                }
                if ((regions.Flags(r) & Vm.VM_MAPPED_COPY) != 0)
                {
                    int first = k.Phys.ArenaPfn(regions.Start(r));
                    int n = (int)((regions.Top(r) - regions.Start(r)) >> k.Board.PageShift);
                    for (int pfn = first; pfn < first + n; pfn++) owners[pfn]++;
                    copyPages += n;
                }
                int users = 0;
                for (int ti = 0; ti < k.Tasks.Count; ti++)
                {
                    var mm = k.Tasks[ti].Mm;
                    for (int j = 0; j < mm.Vmas.Count; j++) if (m.Vmas.Region(mm.Vmas[j]) == r) users++;
                }
                if (users != regions.Usage(r)) throw new Exception($"region {r} usage {regions.Usage(r)} but {users} VMAs");
            }
            if (copyPages != m.MmapPagesAllocated) throw new Exception($"MmapCopy {m.MmapPagesAllocated} pages but copies hold {copyPages}");

            // ramfs files own their blocks: those in the tree, shm segments, and unlinked files still mapped.
            var files = new System.Collections.Generic.HashSet<RamfsFile>();
            for (int i = 0; i < k.Shm.Count; i++) files.Add((RamfsFile)k.Shm[i].File.Inode);
            for (int i = 0; i < regions.Count; i++)
                if (m.RegionFile(regions.At(i))?.Inode is RamfsFile rf) files.Add(rf);
            for (int i = 0; i < k.Vfs.MountCount; i++) AddRamfsFiles(k, k.Vfs.MountAt(i).Sb.Root, files);
            foreach (var f in files)
                for (int pfn = f.Pfn; f.Pfn >= 0 && pfn < f.Pfn + f.PageCount; pfn++) owners[pfn]++;

            // Every page is free or owned exactly once, as its count says.
            int owned = 0;
            for (int pfn = 0; pfn < pages; pfn++)
            {
                if ((k.Pages.Flags[pfn] & PageAllocator.PgReserved) != 0) { owned++; continue; }
                if (owners[pfn] > 1) throw new Exception($"page {pfn} owned {owners[pfn]} times");
                if (owners[pfn] == 1 && k.Pages.Ref[pfn] != 1) throw new Exception($"owned page {pfn} has count {k.Pages.Ref[pfn]}");
                if (owners[pfn] == 0 && k.Pages.Ref[pfn] != 0) throw new Exception($"unowned page {pfn} has count {k.Pages.Ref[pfn]}");
                owned += owners[pfn];
            }
            if (k.Pages.FreePages != pages - owned) throw new Exception($"free pages {k.Pages.FreePages}, expected {pages - owned}");

            // VMAs lie inside their regions and are ordered in their mm.
            for (int ti = 0; ti < k.Tasks.Count; ti++)
            {
                var mm = k.Tasks[ti].Mm;
                for (int j = 0; j < mm.Vmas.Count; j++)
                {
                    int v = mm.Vmas[j], r = m.Vmas.Region(v);
                    if (m.Vmas.Start(v) < regions.Start(r) || m.Vmas.End(v) > regions.End(r)) throw new Exception($"vma {v} outside region {r}");
                    if (j > 0 && m.Vmas.Before(v, mm.Vmas[j - 1])) throw new Exception("mm VMAs out of order");
                }
            }
        }

        /// <summary>ramfs files reachable from a directory (mounts are separate roots).</summary>
        private static void AddRamfsFiles(Kernel k, Inode dir, System.Collections.Generic.HashSet<RamfsFile> files)
        {
            if (!(dir is RamfsDir)) return;
            for (int i = 0; ; i++)
            {
                if (dir.ReadDir(k.Init, i, out string name, out Inode child) <= 0) break;
                if (child is RamfsFile f) files.Add(f);
                else if (child is RamfsDir) AddRamfsFiles(k, child, files);
            }
        }
    }
}
