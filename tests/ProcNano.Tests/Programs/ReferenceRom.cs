using ProcNano;

namespace ProcNano.Tests.Programs
{
    /// <summary>The /bin image as the kernel stored it before the ROM was described (the old
    /// ProgramTable.BuildRom and Image, kept verbatim): what the described ROM must equal byte for byte.</summary>
    public static class ReferenceRom
    {
        public static byte[] Build(int pageSize)
        {
            RomfsBuilder b = new RomfsBuilder();
            Program[] all = ProgramTable.All();
            for (int i = 0; i < all.Length; i++) b.Add(all[i].Name, Stat.S_IFREG | 0x16D, Image(all[i], pageSize));
            return b.Build(pageSize);
        }

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
            for (int i = ProgramHeader.Size; i < h.TextSize; i++) img[i] = (byte)(i & 0xFF);
            for (int i = 0; i < greeting.Length; i++) img[h.TextSize + i] = (byte)greeting[i];
            return img;
        }

        /// <summary>All of <paramref name="rom"/>, copied out in one call.</summary>
        public static byte[] Bytes(IRom rom)
        {
            byte[] b = new byte[rom.Length];
            rom.Copy(0, b, 0, b.Length);
            return b;
        }
    }
}
