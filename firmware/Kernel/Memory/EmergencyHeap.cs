namespace ProcNano
{
    /// <summary>
    /// Managed heap held back while an exec runs, for undoing it. nanoCLR takes even stack frames from the
    /// managed heap, so once an exec has run out part-way, the calls that undo it (exit_mmap, freeing pages)
    /// could run out too and leave the tables half torn down. The exec holds this block from its start
    /// (<see cref="Arm"/>); a failure lets it go and collects (<see cref="Release"/>), so the undoing has room;
    /// the exec drops it when it returns (<see cref="Disarm"/>). Between execs nothing is held: the block costs
    /// no heap at the prompt. Only device boards use one: on the host the heap never runs out part-way.
    /// </summary>
    public sealed class EmergencyHeap
    {
        /// <summary>Bytes held on a device board. A C3 heap sweep (52,500 to 54,200 bytes in steps of 20,
        /// run-nanoclr.sh --script selftest) left the tables inconsistent after a failed exec at 11 heap sizes
        /// with 512 bytes and at none with 1024.</summary>
        public const int DeviceSize = 1024;

        private byte[] _block;
        private int _size;
        private IPlatform _platform;

        /// <summary>Holds <paramref name="size"/> bytes while armed from now on (0: none); the heap query of
        /// <paramref name="platform"/> runs the collector (nanoCLR's GC.Run), which <see cref="Release"/> needs.</summary>
        public void Use(int size, IPlatform platform)
        {
            _size = size;
            _platform = platform;
        }

        /// <summary>Bytes held while armed (0 on the host).</summary>
        public int Size => _size;
        /// <summary>The block is held.</summary>
        public bool Held => _block != null;

        /// <summary>Takes the block before an exec; false when the heap cannot spare it (the exec answers
        /// ENOMEM before it starts).</summary>
        public bool Arm()
        {
            if (_block != null || _size == 0) return true;
            try
            {
                _block = new byte[_size];
                return true;
            }
            catch (System.OutOfMemoryException)
            {
                return false;
            }
        }

        /// <summary>Drops the block when the exec returns.</summary>
        public void Disarm() { _block = null; }

        /// <summary>Lets the block go and collects: before undoing after an OutOfMemoryException. Measured on
        /// nanoCLR: without the collection the undoing still ran out at many heap sizes.</summary>
        public void Release()
        {
            _block = null;
            if (_platform != null) _ = _platform.ManagedHeapFree;   // the query runs the collector
        }
    }
}
