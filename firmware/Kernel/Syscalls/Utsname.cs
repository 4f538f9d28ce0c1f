namespace ProcNano
{
    /// <summary>uname(2)'s answer (struct utsname): what `uname -a` prints.</summary>
    public sealed class Utsname
    {
        public string Sysname, Nodename, Release, Version, Machine;
    }
}
