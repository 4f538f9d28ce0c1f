namespace ProcNano
{
    public sealed partial class Kernel
    {
        /// <summary>What the kernel's own objects cost (/proc/slabinfo, meminfo's Slab).</summary>
        public SlabTable Slab;

        // Last boot step: everything the kernel builds at boot exists, so the log can say what it took
        // (SPEC 8), beside the runtime's own heap numbers where the platform knows them.
        partial void BootLate()
        {
            Slab = new SlabTable();
            long bytes;
            int objects;
            lock (Lock)
            {
                bytes = Slab.TotalBytes(this);
                objects = Slab.TotalObjects(this);
            }
            string line = "Slab: kernel objects take " + bytes.ToString() + " bytes (" + objects.ToString()
                + " objects of " + Slab.Count.ToString() + " kinds), page map "
                + SlabTable.PageMapBytes(Pages.Pages).ToString() + " bytes";
            long heapTotal = Platform == null ? -1 : Platform.ManagedHeapTotal;
            long heapFree = Platform == null ? -1 : Platform.ManagedHeapFree;
            if (heapTotal >= 0 && heapFree >= 0)
                line += "; managed heap " + (heapTotal - heapFree).ToString() + "/" + heapTotal.ToString() + " bytes used";
            Log.Print(line);
        }
    }
}
