namespace ProcNano
{
    /// <summary>A growable int array (the device has no List&lt;int&gt;). Steady-state use that stays under the
    /// high-water mark never allocates. It grows by half (4 to 64 ints at a time), not by doubling: the unused
    /// tail stays small and a grow's transient copy stays under a kilobyte for the lists the kernel keeps.</summary>
    public class IntList
    {
        private int[] _items;
        private int _count;

        public IntList(int capacity) { _items = new int[capacity < 1 ? 1 : capacity]; }

        public int Count => _count;
        public int Capacity => _items.Length;
        public int this[int i] { get { return _items[i]; } set { _items[i] = value; } }

        public void Add(int v) { Insert(_count, v); }

        public void Insert(int index, int v)
        {
            if (_count == _items.Length) Resize(_count + GrowStep(_count));
            if (index < _count) System.Array.Copy(_items, index, _items, index + 1, _count - index);   // one block move
            _items[index] = v;
            _count++;
        }

        /// <summary>Makes room for <paramref name="capacity"/> items, so that inserts up to it cannot fail;
        /// false (nothing changed) when the managed heap cannot hold the larger array.</summary>
        public bool Reserve(int capacity)
        {
            if (capacity <= _items.Length) return true;
            int step = GrowStep(_items.Length);
            if (capacity < _items.Length + step) capacity = _items.Length + step;
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

        private void Resize(int capacity)
        {
            int[] n = new int[capacity];
            System.Array.Copy(_items, n, _count);
            _items = n;
        }

        public void RemoveAt(int index)
        {
            _count--;
            if (index < _count) System.Array.Copy(_items, index + 1, _items, index, _count - index);
        }

        public int IndexOf(int v)
        {
            for (int i = 0; i < _count; i++) if (_items[i] == v) return i;
            return -1;
        }

        public bool Remove(int v)
        {
            int i = IndexOf(v);
            if (i < 0) return false;
            RemoveAt(i);
            return true;
        }

        public void Clear() { _count = 0; }
    }
}
