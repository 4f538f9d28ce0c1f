namespace ProcNano
{
    /// <summary>The pool of seq buffers open files read through (made on the first close, not at boot).</summary>
    public sealed partial class ProcTree
    {
        /// <summary>Seq buffer handed to each open file; records longer than this grow their own buffer.</summary>
        public const int SeqBufSize = 256;
        private const int PoolMax = 4;

        // Filled from slot 0 up and emptied from the top, so the first null ends the buffers: no count field
        // (12 B on the device) for four slots.
        private OutBuf[] _pool;

        /// <summary>A reader for <paramref name="pf"/> with a buffer from the pool (or a fresh one).</summary>
        public SeqFile NewSeqFile(ProcFile pf, SeqOps ops)
        {
            return new SeqFile(this, pf, ops, GetBuf());
        }

        internal OutBuf GetBuf()
        {
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                int n = Pooled();
                if (n > 0)
                {
                    OutBuf b = _pool[n - 1];
                    _pool[n - 1] = null;
                    return b;
                }
            }
            return new OutBuf(SeqBufSize);
        }

        /// <summary>Keeps a few buffers for the next opens; grown ones are dropped so a single long record does
        /// not pin memory.</summary>
        internal void PutBuf(OutBuf b)
        {
            if (b.Capacity > SeqBufSize * 4) return;
            LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this)
            {
                if (_pool == null) _pool = new OutBuf[PoolMax];
                int n = Pooled();
                if (n < PoolMax) _pool[n] = b;
            }
        }

        /// <summary>Buffers waiting in the pool (for tests and /proc/slabinfo).</summary>
        public int PooledBuffers
        {
            get { LockOrder.Check(this, LockOrder.ProcTreeRank); lock (this) return Pooled(); }
        }

        private int Pooled()
        {
            int n = 0;
            if (_pool != null) while (n < PoolMax && _pool[n] != null) n++;
            return n;
        }
    }
}
