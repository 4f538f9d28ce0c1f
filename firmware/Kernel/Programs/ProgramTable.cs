namespace ProcNano
{
    /// <summary>The built-in programs a program file may name, and the ROM each gets in /bin.
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

        /// <summary>The ROM mounted on /bin: a romfs of one program file per built-in program
        /// (<see cref="ProgramFiles"/>), described, not stored, so it takes a few objects of RAM.</summary>
        public static IRom Rom(int pageSize)
        {
            return new DescribedRomfs(new ProgramFiles(All(), pageSize), pageSize);
        }
    }
}
