namespace ProcNano
{
    /// <summary>How umount learns that a working directory keeps a mount busy, without the VFS knowing tasks.</summary>
    public interface IMountUsers
    {
        /// <summary>True if some task's cwd is <paramref name="point"/> or below it.</summary>
        bool HasCwdUnder(string point);
    }
}
