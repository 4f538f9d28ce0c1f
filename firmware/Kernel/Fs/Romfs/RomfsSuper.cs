namespace ProcNano
{
    /// <summary>
    /// A mounted romfs image: read-only, its files mapped in place from the ROM bank (execute in place).
    /// Device 1f:00 (MTD block major 31, as mtdblock0 would be). The image is the kernel's ROM
    /// (<see cref="PhysMem.Rom"/>, addressed from <see cref="PhysMem.RomBase"/>). The mount checks the image
    /// once and keeps only its root: entries are read from the ROM when looked up (see <see cref="RomfsDir"/>).
    /// </summary>
    public sealed class RomfsSuper : SuperBlock
    {
        public const int DevMajor = 0x1f, DevMinor = 0;
        internal readonly FsContext Ctx;
        /// <summary>The ROM as it was when mounted (reads come from here).</summary>
        internal IRom Rom;

        private RomfsSuper(FsContext ctx) : base("romfs", DevMajor, DevMinor)
        {
            Ctx = ctx;
            ReadOnly = true;
            DevName = "/dev/mtdblock0";
        }

        public override int CachedInodes() { return 1 + ((RomfsDir)Root).Cached(); }

        /// <summary>The image, all of it used (as Linux's romfs_statfs: blocks = image size, none free).</summary>
        public override void StatFs(StatFsInfo st)
        {
            st.TotalBytes = Rom == null ? 0 : Rom.Length;
            st.FreeBytes = st.AvailBytes = 0;
        }

        /// <summary>Mounts the kernel's ROM image; null, with a log line, if it is not a valid romfs for this
        /// board's page size.</summary>
        internal static RomfsSuper Load(FsContext ctx)
        {
            RomfsSuper sb = new RomfsSuper(ctx);
            int count;
            string why = Check(ctx.Phys.Rom, ctx.Phys.PageSize, out count);
            if (why != null)
            {
                ctx.Log.Print("romfs: " + why);
                return null;
            }
            sb.Rom = ctx.Phys.Rom;
            sb.Root = new RomfsDir(sb, count);
            return sb;
        }

        // Checks the header and every entry; returns why the image is unusable, or null and the entry count.
        private static string Check(IRom rom, int pageSize, out int count)
        {
            count = 0;
            byte[] b = new byte[RomfsFormat.HeaderSize];
            if (rom == null || rom.Length < RomfsFormat.HeaderSize) return "no romfs image found";
            rom.Copy(0, b, 0, b.Length);
            if (!RomfsFormat.HasMagic(b)) return "no romfs image found";
            if (RomfsFormat.U32(b, RomfsFormat.HPageSize) != pageSize) return "image not built for this page size";
            int size = RomfsFormat.U32(b, RomfsFormat.HImageSize);
            int n = RomfsFormat.U32(b, RomfsFormat.HCount);
            if (size < RomfsFormat.HeaderSize || size > rom.Length || n < 0) return "bad image size";
            int at = RomfsFormat.HeaderSize;
            for (int i = 0; i < n; i++)
            {
                if (at + RomfsFormat.EName > size) return "truncated entry table";
                rom.Copy(at, b, 0, RomfsFormat.EName);
                int nameLen = RomfsFormat.U16(b, RomfsFormat.ENameLen);
                int len = RomfsFormat.U32(b, RomfsFormat.ESize);
                int data = RomfsFormat.U32(b, RomfsFormat.EData);
                if (nameLen == 0 || at + RomfsFormat.EName + nameLen > size) return "bad entry name";
                if (len < 0 || data < 0 || (len > 0 && (data % pageSize != 0 || data + len > size)))
                    return "bad entry data";
                at += RomfsFormat.EntrySize(nameLen);
            }
            count = n;
            return null;
        }
    }
}
