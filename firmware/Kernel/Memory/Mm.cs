namespace ProcNano
{
    /// <summary>
    /// An address space (mm_struct): the ordered list of its VMA slots, its user count (tasks sharing it),
    /// and the executable file that /proc/&lt;pid&gt;/exe shows while any VM_EXECUTABLE VMA remains.
    /// </summary>
    public sealed class Mm
    {
        public readonly IntList Vmas = new IntList(4);
        public int Users = 1;
        public File ExeFile;
        /// <summary>VMAs with VM_EXECUTABLE (2.6.29's num_exe_file_vmas).</summary>
        public int ExeVmas;
        /// <summary>Pages mapped fresh (shared attaches do not add), as total_vm.</summary>
        public int TotalVm;
        public uint StartCode, EndCode, StartData, EndData, StartBrk, Brk, StartStack;

        public int MapCount => Vmas.Count;

        /// <summary>Inserts VMA slot <paramref name="v"/> at its place in (start, end, id) order.</summary>
        public void Add(VmaTable t, int v)
        {
            int lo = 0, hi = Vmas.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (t.Before(Vmas[mid], v)) lo = mid + 1; else hi = mid;
            }
            Vmas.Insert(lo, v);
        }

        public void Remove(int v) { Vmas.Remove(v); }

        /// <summary>find_vma: position (in <see cref="Vmas"/>) of the first VMA in order that contains
        /// <paramref name="addr"/>, or -1. Binary search, then a short walk back over overlapping views.</summary>
        public int Find(VmaTable t, uint addr)
        {
            int lo = 0, hi = Vmas.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (t.Start[Vmas[mid]] <= addr) lo = mid + 1; else hi = mid;
            }
            int found = -1;
            for (int i = lo - 1; i >= 0; i--)
            {
                int v = Vmas[i];
                if (addr < t.End[v]) found = i;
                else if (found >= 0) break;
            }
            return found;
        }
    }
}
