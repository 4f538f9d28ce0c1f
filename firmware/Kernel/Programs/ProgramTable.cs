namespace ProcNano
{
    /// <summary>The built-in programs a program file may name, and the image each gets in /bin.
    /// Adding a program is adding a row.</summary>
    public static class ProgramTable
    {
        /// <summary>Every built-in program (a fresh array per call: the device has no readonly static arrays
        /// in flash, and kernels must not share mutable state).</summary>
        public static Program[] All()
        {
            return new Program[]
            {
                new InitProgram(),
                new ShellProgram(),
                new HoldProgram(),
                new ShmDemoProgram(),
                new MapFileProgram(),
                new TrueProgram(),
            };
        }

        public static Program Find(string name)
        {
            Program[] all = All();
            for (int i = 0; i < all.Length; i++) if (all[i].Name == name) return all[i];
            return null;
        }

        /// <summary>The ROM image mounted on /bin: one program file per built-in program, executable by all
        /// (0555).</summary>
        public static byte[] BuildRom(int pageSize)
        {
            RomfsBuilder b = new RomfsBuilder();
            Program[] all = All();
            for (int i = 0; i < all.Length; i++) b.Add(all[i].Name, Stat.S_IFREG | 0x16D, Image(all[i], pageSize));
            return b.Build(pageSize);
        }

        /// <summary>The program file for <paramref name="p"/>: header + text filler, then initialised data
        /// (its greeting), sized so that text spans more than one page on the host board.</summary>
        public static byte[] Image(Program p, int pageSize)
        {
            ProgramHeader h = new ProgramHeader();
            h.Name = p.Name;
            h.TextSize = pageSize + pageSize / 4;
            string greeting = p.Name + ": " + p.Help;
            h.DataSize = greeting.Length + 1;
            h.BssSize = pageSize / 2;
            h.StackSize = pageSize;
            byte[] img = new byte[h.TextSize + h.DataSize];
            h.Write(img);
            // Text filler: a recognisable pattern so hexdump of a text page shows something.
            for (int i = ProgramHeader.Size; i < h.TextSize; i++) img[i] = (byte)(i & 0xFF);
            for (int i = 0; i < greeting.Length; i++) img[h.TextSize + i] = (byte)greeting[i];
            return img;
        }
    }
}
