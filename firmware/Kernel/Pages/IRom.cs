namespace ProcNano
{
    /// <summary>
    /// The ROM bank's contents: read-only bytes that on a device sit in flash, not on the managed heap. An
    /// implementation may compute them from a description (Fs's <c>DescribedRomfs</c>, /bin's programs) or
    /// hold a real image (<see cref="RomBytes"/>). Pages only reads it; the layer that knows the bytes makes it.
    /// </summary>
    public interface IRom
    {
        int Length { get; }

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> (the range lies
        /// within <see cref="Length"/>) into <paramref name="buf"/> at <paramref name="off"/>.</summary>
        void Copy(int offset, byte[] buf, int off, int count);
    }
}
