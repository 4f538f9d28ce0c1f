namespace ProcNano
{
    /// <summary>
    /// /proc/sysvipc/shm: a header line, then one line per segment in id order, in Linux's 32-bit layout
    /// "%10d %10d  %4o %10u %5u %5u  %5lu %5u %5u %5u %5u %10lu %10lu %10lu" = key, shmid, perms, size, cpid,
    /// lpid, nattch, uid, gid, cuid, cgid, atime, dtime, ctime. A segment removed while still attached shows
    /// key 0 and SHM_DEST (01000) in its perms, as Linux marks it. Pids are as the segment recorded them.
    /// </summary>
    public sealed class SysvShmOps : SeqOps
    {
        public override bool KernelLocked => true;

        public const string Header =
            "       key      shmid perms       size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime\n";

        public override int Start(SeqFile s, int index)
        {
            IKernelView k = s.K;
            return index <= k.Shm.Count ? index : End;
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            if (cursor == 0)
            {
                o.Str(Header);
                return 0;
            }
            IKernelView k = s.K;
            if (cursor > k.Shm.Count) return 0;   // went since Start
            ShmSegment g = k.Shm[cursor - 1];
            o.Dec(g.Key, 10, ' ');
            o.Char(' ');
            o.Dec(g.Id, 10, ' ');
            o.Str("  ");
            o.Oct((ulong)g.Mode, 4, ' ');   // SHM_DEST is the segment's own mode bit once removed
            o.Char(' ');
            o.Dec(g.Size, 10, ' ');
            Col(o, g.CreatorPid, 5);
            Col(o, g.LastPid, 5);
            o.Str("  ");
            o.Dec(g.Nattch, 5, ' ');
            Col(o, g.Uid, 5);
            Col(o, g.Gid, 5);
            Col(o, g.Cuid, 5);
            Col(o, g.Cgid, 5);
            Col(o, g.ATime, 10);
            Col(o, g.DTime, 10);
            Col(o, g.CTime, 10);
            o.Char('\n');
            return 0;
        }

        private static void Col(OutBuf o, long v, int width)
        {
            o.Char(' ');
            o.Dec(v, width, ' ');
        }
    }
}
