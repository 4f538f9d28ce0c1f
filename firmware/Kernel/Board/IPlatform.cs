namespace ProcNano
{
    /// <summary>What the kernel needs from the runtime it runs on. The device (nanoFramework) and the host
    /// simulator each implement it; the kernel itself has no #if.</summary>
    public interface IPlatform : IClock
    {
        /// <summary>Seconds since the Unix epoch, for file times.</summary>
        long UnixTime { get; }

        /// <summary>The board's persistent storage behind /flash (host: a real folder).</summary>
        IStorage Flash { get; }

        /// <summary>Managed heap total and free bytes as the runtime reports them (-1 if unknown).</summary>
        long ManagedHeapTotal { get; }
        long ManagedHeapFree { get; }
    }

    /// <summary>A flat store of named files (the ESP32's internal flash file system, or a host folder).
    /// Names are plain file names; the flashfs keeps directories out of it. Errors are -errno.</summary>
    public interface IStorage
    {
        /// <summary>Number of files; names are reached by index (stable until the next change).</summary>
        int Count { get; }
        string NameAt(int index);
        /// <summary>Size in bytes, or -ENOENT.</summary>
        long SizeOf(string name);
        /// <summary>Reads up to count bytes at pos; returns bytes read or -errno.</summary>
        int Read(string name, long pos, byte[] buf, int off, int count);
        /// <summary>Writes count bytes at pos, growing the file; creates it if absent. Returns count or -errno.</summary>
        int Write(string name, long pos, byte[] buf, int off, int count);
        int Truncate(string name, long size);
        int Delete(string name);
        /// <summary>Bytes free on the medium (-1 if unknown).</summary>
        long FreeBytes { get; }
        /// <summary>An open for writing starts: until the matching <see cref="EndWrite"/>, reads, sizes, writes and
        /// truncates of <paramref name="name"/> see a copy written aside (emptied first when
        /// <paramref name="truncate"/>), and the file itself keeps its old bytes. Opens nest. 0 or -errno.</summary>
        int BeginWrite(string name, bool truncate);
        /// <summary>The last writer closed: the copy replaces the file in one step (a rename), so a crash at
        /// any moment leaves the old file or the new one, never a mix. 0 or -errno (the file is then old).</summary>
        int EndWrite(string name);
        /// <summary>The medium cannot be written (a read-only folder on the host): flashfs mounts read-only.</summary>
        bool ReadOnly { get; }
    }
}
