namespace ProcNano
{
    /// <summary>
    /// Rows of a fixed number of int fields, stored in chunks of <see cref="ChunkRows"/> rows, one int[] per
    /// chunk. Growing adds one chunk and never copies rows: no transient doubling, and the unused tail is at
    /// most one chunk. On the device a row costs 4 bytes a field, where an object would cost 12 a field + 12.
    /// Tables extend it (one object, not a table and its store).
    /// </summary>
    public class RowChunks
    {
        public const int ChunkShift = 4;
        public const int ChunkRows = 1 << ChunkShift;
        private const int ChunkMask = ChunkRows - 1;

        private readonly int _fields;
        private int[][] _chunks;
        private int _count;

        public RowChunks(int fields, int chunks)
        {
            _fields = fields;
            _chunks = new int[chunks < 1 ? 1 : chunks][];
            for (int i = 0; i < chunks; i++) _chunks[i] = new int[ChunkRows * fields];
            _count = chunks;
        }

        /// <summary>Rows the table can hold without growing.</summary>
        public int Capacity => _count << ChunkShift;

        public int Get(int row, int field) { return _chunks[row >> ChunkShift][(row & ChunkMask) * _fields + field]; }

        public void Set(int row, int field, int value) { _chunks[row >> ChunkShift][(row & ChunkMask) * _fields + field] = value; }

        /// <summary>Adds one chunk of rows; false (nothing changed) when the managed heap cannot hold it.</summary>
        public bool TryGrow()
        {
            try
            {
                int[] chunk = new int[ChunkRows * _fields];
                if (_count == _chunks.Length)
                {
                    int[][] dir = new int[_chunks.Length + 4][];
                    for (int i = 0; i < _count; i++) dir[i] = _chunks[i];
                    _chunks = dir;
                }
                _chunks[_count++] = chunk;
                return true;
            }
            catch (System.OutOfMemoryException)
            {
                return false;
            }
        }
    }
}
