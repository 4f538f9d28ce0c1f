namespace ProcNano
{
    // munmap (do_munmap, split_vma, shrink_vma): whole VMAs, or for anonymous memory a shrink from either end
    // or a hole punched in the middle.
    public sealed partial class MemoryManager
    {
        public int Munmap(MmOwner t, uint start, long len)
        {
            if (len <= 0 || len > 0xFFFFFFFFL - start) return -Errno.EINVAL;
            Mm mm = t.Mm;
            uint end = start + (uint)len;
            int i = mm.Find(Vmas, start);
            if (i < 0)
            {
                if (_munmapWarnings < 5)
                {
                    _munmapWarnings++;
                    _log.Print("munmap of memory not mmapped by process " + t.Tgid.ToString() + " (" + t.Comm
                        + "): 0x" + start.ToString("x") + "-0x" + end.ToString("x"));
                }
                return -Errno.EINVAL;
            }
            int v = mm.Vmas[i];
            if (VmaFile(v) != null)
            {
                // A file VMA goes whole or not at all. Several may start at start (two shmats), and views
                // may nest, so look among the VMAs starting exactly there, not only from the first one
                // holding start (2.6.29 did, and could not unmap an inner view). The VMA whose end is exactly
                // start + len goes first (do_munmap's vm_end == end); the page-rounded match only if none is.
                int first = mm.FirstAt(Vmas, start);
                for (int pass = 0; pass < 2; pass++)
                    for (i = first; i < mm.Vmas.Count && Vmas.Start(mm.Vmas[i]) == start; i++)
                    {
                        v = mm.Vmas[i];
                        if (pass == 0 ? end == Vmas.End(v) : EndMatches(end, Vmas.End(v)))
                        {
                            DeleteVma(mm, v, t);
                            return 0;
                        }
                    }
                return -Errno.EINVAL;
            }
            uint vs = Vmas.Start(v), ve = Vmas.End(v);
            if (start == vs && EndMatches(end, ve))
            {
                DeleteVma(mm, v, t);
                return 0;
            }
            if (start < vs || end > ve) return -Errno.EINVAL;
            if ((start & (uint)(PageSize - 1)) != 0) return -Errno.EINVAL;
            if (end != ve && (end & (uint)(PageSize - 1)) != 0) return -Errno.EINVAL;
            if (start != vs && end != ve)
            {
                int e = SplitVma(mm, v, start);
                if (e < 0) return e;
            }
            return ShrinkVma(mm, v, start, end);
        }

        // The VMA of a 10000-byte map ends at +10000 (2.6.29 keeps the caller's length); munmap with the
        // page-rounded length must still remove it whole.
        private bool EndMatches(uint end, uint vmaEnd)
        {
            return end == vmaEnd || (end == PageAlign(vmaEnd) && end > vmaEnd);
        }

        // split_vma with new_below: a new VMA + region take [start, addr), the old pair keeps [addr, end).
        private int SplitVma(Mm mm, int v, uint addr)
        {
            int r = Vmas.Region(v);
            if (VmaFile(v) != null) return -Errno.ENOMEM;
            // Splitting a region another mm also uses would change what that mm sees.
            if (Regions.Usage(r) != 1) return -Errno.ENOMEM;
            if (mm.MapCount >= MaxMapCount) return -Errno.ENOMEM;
            if (!RoomFor(mm, 1)) return -Errno.ENOMEM;

            int nr = Regions.Alloc();
            Regions.SetFlags(nr, Regions.Flags(r));
            Regions.SetPgoff(nr, Regions.Pgoff(r));
            Regions.SetStart(nr, Regions.Start(r));
            Regions.SetEnd(nr, Regions.SetTop(nr, addr));
            int nv = Vmas.Alloc();
            Vmas.SetFlags(nv, Vmas.Flags(v));
            Vmas.SetStart(nv, Vmas.Start(v));
            Vmas.SetEnd(nv, addr);
            Vmas.SetRegion(nv, nr);

            int npages = (int)((addr - Vmas.Start(v)) >> PageShift);
            mm.Remove(Vmas, v);
            Regions.Remove(r);
            Vmas.SetStart(v, addr);
            Regions.SetStart(r, addr);
            Regions.SetPgoff(r, Regions.Pgoff(r) + (npages));
            Regions.Insert(r);
            Regions.Insert(nr);
            mm.Add(Vmas, v);
            mm.Add(Vmas, nv);
            return 0;
        }

        // shrink_vma: cuts [from, to) off the head or the tail; the pages go back at once.
        private int ShrinkVma(Mm mm, int v, uint from, uint to)
        {
            int r = Vmas.Region(v);
            mm.Remove(Vmas, v);
            if (from > Vmas.Start(v)) Vmas.SetEnd(v, from);
            else Vmas.SetStart(v, to);  // its offset still names the first remaining page (Linux leaves it stale)
            mm.Add(Vmas, v);

            Regions.Remove(r);
            if (from > Regions.Start(r))
            {
                FreeRegionPages(from, Regions.Top(r));
                Regions.SetEnd(r, Regions.SetTop(r, from));
            }
            else
            {
                FreeRegionPages(Regions.Start(r), to);
                Regions.SetPgoff(r, Regions.Pgoff(r) + ((int)((to - Regions.Start(r)) >> PageShift)));
                Regions.SetStart(r, to);
            }
            Regions.Insert(r);
            return 0;
        }
    }
}
