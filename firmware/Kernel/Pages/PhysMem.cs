namespace ProcNano
{
    /// <summary>
    /// The machine's flat address space: the RAM arena (page frames from <see cref="PageAllocator"/>) and a
    /// read-only ROM bank holding the romfs image (execute in place). No MMU: an address is where the bytes are.
    /// </summary>
    public sealed class PhysMem
    {
        public readonly uint ArenaBase;
        public readonly int PageSize;
        public readonly int PageShift;
        public readonly byte[] Arena;
        public readonly uint RomBase;
        private byte[] _rom = new byte[0];

        public PhysMem(uint arenaBase, int pageSize, int pageShift, int pages, uint romBase)
        {
            ArenaBase = arenaBase;
            PageSize = pageSize;
            PageShift = pageShift;
            Arena = new byte[pages * pageSize];
            RomBase = romBase;
        }

        public byte[] Rom => _rom;
        public uint ArenaEnd => ArenaBase + (uint)Arena.Length;

        public void SetRom(byte[] image) { _rom = image; }

        /// <summary>Address of page frame <paramref name="pfn"/> of the arena.</summary>
        public uint PageAddress(int pfn) { return ArenaBase + (uint)(pfn << PageShift); }

        /// <summary>Arena PFN of an address (no bounds check; see <see cref="InArena"/>).</summary>
        public int ArenaPfn(uint addr) { return (int)((addr - ArenaBase) >> PageShift); }

        public bool InArena(uint addr) { return addr >= ArenaBase && addr < ArenaEnd; }
        public bool InRom(uint addr) { return addr >= RomBase && addr - RomBase < (uint)_rom.Length; }

        /// <summary>The byte array that backs <paramref name="addr"/> and the index of the byte in it, or null.</summary>
        public byte[] Resolve(uint addr, out int index)
        {
            if (InArena(addr)) { index = (int)(addr - ArenaBase); return Arena; }
            if (InRom(addr)) { index = (int)(addr - RomBase); return _rom; }
            index = 0;
            return null;
        }

        public void Zero(uint addr, int len)
        {
            int i = (int)(addr - ArenaBase);
            for (int n = 0; n < len; n++) Arena[i + n] = 0;
        }
    }
}
