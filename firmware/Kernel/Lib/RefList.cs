namespace ProcNano
{
    /// <summary>
    /// A list of object references for the kernel's tables: nanoFramework's ArrayList costs 120 bytes even
    /// when empty (its first array is made up front), this one 36 until the first add, then grows by half
    /// (at least 2 slots). Not thread-safe; the owners lock.
    /// </summary>
    public sealed class RefList
    {
        private object[] _items;
        private int _count;

        public int Count => _count;

        public object this[int i]
        {
            get { return _items[i]; }
            set { _items[i] = value; }
        }

        public void Add(object o) { Insert(_count, o); }

        public void Insert(int index, object o)
        {
            if (_items == null || _count == _items.Length)
            {
                int n = _count + (_count < 4 ? 2 : _count / 2);
                object[] a = new object[n];
                for (int i = 0; i < _count; i++) a[i] = _items[i];
                _items = a;
            }
            if (index < _count) System.Array.Copy(_items, index, _items, index + 1, _count - index);
            _items[index] = o;
            _count++;
        }

        public int IndexOf(object o)
        {
            for (int i = 0; i < _count; i++) if (_items[i] == o) return i;
            return -1;
        }

        public void RemoveAt(int index)
        {
            _count--;
            if (index < _count) System.Array.Copy(_items, index + 1, _items, index, _count - index);
            _items[_count] = null;
        }

        public void Remove(object o)
        {
            int i = IndexOf(o);
            if (i >= 0) RemoveAt(i);
        }

        public void Clear()
        {
            for (int i = 0; i < _count; i++) _items[i] = null;
            _count = 0;
        }
    }
}
