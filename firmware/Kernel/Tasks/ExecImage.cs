namespace ProcNano
{
    /// <summary>
    /// What exec learns from a program file's header (Linux's linux_binprm, cut down): the sizes of the segments
    /// the loader maps and the name of the routine the binary format starts. The format itself (how a header is
    /// laid out, which routines exist) is the registered <see cref="IBinfmt"/>'s.
    /// </summary>
    public class ExecImage
    {
        /// <summary>Bytes at the start of a file the loader reads for the format to recognise (BINPRM_BUF_SIZE).</summary>
        public const int BufSize = 32;
        /// <summary>A start routine's result that ends the task at once with status 0.</summary>
        public const int ExitNow = 1;

        public string Name;
        public int TextSize;   // bytes from file offset 0, header included
        public int DataSize;   // bytes at file offset TextSize
        public int BssSize;
        public int StackSize;
    }
}
