namespace ProcNano
{
    /// <summary>Small printf pieces shared by the per-pid files.</summary>
    public static class PidFormat
    {
        /// <summary>"%-16s%8lu kB\n" of a byte count (smaps' lines), truncated to whole kB as Linux does.</summary>
        public static void Kb(OutBuf o, string label, long bytes)
        {
            o.StrLeft(label, 16);
            o.Dec(bytes >> 10, 8, ' ');
            o.Str(" kB\n");
        }

        /// <summary>As <see cref="Kb"/> for a whole number of pages, rounded up: with pages under 1 KiB (the
        /// ESP32 boards' 256 bytes) a page must not read as 0 kB. Same output as Kb for 1 KiB pages and up.</summary>
        public static void KbPages(OutBuf o, string label, long bytes)
        {
            Kb(o, label, bytes + 1023);
        }

        /// <summary>"Label:\t%8lu bytes\n" (status' NOMMU memory lines).</summary>
        public static void Bytes(OutBuf o, string label, long bytes)
        {
            o.Str(label);
            o.Char('\t');
            o.Dec(bytes, 8, ' ');
            o.Str(" bytes\n");
        }

        /// <summary>"Label:\t%d\n".</summary>
        public static void Field(OutBuf o, string label, long value)
        {
            o.Str(label);
            o.Char('\t');
            o.Dec(value);
            o.Char('\n');
        }

        /// <summary>" %d": the next field of a one-line record (stat, statm).</summary>
        public static void Next(OutBuf o, long value)
        {
            o.Char(' ');
            o.Dec(value);
        }

        /// <summary>The task's pid as the reading superblock's namespace numbers it (0 if not visible).</summary>
        public static int Nr(Task t, SeqFile s)
        {
            return t == null || t.Pid == null ? 0 : t.Pid.NrIn(s.Sb.Ns);
        }
    }
}
