namespace ProcNano
{
    /// <summary>A subsystem that owns object kinds of /proc/slabinfo and counts them itself. An interface and a
    /// kind number rather than two delegates per row: a delegate is 36 B of the device's heap.</summary>
    public interface ISlabSource
    {
        /// <summary>Objects of <paramref name="kind"/> (the owner's own numbering) in use, or allocated
        /// (slots of a column table count even when free) when <paramref name="allocated"/>.</summary>
        int SlabObjects(int kind, bool allocated);
    }
}
