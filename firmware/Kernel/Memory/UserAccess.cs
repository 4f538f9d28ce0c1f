namespace ProcNano
{
    // The kernel's accessors to a task's memory (hexdump, poke, programs). With no MMU there are no hardware
    // referenced/dirty bits, so these set the pages' software bits that smaps and clear_refs read.
    public sealed partial class MemoryManager
    {
        /// <summary>Copies <paramref name="count"/> bytes at <paramref name="addr"/> of <paramref name="mm"/>
        /// into buf: -EFAULT where no VMA covers a byte, -EACCES where the VMA is not readable.</summary>
        public int Read(Mm mm, uint addr, byte[] buf, int off, int count)
        {
            return Access(mm, addr, buf, off, count, false);
        }

        /// <summary>Writes through <paramref name="mm"/>'s VMAs: -EFAULT unmapped, -EACCES not writable
        /// (ROM is never writable).</summary>
        public int Write(Mm mm, uint addr, byte[] buf, int off, int count)
        {
            return Access(mm, addr, buf, off, count, true);
        }

        private int Access(Mm mm, uint addr, byte[] buf, int off, int count, bool write)
        {
            // access_ok: a range whose end wraps past 2^32 is refused whole (its end would read as 0 and skip
            // the VMA check below).
            if (count < 0 || (ulong)addr + (ulong)count > 0xFFFFFFFFUL) return -Errno.EFAULT;
            // Check the whole range first so a refused write changes nothing.
            uint a = addr, end = addr + (uint)count;
            int need = write ? Vm.VM_WRITE : Vm.VM_READ;
            while (a < end)
            {
                int i = mm.Find(Vmas, a);
                if (i < 0) return -Errno.EFAULT;
                int v = Allowing(mm, i, a, need);
                if (v < 0) return -Errno.EACCES;
                if (!Phys.InArena(a) && !Phys.InRom(a)) return -Errno.EFAULT;
                if (write && !Phys.InArena(a)) return -Errno.EACCES;
                a = Vmas.End(v) < end ? Vmas.End(v) : end;
            }
            for (int n = 0; n < count; )
            {
                uint p = addr + (uint)n;
                if (Phys.InArena(p))
                {
                    int idx = (int)(p - Phys.ArenaBase);
                    if (write) Phys.Arena[idx] = buf[off + n]; else buf[off + n] = Phys.Arena[idx];
                    int pfn = Phys.ArenaPfn(p);
                    Pages.Flags[pfn] |= write ? (byte)(PageAllocator.PgReferenced | PageAllocator.PgDirty) : PageAllocator.PgReferenced;
                    n++;
                }
                else
                {
                    // ROM (only read: writes were refused above): the run to the end of the bank in one copy,
                    // as its bytes may be computed rather than stored.
                    if (!Phys.InRom(p)) return -Errno.EFAULT;
                    uint left = Phys.RomEnd - p;
                    int run = left < (uint)(count - n) ? (int)left : count - n;
                    Phys.ReadRom(p, buf, off + n, run);
                    n += run;
                }
            }
            return count;
        }

        // Views may overlap (a read-only and a writable map of one ramfs file at one address): the first VMA
        // from position i (the first holding a) on that holds a and allows the access, or -1.
        private int Allowing(Mm mm, int i, uint a, int need)
        {
            for (; i < mm.Vmas.Count; i++)
            {
                int v = mm.Vmas[i];
                if (Vmas.Start(v) > a) break;
                if (a < Vmas.End(v) && (Vmas.Flags(v) & need) != 0) return v;
            }
            return -1;
        }
    }
}
