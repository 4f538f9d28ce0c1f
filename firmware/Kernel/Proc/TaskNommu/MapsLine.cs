namespace ProcNano
{
    /// <summary>
    /// One line of /proc/maps (a region) or /proc/&lt;pid&gt;/maps (a VMA), NOMMU style:
    /// "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu " then, for a file, spaces up to column 49
    /// (25 + 6 × a 32-bit pointer's size) and the path.
    /// </summary>
    public static class MapsLine
    {
        public const int PathColumn = 25 + 6 * 4;

        public static void Region(OutBuf o, MemoryManager m, int r)
        {
            RegionTable t = m.Regions;
            Write(o, m, t.Start(r), t.End(r), t.Flags(r), t.Pgoff(r), m.RegionFile(r));
        }

        public static void Vma(OutBuf o, MemoryManager m, int v)
        {
            VmaTable t = m.Vmas;
            Write(o, m, t.Start(v), t.End(v), t.Flags(v), m.VmaPgoff(v), m.VmaFile(v));
        }

        private static void Write(OutBuf o, MemoryManager m, uint start, uint end, int flags, int pgoff, File file)
        {
            o.Hex(start, 8, '0');
            o.Char('-');
            o.Hex(end, 8, '0');
            o.Char(' ');
            o.Char((flags & Vm.VM_READ) != 0 ? 'r' : '-');
            o.Char((flags & Vm.VM_WRITE) != 0 ? 'w' : '-');
            o.Char((flags & Vm.VM_EXEC) != 0 ? 'x' : '-');
            o.Char((flags & Vm.VM_SHARED) != 0 ? 'S' : (flags & Vm.VM_MAYSHARE) != 0 ? 's' : 'p');
            o.Char(' ');
            o.Hex((ulong)pgoff << m.PageShift, 8, '0');
            o.Char(' ');
            Inode ino = file == null ? null : file.Inode;
            o.Hex(ino == null || ino.Sb == null ? 0UL : (ulong)ino.Sb.Major, 2, '0');
            o.Char(':');
            o.Hex(ino == null || ino.Sb == null ? 0UL : (ulong)ino.Sb.Minor, 2, '0');
            o.Char(' ');
            o.Dec(ino == null ? 0 : ino.Ino);
            o.Char(' ');
            if (file != null)
            {
                o.PadTo(PathColumn);
                o.Str(file.Path);
                if (ino.Nlink == 0) o.Str(" (deleted)"); // seq_path's d_path suffix, as exe shows
            }
            o.Char('\n');
        }
    }
}
