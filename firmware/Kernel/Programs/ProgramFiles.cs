namespace ProcNano
{
    /// <summary>
    /// The program files of /bin, one per built-in program, described rather than stored: a file is a pure
    /// function of its program (header, text filler, greeting), so its bytes are computed when read. The
    /// layout of one file (Programs/README.md): the header, then text filler <c>(byte)(i &amp; 0xFF)</c> up to the
    /// text size (a page and a quarter, so text spans more than one page), then the greeting
    /// "name: help" and a NUL as initialised data.
    /// </summary>
    public sealed class ProgramFiles : IRomfsFiles
    {
        /// <summary>Mode of every program file: executable by all (0555).</summary>
        public const int FileMode = Stat.S_IFREG | 0x16D;
        private const string Separator = ": ";
        private readonly Program[] _all;
        private readonly int _pageSize;

        public ProgramFiles(Program[] all, int pageSize)
        {
            _all = all;
            _pageSize = pageSize;
        }

        public int Count => _all.Length;
        public string Name(int i) { return _all[i].Name; }
        public int Mode(int i) { return FileMode; }
        public int Size(int i) { return TextSize + DataSize(_all[i]); }

        private int TextSize => _pageSize + _pageSize / 4;
        private static int DataSize(Program p) { return p.Name.Length + Separator.Length + p.Help.Length + 1; }

        /// <summary>The header of <paramref name="p"/>'s file.</summary>
        public ProgramHeader Header(Program p)
        {
            ProgramHeader h = new ProgramHeader();
            h.Name = p.Name;
            h.TextSize = TextSize;
            h.DataSize = DataSize(p);
            h.BssSize = _pageSize / 2;
            h.StackSize = _pageSize;
            return h;
        }

        public void Copy(int i, int pos, byte[] buf, int off, int count)
        {
            Program p = _all[i];
            int text = TextSize;
            byte[] header = null;
            for (int n = 0; n < count; n++)
            {
                int at = pos + n;
                byte v;
                if (at < ProgramHeader.Size)
                {
                    if (header == null)
                    {
                        header = new byte[ProgramHeader.Size];
                        Header(p).Write(header);
                    }
                    v = header[at];
                }
                else if (at < text) v = (byte)(at & 0xFF);  // text filler: a pattern hexdump shows
                else v = GreetingByte(p, at - text);
                buf[off + n] = v;
            }
        }

        // Byte j of "name: help" and its NUL.
        private static byte GreetingByte(Program p, int j)
        {
            string name = p.Name;
            if (j < name.Length) return (byte)name[j];
            j -= name.Length;
            if (j < Separator.Length) return (byte)Separator[j];
            j -= Separator.Length;
            string help = p.Help;
            return j < help.Length ? (byte)help[j] : (byte)0;
        }
    }
}
