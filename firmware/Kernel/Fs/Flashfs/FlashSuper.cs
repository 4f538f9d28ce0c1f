
namespace ProcNano
{
    /// <summary>
    /// flashfs: the board's persistent storage (<see cref="IPlatform.Flash"/>: the ESP32's internal flash file
    /// system, a host folder on the simulator) as one flat directory. Every file of the store appears under
    /// the mount; create, write, truncate and unlink go straight to the store. COPY only: the bytes are not
    /// addressable, so every map is a private copy. Device 1f:01.
    /// </summary>
    public sealed class FlashSuper : SuperBlock
    {
        public const int DevMajor = 0x1f, DevMinor = 1;
        internal readonly FsContext Ctx;
        internal readonly IStorage Store;
        // Inodes handed out so far, by name: a file keeps its inode number while it exists.
        private readonly RefList _names = new RefList();
        private readonly RefList _inodes = new RefList();

        public FlashSuper(FsContext ctx, IStorage store) : base("flashfs", DevMajor, DevMinor)
        {
            Ctx = ctx;
            Store = store;
            DevName = "/dev/mtdblock1";
            ReadOnly = store.ReadOnly;
            Root = new FlashDir(this);
        }

        internal long Now => Ctx.Now;

        /// <summary>The store's files' bytes plus what it says is free (0 if it does not know); nothing is
        /// available on a read-only store.</summary>
        public override void StatFs(StatFsInfo st)
        {
            long used = 0;
            for (int i = 0; i < Store.Count; i++)
            {
                long n = Store.SizeOf(Store.NameAt(i));
                if (n > 0) used += n;
            }
            long free = Store.FreeBytes < 0 ? 0 : Store.FreeBytes;
            st.TotalBytes = used + free;
            st.FreeBytes = free;
            st.AvailBytes = ReadOnly ? 0 : free;
        }

        /// <summary>The inode for store file <paramref name="name"/> (which must exist).</summary>
        internal FlashFile Get(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name) return (FlashFile)_inodes[i];
            }
            FlashFile f = new FlashFile(this, name);
            _names.Add(name);
            _inodes.Add(f);
            return f;
        }

        /// <summary>Whether <paramref name="f"/> is still the inode of a name in the store.</summary>
        internal bool Holds(FlashFile f) { return _inodes.IndexOf(f) >= 0; }

        /// <summary>Forgets the inode of a file that left the store.</summary>
        internal void Forget(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    _names.RemoveAt(i);
                    _inodes.RemoveAt(i);
                    return;
                }
            }
        }
    }
}
