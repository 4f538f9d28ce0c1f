namespace ProcNano
{
    /// <summary>
    /// /proc/version, in linux_proc_banner's shape: "%s version %s (%s@%s) (%s) %s\n" = sysname, release,
    /// builder@build host, compiler, version. The build host is the configured hostname (nf.config), fixed at
    /// build time like Linux's LINUX_COMPILE_HOST: changing the hostname later does not change this file.
    /// </summary>
    public sealed class VersionOps : SingleSeqOps
    {
        public const string Builder = "procnano";
        public const string Compiler = "Roslyn C# 10";

        public override int Show(SeqFile s, OutBuf o)
        {
            IKernelView k = s.K;
            o.Str(Version.OsType);
            o.Str(" version ");
            o.Str(Version.Release);
            o.Str(" (");
            o.Str(Builder);
            o.Char('@');
            o.Str(k.Board.Hostname);
            o.Str(") (");
            o.Str(Compiler);
            o.Str(") ");
            o.Str(Version.Build);
            o.Char('\n');
            return 0;
        }
    }
}
