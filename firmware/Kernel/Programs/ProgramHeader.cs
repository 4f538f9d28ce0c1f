namespace ProcNano
{
    /// <summary>
    /// The program file format (documented in Programs/README.md): a 32-byte little-endian header at offset 0
    /// that is itself part of the text segment, so the text maps from file page 0 in place (romfs) or as one
    /// shared copy (flash). Data follows the text in the file; bss and stack exist only in memory.
    /// </summary>
    public sealed class ProgramHeader : ExecImage
    {
        public const int Size = BufSize;
        public const int NameLength = 12;
        public const byte Magic0 = 0x7F, Magic1 = (byte)'P', Magic2 = (byte)'N', Magic3 = (byte)'X';

        /// <summary>Parses a header; -ENOEXEC if the bytes are not one.</summary>
        public static int Parse(byte[] b, int len, ExecImage h)
        {
            if (len < Size || b[0] != Magic0 || b[1] != Magic1 || b[2] != Magic2 || b[3] != Magic3) return -Errno.ENOEXEC;
            int n = 0;
            while (n < NameLength && b[4 + n] != 0) n++;
            char[] name = new char[n];
            for (int i = 0; i < n; i++) name[i] = (char)b[4 + i];
            h.Name = new string(name);
            h.TextSize = ReadLe(b, 16);
            h.DataSize = ReadLe(b, 20);
            h.BssSize = ReadLe(b, 24);
            h.StackSize = ReadLe(b, 28);
            if (h.TextSize < Size || h.DataSize < 0 || h.BssSize < 0 || h.StackSize <= 0) return -Errno.ENOEXEC;
            return 0;
        }

        public void Write(byte[] b)
        {
            b[0] = Magic0; b[1] = Magic1; b[2] = Magic2; b[3] = Magic3;
            for (int i = 0; i < NameLength; i++) b[4 + i] = i < Name.Length ? (byte)Name[i] : (byte)0;
            WriteLe(b, 16, TextSize);
            WriteLe(b, 20, DataSize);
            WriteLe(b, 24, BssSize);
            WriteLe(b, 28, StackSize);
        }

        private static int ReadLe(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        private static void WriteLe(byte[] b, int at, int v)
        {
            b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); b[at + 2] = (byte)(v >> 16); b[at + 3] = (byte)(v >> 24);
        }
    }
}
