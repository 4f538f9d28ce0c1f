namespace ProcNano
{
    /// <summary>
    /// An address space (mm_struct): the ordered list of its VMA slots, its user count (tasks sharing it),
    /// and the executable file that /proc/&lt;pid&gt;/exe shows while any VM_EXECUTABLE VMA remains.
    /// The mm is its own VMA list (one object on the device, not two) and keeps the seven layout addresses
    /// of /proc/&lt;pid&gt;/stat in one int array (4 bytes each, where a field costs 12).
    /// </summary>
    public sealed class Mm : IntList
    {
        public int Users = 1;
        public File ExeFile;
        private int[] _layout;   // made by the loader's first store: kernel-made tasks have no layout

        public Mm() : base(4) { }

        /// <summary>The ordered VMA slots.</summary>
        public IntList Vmas => this;

        private uint Layout(int i) { return _layout == null ? 0 : (uint)_layout[i]; }

        private void SetLayout(int i, uint v)
        {
            if (_layout == null) _layout = new int[7];
            _layout[i] = (int)v;
        }

        public uint StartCode { get { return Layout(0); } set { SetLayout(0, value); } }
        public uint EndCode { get { return Layout(1); } set { SetLayout(1, value); } }
        public uint StartData { get { return Layout(2); } set { SetLayout(2, value); } }
        public uint EndData { get { return Layout(3); } set { SetLayout(3, value); } }
        public uint StartBrk { get { return Layout(4); } set { SetLayout(4, value); } }
        public uint Brk { get { return Layout(5); } set { SetLayout(5, value); } }
        public uint StartStack { get { return Layout(6); } set { SetLayout(6, value); } }

        public int MapCount => Vmas.Count;

        /// <summary>Inserts VMA slot <paramref name="v"/> at its place in (start, end, id) order.</summary>
        public void Add(VmaTable t, int v)
        {
            Vmas.Insert(Place(t, v), v);
        }

        /// <summary>Takes VMA slot <paramref name="v"/> out (call before its start or end changes).</summary>
        public void Remove(VmaTable t, int v)
        {
            int i = Place(t, v);
            if (i < Vmas.Count && Vmas[i] == v) Vmas.RemoveAt(i);
        }

        // Where v sits, or would sit, in (start, end, id) order: a binary search.
        private int Place(VmaTable t, int v)
        {
            int lo = 0, hi = Vmas.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (t.Before(Vmas[mid], v)) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>Position of the first VMA whose start is at or above <paramref name="addr"/> (MapCount if
        /// none): binary search.</summary>
        public int FirstAt(VmaTable t, uint addr)
        {
            int lo = 0, hi = Vmas.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (t.Start(Vmas[mid]) < addr) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>find_vma: position (in <see cref="Vmas"/>) of the first VMA in order that contains
        /// <paramref name="addr"/>, or -1. A binary search for the last VMA starting at or below addr, then a
        /// walk back that only VM_MAYSHARE VMAs prolong: only they may overlap others (views of one region or
        /// one file's pages), so any other VMA ends the search.</summary>
        public int Find(VmaTable t, uint addr)
        {
            int lo = 0, hi = Vmas.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (t.Start(Vmas[mid]) <= addr) lo = mid + 1; else hi = mid;
            }
            int found = -1;
            for (int i = lo - 1; i >= 0; i--)
            {
                int v = Vmas[i];
                if (addr < t.End(v)) found = i;
                if ((t.Flags(v) & Vm.VM_MAYSHARE) == 0) break;
            }
            return found;
        }
    }
}
