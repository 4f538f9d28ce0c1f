namespace ProcNano
{
    /// <summary>VMA/region flag bits (Linux's VM_*), mmap's PROT_/MAP_ bits, and page arithmetic helpers.</summary>
    public static class Vm
    {
        public const int VM_READ = 0x1, VM_WRITE = 0x2, VM_EXEC = 0x4, VM_SHARED = 0x8,
            VM_MAYREAD = 0x10, VM_MAYWRITE = 0x20, VM_MAYEXEC = 0x40, VM_MAYSHARE = 0x80,
            VM_GROWSDOWN = 0x100, VM_DENYWRITE = 0x800, VM_EXECUTABLE = 0x1000, VM_LOCKED = 0x2000,
            VM_MAPPED_COPY = 0x01000000;
        /// <summary>ProcNano's own marker for a SysV shm attachment (Linux tells by vm_ops == shm_vm_ops).</summary>
        public const int VM_SHM = 0x40000000;

        public const int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
        /// <summary>"The memory may be used for atomic operations": always true here, so accepted and ignored.</summary>
        public const int PROT_SEM = 8;

        public const int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_TYPE = 0x0f, MAP_FIXED = 0x10,
            MAP_ANONYMOUS = 0x20, MAP_GROWSDOWN = 0x100, MAP_DENYWRITE = 0x800, MAP_EXECUTABLE = 0x1000,
            MAP_LOCKED = 0x2000, MAP_NORESERVE = 0x4000, MAP_POPULATE = 0x8000, MAP_NONBLOCK = 0x10000;
        /// <summary>Every flag bit ProcNano knows; anything else is EINVAL.</summary>
        public const int MAP_KNOWN = MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN |
            MAP_DENYWRITE | MAP_EXECUTABLE | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK;


        /// <summary>ilog2 of a positive number.</summary>
        public static int Log2(int n)
        {
            int o = 0;
            while ((2 << o) <= n) o++;
            return o;
        }
    }
}
