namespace ProcNano
{
    /// <summary>
    /// Hex dumps of files: `xxd FILE` (xxd's default layout: "00000000: 6865 6c6c 6f0a ... hello.") and
    /// `hexdump -C FILE` (hexdump's canonical layout, identical lines squeezed to "*", then the end offset).
    /// `hexdump [-p PID] ADDR LEN` of memory stays in <see cref="MemoryCommands"/>: the -C with one operand
    /// tells them apart. Both stream through <see cref="Shell.IoBuf"/>, 16 bytes a line.
    /// </summary>
    public static partial class TextCommands
    {
        private const int PerLine = 16;

        public static int Xxd(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage("xxd");
            return Dump(sh, "xxd", argv[1], false);
        }

        /// <summary>hexdump -C FILE (MemoryCommands.Hexdump hands it over).</summary>
        public static int HexdumpFile(Shell sh, string path) { return Dump(sh, "hexdump", path, true); }

        private static int Dump(Shell sh, string cmd, string path, bool canonical)
        {
            int fd = sh.Sys.Open(sh.Task, path, File.O_RDONLY, 0);
            if (fd < 0) return sh.Fail(cmd, path, fd);
            byte[] buf = sh.IoBuf;
            // hexdump's squeeze compares each line with the last one printed; it may sit in the previous read.
            byte[] prev = canonical ? new byte[PerLine] : null;
            int prevLen = -1;
            bool starred = false;
            long off = 0;
            int status = Shell.StatusOk;
            while (true)
            {
                // Whole lines per read (the buffer is a multiple of 16): a short read only at the end.
                int have = 0;
                while (have < buf.Length)
                {
                    int r = sh.Sys.Read(sh.Task, fd, buf, have, buf.Length - have);
                    if (r < 0)
                    {
                        status = sh.Fail(cmd, path, r);
                        break;
                    }
                    if (r == 0) break;
                    have += r;
                }
                if (status != Shell.StatusOk || have == 0) break;
                for (int i = 0; i < have; i += PerLine)
                {
                    int n = have - i < PerLine ? have - i : PerLine;
                    if (!canonical)
                    {
                        XxdLine(sh.Out, (uint)(off + i), buf, i, n);
                        continue;
                    }
                    if (n == prevLen && SameBytes(prev, buf, i, n))
                    {
                        if (!starred) sh.Out.Line("*");
                        starred = true;
                        continue;
                    }
                    starred = false;
                    MemoryCommands.HexLine(sh.Out, (uint)(off + i), buf, i, n);
                    for (int k = 0; k < n; k++) prev[k] = buf[i + k];
                    prevLen = n;
                }
                off += have;
                if (have < buf.Length) break;
            }
            sh.Sys.Close(sh.Task, fd);
            if (canonical && off > 0 && status == Shell.StatusOk)
            {
                sh.Out.Hex((ulong)off, 8);
                sh.Out.Char('\n');
            }
            return status;
        }

        private static bool SameBytes(byte[] a, byte[] b, int off, int n)
        {
            for (int k = 0; k < n; k++) if (a[k] != b[off + k]) return false;
            return true;
        }

        /// <summary>"00000000: 6865 6c6c 6f0a                           hello.": byte pairs, the text column
        /// at the same place on a short last line.</summary>
        private static void XxdLine(ShellWriter o, uint addr, byte[] b, int off, int count)
        {
            o.Hex(addr, 8);
            o.Str(": ");
            for (int j = 0; j < PerLine; j++)
            {
                if (j < count) o.Hex(b[off + j], 2);
                else o.Str("  ");
                if ((j & 1) == 1 && j < PerLine - 1) o.Char(' ');
            }
            o.Str("  ");
            for (int j = 0; j < count; j++)
            {
                byte c = b[off + j];
                o.Char(c >= 0x20 && c < 0x7f ? (char)c : '.');
            }
            o.Char('\n');
        }
    }
}
