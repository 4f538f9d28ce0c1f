namespace ProcNano
{
    /// <summary>The numbers of the task ABI the task layer itself acts on (Linux's values); the syscall facade
    /// exposes the same constants to its callers.</summary>
    public static class TaskAbi
    {
        public const int SIGKILL = 9, SIGTERM = 15, NSIG = 64;
        public const int CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000;
    }
}
