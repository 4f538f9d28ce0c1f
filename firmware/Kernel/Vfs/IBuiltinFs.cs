namespace ProcNano
{
    /// <summary>
    /// The file system types the kernel is built with, as code (the kernel root answers, since the types live in
    /// the layers above the VFS): a row costs no object or mount delegate on the device's heap (four types were
    /// ~440 B of nanoCLR heap as FsType objects with delegates). Types registered later (<see cref="Vfs.RegisterFs"/>)
    /// follow them in /proc/filesystems.
    /// </summary>
    public interface IBuiltinFs
    {
        int BuiltinFsCount { get; }
        string BuiltinFsName(int i);
        /// <summary>Needs no backing device ("nodev" in /proc/filesystems).</summary>
        bool BuiltinFsNoDev(int i);
        /// <summary>A new superblock of type <paramref name="i"/> (see <see cref="FsFactory"/>), or null.</summary>
        SuperBlock MountBuiltinFs(int i, VfsCaller mounter, string source);
    }
}
