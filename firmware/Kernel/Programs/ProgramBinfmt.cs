namespace ProcNano
{
    /// <summary>The built-in programs' binary format (<see cref="ProgramHeader"/>, a routine of
    /// <see cref="ProgramTable"/>); the kernel registers it with the loader at boot (as its <see cref="IBinfmt"/>,
    /// which costs the device no object) and the programs run against the syscalls.</summary>
    public static class ProgramBinfmt
    {
        public static int Parse(byte[] header, int len, ExecImage image)
        {
            int e = ProgramHeader.Parse(header, len, image);
            if (e < 0) return e;
            return ProgramTable.Find(image.Name) == null ? -Errno.ENOEXEC : 0;
        }

        public static int Start(ExecImage image, Syscalls sys, BoardConfig board, Task t, string[] argv)
        {
            Program prog = ProgramTable.Find(image.Name);
            return prog == null ? -Errno.ENOEXEC : prog.Start(sys, board, t, argv);
        }
    }
}
