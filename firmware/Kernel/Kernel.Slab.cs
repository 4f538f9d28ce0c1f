namespace ProcNano
{
    // /proc/slabinfo's rows as code: each subsystem's object kinds, in order, with the owners' own counts.
    public sealed partial class Kernel
    {
        public int SlabRowCount => 13;

        public string SlabRowName(int i)
        {
            switch (i)
            {
                case 0: return "vm_region";
                case 1: return "vm_area";
                case 2: return "mm";
                case 3: return "task";
                case 4: return "pid";
                case 5: return "file";
                case 6: return "inode";
                case 7: return "proc_entry";
                case 8: return "shm_segment";
                case 9: return "vfsmount";
                case 10: return "log_buf";
                case 11: return "emergency_heap";
                default: return "kernel";
            }
        }

        public int SlabRowSize(int i)
        {
            switch (i)
            {
                case 0: return Footprint.RegionBytes;
                case 1: return Footprint.VmaBytes;
                case 2: return Footprint.MmBytes;
                case 3: return Footprint.TaskBytes;
                case 4: return Footprint.PidBytes;
                case 5: return Footprint.FileBytes;
                case 6: return Footprint.InodeBytes;
                case 7: return ProcEntry.ObjectBytes;
                case 8: return Footprint.ShmSegmentBytes;
                case 9: return Footprint.VfsMountBytes;
                case 10: return Footprint.Array(Board.KmsgSize, 1);
                case 11: return Footprint.Array(Mem.Emergency.Size, 1);
                default: return KernelCore.Bytes(ExecImage.BufSize, Tasks.RootNet.Interfaces.Length);
            }
        }

        /// <summary>The inode row spans two owners: the mounted trees, and shm segments (unlinked files of the
        /// shm store). The log ring and the boot-time core are the kernel's own: one of each; the emergency heap
        /// block one while an exec holds it (device boards; none at rest).</summary>
        public int SlabRowObjects(int i, bool allocated)
        {
            switch (i)
            {
                case 0: return Mem.SlabObjects(MemoryManager.SlabRegions, allocated);
                case 1: return Mem.SlabObjects(MemoryManager.SlabVmas, allocated);
                case 2: return Tasks.SlabObjects(TaskTable.SlabMms, allocated);
                case 3: return Tasks.SlabObjects(TaskTable.SlabTasks, allocated);
                case 4: return Tasks.SlabObjects(TaskTable.SlabPids, allocated);
                case 5: return Vfs.SlabObjects(Vfs.SlabFiles, allocated);
                case 6: return Vfs.CachedInodeCount() + Shm.Count;
                case 7: return Proc.SlabObjects(0, allocated);
                case 8: return Shm.SlabObjects(0, allocated);
                case 9: return Vfs.SlabObjects(Vfs.SlabMounts, allocated);
                case 11: return Mem.Emergency.Held ? 1 : 0;
                default: return 1;
            }
        }
    }
}
