namespace ProcNano
{
    /// <summary>One int field of every row of a <see cref="RowChunks"/>, indexed by row like an array.</summary>
    public sealed class IntColumn
    {
        private readonly RowChunks _rows;
        private readonly int _field;

        public IntColumn(RowChunks rows, int field) { _rows = rows; _field = field; }

        public int this[int row]
        {
            get { return _rows.Get(row, _field); }
            set { _rows.Set(row, _field, value); }
        }
    }

    /// <summary>An address field (uint) of every row of a <see cref="RowChunks"/>.</summary>
    public sealed class UIntColumn
    {
        private readonly RowChunks _rows;
        private readonly int _field;

        public UIntColumn(RowChunks rows, int field) { _rows = rows; _field = field; }

        public uint this[int row]
        {
            get { return (uint)_rows.Get(row, _field); }
            set { _rows.Set(row, _field, (int)value); }
        }
    }
}
