namespace ProcNano
{
    /// <summary>
    /// What the memory manager knows of a task: its address space, and who it is for the kernel's log lines
    /// ("... from process 5 (hold)"). <see cref="Task"/> extends it, so the memory layer never sees the rest of
    /// a task (Linux's mm code reaches current only for the same two things). It extends
    /// <see cref="VfsCaller"/> (the credentials and cwd) only so that a task can be one as well.
    /// </summary>
    public abstract class MmOwner : VfsCaller
    {
        public Mm Mm;
        /// <summary>Command name, at most 15 characters (TASK_COMM_LEN - 1). Made on each read: for log lines.</summary>
        public abstract string Comm { get; }

        /// <summary>The thread group id log lines print.</summary>
        public abstract int Tgid { get; }
    }
}
