namespace ProcNano
{
    /// <summary>
    /// Layout of a ProcNano romfs image (see Fs/README.md): a 32-byte header, a table of entries, then each
    /// file's data at a page-aligned offset so it can be mapped and executed in place. Little-endian.
    /// </summary>
    public static class RomfsFormat
    {
        public const string Magic = "PNROMFS1";
        public const int HeaderSize = 32;
        // Header fields.
        public const int HPageSize = 8, HCount = 12, HImageSize = 16;
        // Entry fields (offsets inside an entry); the name follows at EName, padded to 4 bytes.
        public const int EMode = 0, ESize = 4, EData = 8, EMTime = 12, ENameLen = 16, EName = 20;

        public static int U32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        public static int U16(byte[] b, int at) { return b[at] | (b[at + 1] << 8); }

        public static void PutU32(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        public static void PutU16(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        /// <summary>Bytes an entry with a name of <paramref name="nameLen"/> characters takes in the table.</summary>
        public static int EntrySize(int nameLen) { return (EName + nameLen + 3) & ~3; }

        /// <summary>True if <paramref name="b"/> starts with the magic.</summary>
        public static bool HasMagic(byte[] b)
        {
            if (b == null || b.Length < HeaderSize) return false;
            for (int i = 0; i < Magic.Length; i++) if (b[i] != (byte)Magic[i]) return false;
            return true;
        }
    }
}
