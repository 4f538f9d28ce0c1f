namespace ProcNano
{
    /// <summary>The uts fields root may change at run time (Linux's uts_namespace): kernel.hostname starts as
    /// nf.config's hostname.</summary>
    public sealed class UtsSettings
    {
        public string Hostname;

        public UtsSettings(string hostname) { Hostname = hostname; }
    }
}
