namespace ProcNano
{
    /// <summary>
    /// The files of a romfs image described rather than stored (<see cref="DescribedRomfs"/>): the layer that
    /// knows them (Programs, for /bin) gives each file's name, mode, size and bytes on demand.
    /// </summary>
    public interface IRomfsFiles
    {
        int Count { get; }
        /// <summary>1..255 printable ASCII characters, no '/', each name once.</summary>
        string Name(int i);
        /// <summary>S_IFREG or S_IFLNK plus permission bits.</summary>
        int Mode(int i);
        int Size(int i);
        /// <summary>Copies <paramref name="count"/> bytes of file <paramref name="i"/> from
        /// <paramref name="pos"/> (within its size) into buf at off.</summary>
        void Copy(int i, int pos, byte[] buf, int off, int count);
    }
}
