namespace ProcNano
{
    /// <summary>Makes a new superblock of one file system type for mount(2). <paramref name="source"/> is
    /// mount's first argument ("none" for most); <paramref name="mounter"/> is the task mounting it (null at
    /// boot), whose pid namespace a procfs shows. Returns null if the source cannot be mounted.</summary>
    public delegate SuperBlock FsFactory(VfsCaller mounter, string source);

    /// <summary>A file system type registered after boot (Linux's file_system_type), as /proc/filesystems lists
    /// it; the built-in ones are code (<see cref="IBuiltinFs"/>).</summary>
    public sealed class FsType
    {
        public readonly string Name;
        /// <summary>Needs no backing device ("nodev" in /proc/filesystems).</summary>
        public readonly bool NoDev;
        public readonly FsFactory Factory;

        public FsType(string name, bool noDev, FsFactory factory)
        {
            Name = name;
            NoDev = noDev;
            Factory = factory;
        }
    }
}
