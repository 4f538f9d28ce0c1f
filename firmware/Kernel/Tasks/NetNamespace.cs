namespace ProcNano
{
    /// <summary>A network namespace: owns the entries of /proc/&lt;pid&gt;/net (at least its interfaces for
    /// net/dev).</summary>
    public sealed class NetNamespace
    {
        public readonly int Id;
        /// <summary>Interface names; loopback first.</summary>
        public string[] Interfaces;

        public NetNamespace(int id, string[] interfaces)
        {
            Id = id;
            Interfaces = interfaces;
        }
    }
}
