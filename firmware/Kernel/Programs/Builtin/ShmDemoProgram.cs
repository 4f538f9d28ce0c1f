namespace ProcNano
{
    /// <summary>/bin/shmdemo [KEY [SIZE]]: creates (or finds) a SysV segment, attaches it, writes a greeting
    /// and holds it. Two of them share one segment at one address.</summary>
    public sealed class ShmDemoProgram : Program
    {
        public override string Name => "shmdemo";
        public override string Help => "attach a shm segment (key 0x1234) and hold it";

        public override int Start(Syscalls sys, BoardConfig board, Task t, string[] argv)
        {
            long key = 0x1234, size = 2L * board.PageSize;
            if (argv.Length > 1 && !Num.TryParse(argv[1], out key)) return -Errno.EINVAL;
            if (argv.Length > 2 && !Num.TryParse(argv[2], out size)) return -Errno.EINVAL;
            int id = sys.Shmget(t, (int)key, size, Shm.IPC_CREAT | 0x1B6);
            if (id < 0) return id;
            long addr = sys.Shmat(t, id, 0, 0);
            if (addr < 0) return (int)addr;
            string text = "hello from pid " + t.Tgid.ToString();
            byte[] b = new byte[text.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)text[i];
            int w = sys.WriteMem(t, t, (uint)addr, b, 0, b.Length);
            return w < 0 ? w : 0;
        }
    }
}
