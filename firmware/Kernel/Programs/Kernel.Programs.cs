namespace ProcNano
{
    public sealed partial class Kernel
    {
        /// <summary>/bin holds one program file per built-in program, executable by all (0555).</summary>
        partial void AddRomFiles(RomfsBuilder b)
        {
            Program[] all = ProgramTable.All();
            for (int i = 0; i < all.Length; i++) b.Add(all[i].Name, Stat.S_IFREG | 0x16D, ProgramTable.Image(all[i], Board.PageSize));
        }
    }
}
