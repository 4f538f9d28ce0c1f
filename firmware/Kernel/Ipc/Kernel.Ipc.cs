namespace ProcNano
{
    public sealed partial class Kernel
    {
        public Shm Shm;

        partial void BootIpc()
        {
            Shm = new Shm(this);
        }

        /// <summary>An shm VMA over region <paramref name="region"/> is going away, by <paramref name="current"/>.</summary>
        internal void ShmDetached(int region, Task current)
        {
            File f = Mem.RegionFile(region);
            if (f != null && f.Private is ShmSegment) Shm.Detached((ShmSegment)f.Private, current);
        }
    }
}
