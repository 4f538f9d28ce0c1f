namespace ProcNano
{
    /// <summary>
    /// The machine's flat address space: the RAM arena (page frames from <see cref="PageAllocator"/>) and a
    /// read-only ROM bank (<see cref="IRom"/>) holding the romfs image (execute in place). No MMU: an address
    /// is where the bytes are. Arena bytes are an array anyone may index; ROM bytes are only copied out.
    /// </summary>
    public sealed class PhysMem
    {
        public readonly uint ArenaBase;
        public readonly int PageSize;
        public readonly int PageShift;
        public readonly byte[] Arena;
        public readonly uint RomBase;
        private IRom _rom;

        public PhysMem(uint arenaBase, int pageSize, int pageShift, int pages, uint romBase)
        {
            ArenaBase = arenaBase;
            PageSize = pageSize;
            PageShift = pageShift;
            Arena = new byte[pages * pageSize];
            RomBase = romBase;
        }

        /// <summary>The ROM bank's contents, or null before one is set.</summary>
        public IRom Rom => _rom;
        public uint ArenaEnd => ArenaBase + (uint)Arena.Length;
        public uint RomEnd => RomBase + (uint)(_rom == null ? 0 : _rom.Length);

        public void SetRom(IRom rom) { _rom = rom; }

        /// <summary>A real image as the ROM (tests, a user's own romfs image).</summary>
        public void SetRom(byte[] image) { _rom = new RomBytes(image); }

        /// <summary>Address of page frame <paramref name="pfn"/> of the arena.</summary>
        public uint PageAddress(int pfn) { return ArenaBase + (uint)(pfn << PageShift); }

        /// <summary>Arena PFN of an address (no bounds check; see <see cref="InArena"/>).</summary>
        public int ArenaPfn(uint addr) { return (int)((addr - ArenaBase) >> PageShift); }

        // Offsets, not ends: a bank may end at 2^32, where its end wraps to 0.
        public bool InArena(uint addr) { return addr - ArenaBase < (uint)Arena.Length; }
        public bool InRom(uint addr) { return _rom != null && addr - RomBase < (uint)_rom.Length; }

        /// <summary>Copies <paramref name="count"/> ROM bytes at <paramref name="addr"/> into buf; the range
        /// must lie within the ROM (<see cref="InRom"/> of its first and last byte).</summary>
        public void ReadRom(uint addr, byte[] buf, int off, int count) { _rom.Copy((int)(addr - RomBase), buf, off, count); }

        /// <summary>Clears arena bytes with the runtime's block clear (memset speed on both runtimes).</summary>
        public void Zero(uint addr, int len)
        {
            if (len > 0) System.Array.Clear(Arena, (int)(addr - ArenaBase), len);
        }
    }
}
