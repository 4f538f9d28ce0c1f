namespace ProcNano
{
    /// <summary>A growable int array (the device has no List&lt;int&gt;). Grows by doubling, so steady-state use
    /// that stays under the high-water mark never allocates.</summary>
    public sealed class IntList
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
            if (_count == _items.Length)
            {
                int[] n = new int[_items.Length * 2];
                for (int i = 0; i < _count; i++) n[i] = _items[i];
                _items = n;
            }
            for (int i = _count; i > index; i--) _items[i] = _items[i - 1];
            _items[index] = v;
            _count++;
        }

        public void RemoveAt(int index)
        {
            _count--;
            for (int i = index; i < _count; i++) _items[i] = _items[i + 1];
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
