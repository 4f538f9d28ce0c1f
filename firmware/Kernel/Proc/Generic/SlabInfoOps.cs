namespace ProcNano
{
    /// <summary>
    /// /proc/slabinfo: a header line, then one line per kind of kernel object from
    /// <see cref="SlabTable"/>: "%-17s %6lu %6lu %6u %8lu" = name, objects in use, objects allocated,
    /// bytes per object on the managed heap, bytes allocated (num × size). The header follows Linux's
    /// slabinfo 2.1 header for the columns both have; there are no slabs, tunables or per-slab counts.
    /// </summary>
    public sealed class SlabInfoOps : SeqOps
    {
        public override bool KernelLocked => true;

        public const string Header = "# name            <active_objs> <num_objs> <objsize> <total_bytes>\n";

        public override int Start(SeqFile s, int index)
        {
            SlabTable t = s.K.Slab;
            int rows = t == null ? 0 : t.Count;
            return index <= rows ? index : End;
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            if (cursor == 0)
            {
                o.Str(Header);
                return 0;
            }
            IKernelView k = s.K;
            SlabTable t = k.Slab;
            int i = cursor - 1;
            int active = t.Active(i), num = t.Num(i);
            int size = t.ObjSize(i);
            o.StrLeft(t.Name(i), 17);
            o.Char(' ');
            o.Dec(active, 6, ' ');
            o.Char(' ');
            o.Dec(num, 6, ' ');
            o.Char(' ');
            o.Dec(size, 6, ' ');
            o.Char(' ');
            o.Dec((long)num * size, 8, ' ');
            o.Char('\n');
            return 0;
        }
    }
}
