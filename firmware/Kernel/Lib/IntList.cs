namespace ProcNano
{
    /// <summary>
    /// A growable int array (the device has no List&lt;int&gt;), kept as a gap buffer: the unused capacity sits
    /// where the last insert or removal happened, so the next one near it moves only the items between (the
    /// kernel's ordered lists — the region tree, each mm's VMAs — are changed where a map was just made or
    /// undone), and indexing stays one array access, which the binary searches over these lists need. Moving
    /// the gap far is one block move (Array.Copy). Steady-state use under the high-water mark never allocates.
    /// It grows by half (4 to 64 ints at a time), not by doubling: the unused tail stays small and a grow's
    /// transient copy stays under a kilobyte for the lists the kernel keeps. At most <see cref="MaxItems"/> items:
    /// the count and the gap share one int field (each field is 12 bytes of the device's heap, in every mm).
    /// </summary>
    public class IntList
    {
        /// <summary>Most items a list holds (Linux's max_map_count, 65530, fits).</summary>
        public const int MaxItems = 0xFFFF;

        private int[] _items;
        // Count in the low 16 bits, the gap's start (a logical index) in the high 16.
        private int _countGap;

        public IntList(int capacity) { _items = new int[capacity < 1 ? 1 : capacity]; }

        public int Count => _countGap & 0xFFFF;
        public int Capacity => _items.Length;
        private int Gap => (int)((uint)_countGap >> 16);
        private void Set(int count, int gap) { _countGap = count | (gap << 16); }

        public int this[int i]
        {
            get { return _items[i < Gap ? i : i + _items.Length - Count]; }
            set { _items[i < Gap ? i : i + _items.Length - Count] = value; }
        }

        public void Add(int v) { Insert(Count, v); }

        public void Insert(int index, int v)
        {
            int count = Count;
            if (count == _items.Length) Resize(count + GrowStep(count));
            MoveGap(index);
            _items[index] = v;
            Set(count + 1, index + 1);
        }

        public void RemoveAt(int index)
        {
            MoveGap(index + 1);
            Set(Count - 1, index);   // the item joins the gap
        }

        /// <summary>Makes room for <paramref name="capacity"/> items, so that inserts up to it cannot fail;
        /// false (nothing changed) when the managed heap cannot hold the larger array, or past MaxItems.</summary>
        public bool Reserve(int capacity)
        {
            if (capacity <= _items.Length) return true;
            if (capacity > MaxItems) return false;
            int step = GrowStep(_items.Length);
            if (capacity < _items.Length + step) capacity = _items.Length + step;
            if (capacity > MaxItems) capacity = MaxItems;
            try
            {
                Resize(capacity);
                return true;
            }
            catch (System.OutOfMemoryException)
            {
                return false;
            }
        }

        private static int GrowStep(int n)
        {
            int step = n / 2;
            return step < 4 ? 4 : step > 64 ? 64 : step;
        }

        // Puts the gap at logical index g: the items between the old and the new place cross it in one move.
        private void MoveGap(int g)
        {
            int gap = Gap, len = _items.Length - Count;
            if (g < gap) System.Array.Copy(_items, g, _items, g + len, gap - g);
            else if (g > gap) System.Array.Copy(_items, gap + len, _items, gap, g - gap);
            Set(Count, g);
        }

        // A larger array with the items in order and the gap at the end.
        private void Resize(int capacity)
        {
            if (capacity > MaxItems) throw new System.OutOfMemoryException();
            int count = Count, gap = Gap;
            int[] n = new int[capacity];
            System.Array.Copy(_items, n, gap);
            System.Array.Copy(_items, gap + _items.Length - count, n, gap, count - gap);
            _items = n;
            Set(count, count);
        }

        public int IndexOf(int v)
        {
            int count = Count;
            for (int i = 0; i < count; i++) if (this[i] == v) return i;
            return -1;
        }

        public bool Remove(int v)
        {
            int i = IndexOf(v);
            if (i < 0) return false;
            RemoveAt(i);
            return true;
        }

        public void Clear() { Set(0, 0); }
    }
}
