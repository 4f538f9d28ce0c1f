namespace ProcNano
{
    /// <summary>
    /// What kernel objects cost on nanoFramework's managed heap (12 B per object header and per field, arrays 20 B plus elements; measured on the 32-bit runtime, see firmware/VirtualDevice):
    /// every heap block is 12 bytes; an object with N fields costs 12 × (N + 1); an array costs a 20-byte
    /// header plus its elements (int 4, reference 12, byte 1), rounded up to 12. Field counts are constants
    /// here (the device has no reflection to count them); a host test checks them against the real classes.
    /// </summary>
    public static class Footprint
    {
        public const int TaskFields = 10, PidFields = 4, MmFields = 5, IntListFields = 2, FileFields = 6,
            InodeFields = 5, FdTableFields = 1, ShmSegmentFields = 15;
        /// <summary>Int columns per region slot (Start End Top Flags Pgoff File Usage) plus its slot in the
        /// address-ordered index.</summary>
        public const int RegionColumns = 7 + 1;
        /// <summary>Int columns per VMA slot (Start End Flags Region) plus its slot in its mm's list.</summary>
        public const int VmaColumns = 4 + 1;

        public static int Object(int fields) { return 12 * (fields + 1); }

        public static int Array(int length, int elementSize) { return RoundUp(20 + length * elementSize); }

        public static int RoundUp(int n) { return (n + 11) / 12 * 12; }

        /// <summary>One region: 4 bytes per column (kobjsize(region) in Linux's task_mem terms).</summary>
        public static int RegionBytes => 4 * RegionColumns;
        /// <summary>One VMA.</summary>
        public static int VmaBytes => 4 * VmaColumns;
        /// <summary>An mm (which is its VMA list; the list's array is counted per VMA) and its layout array.</summary>
        public static int MmBytes => Object(MmFields) + Array(7, 4);
        /// <summary>A task, its fd table included (the table is its base class; fd slots are counted per open
        /// file below).</summary>
        public static int TaskBytes => Object(TaskFields);
        /// <summary>A pid numbered in one namespace (its number is a field; a pid of a child namespace has an
        /// array of its numbers too; the namespace chain is the namespace's, shared).</summary>
        public static int PidBytes => Object(PidFields);
        public static int FileBytes => Object(FileFields);
        public static int InodeBytes => Object(InodeFields);
        public static int ShmSegmentBytes => Object(ShmSegmentFields);
        /// <summary>A mount (point, superblock, covered inode) and its slot in the mount list.</summary>
        public static int VfsMountBytes => Object(3) + 12;
    }
}
