namespace ProcNano
{
    /// <summary>
    /// A ramfs inode as a directory entry: ramfs has no hard links, so every inode but the root sits under
    /// exactly one name in one directory (a rename moves it), and the directory chains its children through them
    /// (two fields per child, where a list of names and a list of children cost a directory ~170 bytes).
    /// </summary>
    public abstract class RamfsNode : Inode
    {
        internal string Name;
        internal RamfsNode Next;
    }
}
