namespace ProcNano
{
    /// <summary>
    /// A built-in loadable module: a row of the module table (name, init, exit) plus the state the table keeps
    /// for it. ProcNano cannot load code at run time, so modules are compiled in and insmod/rmmod run their
    /// init and exit; everything a module makes (proc entries, buffers) exists only while it is loaded.
    /// A module with no exit routine (<see cref="HasExit"/> false) is permanent once loaded, as in Linux.
    /// </summary>
    public abstract class KernelModule
    {
        public const int Unloaded = 0, Loading = 1, Live = 2, Unloading = 3;

        public readonly string Name;
        /// <summary>Shown as the size column of /proc/modules: an estimate of the managed-heap bytes the
        /// module's objects take while loaded (cost rules: firmware/Kernel/Memory/Footprint.cs).</summary>
        public readonly int Size;
        /// <summary>Modules that must be loaded first (this module then counts as their user).</summary>
        public readonly string[] Depends;

        internal int State;
        /// <summary>Explicit references (try_module_get), besides the modules using this one.</summary>
        internal int Refs;

        protected KernelModule(string name, int size, string[] depends)
        {
            Name = name;
            Size = size;
            Depends = depends;
        }

        /// <summary>Sets the module up; 0 or -errno (then nothing of it may be left behind). A module makes its
        /// /proc files with k.Proc (proc_create), as Linux's do.</summary>
        public abstract int Init(IKernelView k);

        public virtual bool HasExit => true;

        /// <summary>Undoes Init. Runs without the module table's lock and may wait (for proc readers).</summary>
        public virtual void Exit(IKernelView k) { }

        public bool IsLoaded => State == Live || State == Loading || State == Unloading;
    }
}
