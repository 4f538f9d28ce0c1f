namespace ProcNano
{
    /// <summary>Counts objects of one kind in a kernel (non-generic: the device has no Func&lt;&gt;).</summary>
    public delegate int SlabCount(Kernel k);

    /// <summary>One kind of kernel object: its name, its cost on the managed heap (<see cref="Footprint"/>),
    /// how many are in use and how many are allocated (slots of a column table count even when free).</summary>
    public sealed class SlabRow
    {
        public readonly string Name;
        public readonly int ObjSize;
        public readonly SlabCount Active;
        public readonly SlabCount Num;

        public SlabRow(string name, int objSize, SlabCount active, SlabCount num)
        {
            Name = name;
            ObjSize = objSize;
            Active = active;
            Num = num;
        }
    }

    /// <summary>
    /// What the kernel's own objects cost, kind by kind: the rows of /proc/slabinfo, and (summed) meminfo's
    /// Slab and the boot log's total. ProcNano has no slab allocator; a "slab" here is the set of objects of
    /// one kind on the managed heap. Column tables (regions, VMAs) allocate slots by doubling, so their
    /// allocated count is the table's capacity; objects made one at a time have num = active.
    /// Counts walk live structures: call with <see cref="Kernel.Lock"/> held. Nothing here allocates.
    /// </summary>
    public sealed class SlabTable
    {
        public readonly SlabRow[] Rows;

        public SlabTable()
        {
            Rows = new SlabRow[]
            {
                new SlabRow("vm_region", Footprint.Region, RegionsUsed, RegionSlots),
                new SlabRow("vm_area", Footprint.Vma, VmasUsed, VmaSlots),
                new SlabRow("mm", Footprint.Mm, Mms, Mms),
                new SlabRow("task", Footprint.Task, Tasks, Tasks),
                new SlabRow("pid", Footprint.Pid, Pids, Pids),
                new SlabRow("file", Footprint.File, Files, Files),
                new SlabRow("inode", Footprint.Inode, Inodes, Inodes),
                new SlabRow("proc_entry", ProcEntry.ObjectBytes, ProcEntries, ProcEntries),
                new SlabRow("shm_segment", Footprint.ShmSegment, ShmSegments, ShmSegments),
            };
        }

        public int Count => Rows.Length;

        /// <summary>Bytes allocated for row <paramref name="i"/> (num_objs × objsize).</summary>
        public long RowBytes(Kernel k, int i)
        {
            SlabRow r = Rows[i];
            return (long)r.Num(k) * r.ObjSize;
        }

        /// <summary>Bytes allocated for every kind together (meminfo's Slab, in bytes).</summary>
        public long TotalBytes(Kernel k)
        {
            long n = 0;
            for (int i = 0; i < Rows.Length; i++) n += RowBytes(k, i);
            return n;
        }

        /// <summary>Objects in use over every kind.</summary>
        public int TotalObjects(Kernel k)
        {
            int n = 0;
            for (int i = 0; i < Rows.Length; i++) n += Rows[i].Active(k);
            return n;
        }

        /// <summary>The page allocator's per-page arrays (ref, flags, order bytes; next, prev shorts): Linux's
        /// mem_map, fixed at boot and not a slab, reported beside it.</summary>
        public static int PageMapBytes(int pages)
        {
            return 3 * Footprint.Array(pages, 1) + 2 * Footprint.Array(pages, 2);
        }

        // ---- counters ----

        private static int RegionsUsed(Kernel k) { return k.Mem.Regions.Used; }
        private static int RegionSlots(Kernel k) { return k.Mem.Regions.Capacity; }
        private static int VmasUsed(Kernel k) { return k.Mem.Vmas.Used; }
        private static int VmaSlots(Kernel k) { return k.Mem.Vmas.Capacity; }
        private static int Tasks(Kernel k) { return k.Tasks.Count; }
        private static int ShmSegments(Kernel k) { return k.Shm == null ? 0 : k.Shm.Count; }

        /// <summary>Every live pid is numbered in the root namespace, so its list holds them all.</summary>
        private static int Pids(Kernel k) { return k.Tasks.RootNs.Pids.Count; }

        /// <summary>Distinct address spaces among the tasks (tasks may share one).</summary>
        private static int Mms(Kernel k)
        {
            TaskTable tt = k.Tasks;
            int n = 0;
            for (int i = 0; i < tt.Count; i++)
            {
                Mm mm = tt[i].Mm;
                if (mm == null) continue;
                bool seen = false;
                for (int j = 0; j < i && !seen; j++) seen = tt[j].Mm == mm;
                if (!seen) n++;
            }
            return n;
        }

        /// <summary>Open files not yet released, as every superblock counts them (mounted ones and the shm
        /// store); files on a procfs that is not mounted are not reachable from here.</summary>
        private static int Files(Kernel k)
        {
            Vfs v = k.Vfs;
            int n = k.ShmStore == null ? 0 : k.ShmStore.OpenFiles;
            for (int i = 0; i < v.MountCount; i++) n += v.MountAt(i).Sb.OpenFiles;
            return n;
        }

        /// <summary>Inodes the kernel keeps: the trees of mounted ramfs and romfs instances, and shm
        /// segments (unlinked files of the shm store). procfs and flashfs make theirs on demand.</summary>
        private static int Inodes(Kernel k)
        {
            Vfs v = k.Vfs;
            int n = ShmSegments(k);
            for (int i = 0; i < v.MountCount; i++)
            {
                SuperBlock sb = v.MountAt(i).Sb;
                if (sb is RamfsSuper || sb is RomfsSuper) n += CountTree(sb.Root);
            }
            return n;
        }

        private static int CountTree(Inode dir)
        {
            int n = 1;
            if (dir == null || !dir.IsDir) return n;
            for (int i = 0; ; i++)
            {
                string name;
                Inode child;
                if (dir.ReadDir(null, i, out name, out child) <= 0) break;
                n += CountTree(child);
            }
            return n;
        }

        /// <summary>Generic proc entries, the root included.</summary>
        private static int ProcEntries(Kernel k)
        {
            return k.Proc == null ? 0 : CountEntries(k.Proc, k.Proc.Root);
        }

        private static int CountEntries(ProcTree t, ProcEntry e)
        {
            int n = 1;
            if (!e.IsDir) return n;
            for (int i = 0; ; i++)
            {
                ProcEntry c = t.ChildAt(e, i);
                if (c == null) break;
                n += CountEntries(t, c);
            }
            return n;
        }
    }
}
