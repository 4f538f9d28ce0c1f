namespace ProcNano
{
    public sealed partial class Kernel
    {
        public Shm Shm;

        partial void BootIpc()
        {
            Shm = new Shm(this);
        }

        /// <summary>An shm VMA over region <paramref name="region"/> is going away.</summary>
        internal void ShmDetached(int region)
        {
            File f = Mem.RegionFile(region);
            if (f != null && f.Private is ShmSegment) Shm.Detached((ShmSegment)f.Private);
        }
    }
}
