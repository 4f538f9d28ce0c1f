namespace ProcNano
{
    /// <summary>Release strings shown by uname and /proc/version.</summary>
    public static class Version
    {
        public const string OsType = "Linux";
        public const string Release = "2.6.29-procnano";
        public const string Build = "#1 PREEMPT";
    }
}
