namespace ProcNano
{
    /// <summary>
    /// What the VFS knows of the task calling it (Linux's current->cred and current->fs): whose fsuid/fsgid
    /// permission checks and new inodes use, and the working directory relative paths start from. Memory's
    /// <see cref="MmOwner"/> extends it and <see cref="Task"/> extends that, so every task is one, and the VFS
    /// and the file systems never see the rest of a task. Null stands for the kernel itself.
    /// </summary>
    public abstract class VfsCaller : FdTable
    {
        /// <summary>Credentials, shared with the tasks that have the same (see <see cref="Cred"/>).</summary>
        public Cred Cred = Cred.Root;
        /// <summary>Absolute path of the working directory (Linux's fs_struct pwd).</summary>
        public string Cwd = "/";
    }
}
