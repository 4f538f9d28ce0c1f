namespace ProcNano
{
    /// <summary>A file of the flash store: every operation goes to the store by name. Files are root's,
    /// mode 0755 (the store keeps no owners or modes; like a vfat mount, every file may be executed, so
    /// programs copied to flash run from there).</summary>
    public sealed class FlashFile : Inode
    {
        private readonly string _name;

        internal FlashFile(FlashSuper sb, string name)
        {
            Sb = sb;
            Ino = sb.NewIno();
            Mode = Stat.S_IFREG | 0x1ED; // 0755
            MTime = sb.Now;
            _name = name;
        }

        private IStorage Store => ((FlashSuper)Sb).Store;

        public string Name => _name;

        /// <summary>0 once the file left the store (its inode forgotten), so d_path says " (deleted)".</summary>
        public override int Nlink => ((FlashSuper)Sb).Holds(this) ? 1 : 0;

        /// <summary>COPY only: the store's bytes have no address to map in place.</summary>
        public override int MapCaps => MapCap.Copy;

        public override long Size
        {
            get
            {
                long n = Store.SizeOf(_name);
                return n < 0 ? 0 : n;
            }
        }

        // A file opened for writing is written aside and switched in when closed (IStorage.BeginWrite):
        // after a crash it is the old file or the new one, as LittleFS gives on the device.
        private static bool Writes(File f) { return f.CanWrite || (f.Flags & File.O_TRUNC) != 0; }

        public override int Open(File f, VfsCaller current)
        {
            return Writes(f) ? Store.BeginWrite(_name, (f.Flags & File.O_TRUNC) != 0) : 0;
        }

        public override void Release(File f)
        {
            if (!Writes(f)) return;
            int e = Store.EndWrite(_name);
            if (e < 0) ((FlashSuper)Sb).Ctx.Log.Print("flashfs: " + _name + ": not saved: " + Errno.StrError(e));
        }

        public override int Read(File f, VfsCaller current, long pos, byte[] buf, int off, int count)
        {
            if (pos < 0) return -Errno.EINVAL;
            if (count <= 0) return 0;
            return Store.Read(_name, pos, buf, off, count);
        }

        public override int Write(File f, VfsCaller current, long pos, byte[] buf, int off, int count)
        {
            if (pos < 0) return -Errno.EINVAL;
            if (count <= 0) return 0;
            int n = Store.Write(_name, pos, buf, off, count);
            if (n >= 0) MTime = ((FlashSuper)Sb).Now;
            return n;
        }

        public override int Truncate(long size)
        {
            if (size < 0) return -Errno.EINVAL;
            int e = Store.Truncate(_name, size);
            if (e >= 0) MTime = ((FlashSuper)Sb).Now;
            return e;
        }
    }
}
