using System.Collections.Generic;

namespace ProcNano.HostSim.Web
{
    /// <summary>
    /// One picture of a kernel's memory, as the web page draws it: the arena page by page, the regions with
    /// their /proc/maps lines and users, the buddy counts, the tasks, /proc/meminfo and /proc/slabinfo. Made
    /// from the kernel's snapshot call in the simulator (<see cref="LocalSource"/>) or from a board's shell
    /// output (<see cref="AttachSource"/>); sent to the page as JSON.
    /// </summary>
    public sealed class MemSnapshot
    {
        /// <summary>Page owners besides a region's position in /proc/maps (the kernel's, plus Unknown for a board
        /// whose shell has no memmap: then only the pages a region spans are known).</summary>
        public const int Free = ProcNano.Syscalls.MemFree, Held = ProcNano.Syscalls.MemHeld, Other = ProcNano.Syscalls.MemOther, Unknown = -4;

        public string Source { get; set; } = "";
        public string Board { get; set; } = "";
        public uint ArenaBase { get; set; }
        public int PageSize { get; set; }
        public int Pages { get; set; }
        /// <summary>Per arena page: a region's position, or <see cref="Free"/>, <see cref="Held"/>, <see cref="Unknown"/>.</summary>
        public int[] Owners { get; set; } = new int[0];
        public List<RegionInfo> Regions { get; set; } = new List<RegionInfo>();
        /// <summary>Free blocks per buddy order.</summary>
        public int[] Buddy { get; set; } = new int[0];
        public int FreePages { get; set; }
        public int LargestFreePages { get; set; }
        /// <summary>1 − largest free block / free pages, in percent (memmap's figure).</summary>
        public int FragmentationPct { get; set; }
        public List<TaskRow> Tasks { get; set; } = new List<TaskRow>();
        /// <summary>/proc/meminfo in its order: name, kB.</summary>
        public List<MeminfoRow> Meminfo { get; set; } = new List<MeminfoRow>();
        public List<SlabRow> Slabs { get; set; } = new List<SlabRow>();

        /// <summary>Sets the buddy figures from <see cref="Buddy"/>.</summary>
        public void SumBuddy()
        {
            int free = 0, largest = 0;
            for (int o = 0; o < Buddy.Length; o++)
            {
                free += Buddy[o] << o;
                if (Buddy[o] > 0) largest = 1 << o;
            }
            FreePages = free;
            LargestFreePages = largest;
            FragmentationPct = free == 0 ? 0 : (free - largest) * 100 / free;
        }

        public long MeminfoKb(string name)
        {
            foreach (MeminfoRow r in Meminfo) if (r.Name == name) return r.Kb;
            return -1;
        }
    }

    public sealed class RegionInfo
    {
        /// <summary>Position in /proc/maps: the region's letter in memmap.</summary>
        public int N { get; set; }
        public string Letter { get; set; } = "";
        public uint Start { get; set; }
        public uint End { get; set; }
        public uint Top { get; set; }
        public string Perms { get; set; } = "";
        /// <summary>copy (counted in MmapCopy), direct (a store's own pages) or rom (in place, no RAM).</summary>
        public string Kind { get; set; } = "";
        public int Pages { get; set; }
        /// <summary>The file's path, or null (anonymous memory).</summary>
        public string File { get; set; }
        public bool Shm { get; set; }
        public List<int> Users { get; set; } = new List<int>();
        /// <summary>The region's line of /proc/maps, as the kernel prints it.</summary>
        public string MapsLine { get; set; } = "";
    }

    public sealed class TaskRow
    {
        public int Pid { get; set; }
        public int Ppid { get; set; }
        public string User { get; set; } = "";
        public string State { get; set; } = "";
        public long VszKb { get; set; }
        public long RssKb { get; set; }
        /// <summary>/proc/&lt;pid&gt;/status's Mem: what the task costs the kernel's heap, in bytes (-1 unknown).</summary>
        public long MemBytes { get; set; } = -1;
        public string Command { get; set; } = "";
    }

    public sealed class MeminfoRow
    {
        public string Name { get; set; } = "";
        public long Kb { get; set; }
    }

    public sealed class SlabRow
    {
        public string Name { get; set; } = "";
        public long Active { get; set; }
        public long Objects { get; set; }
        public long Size { get; set; }
        public long Bytes { get; set; }
    }
}
