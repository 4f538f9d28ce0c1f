namespace ProcNano
{
    /// <summary>
    /// A mounted romfs image: read-only, its files mapped in place from the ROM bank (execute in place).
    /// Device 1f:00 (MTD block major 31, as mtdblock0 would be). The image is the kernel's ROM
    /// (<see cref="PhysMem.Rom"/>, addressed from <see cref="PhysMem.RomBase"/>).
    /// </summary>
    public sealed class RomfsSuper : SuperBlock
    {
        public const int DevMajor = 0x1f, DevMinor = 0;
        internal readonly FsContext Ctx;
        /// <summary>The image as it was when mounted (reads come from here).</summary>
        internal byte[] Image;

        private RomfsSuper(FsContext ctx) : base("romfs", DevMajor, DevMinor)
        {
            Ctx = ctx;
            ReadOnly = true;
            DevName = "/dev/mtdblock0";
        }

        public override int CachedInodes() { return CountTree(Root); }

        /// <summary>Mounts the kernel's ROM image; null, with a log line, if it is not a valid romfs for this
        /// board's page size.</summary>
        internal static RomfsSuper Load(FsContext ctx)
        {
            RomfsSuper sb = new RomfsSuper(ctx);
            string why = sb.Load(ctx.Phys.Rom, ctx.Phys.PageSize);
            if (why != null)
            {
                ctx.Log.Print("romfs: " + why);
                return null;
            }
            return sb;
        }

        // Checks the image and builds the root directory; returns why it is unusable, or null.
        private string Load(byte[] img, int pageSize)
        {
            if (!RomfsFormat.HasMagic(img)) return "no romfs image found";
            if (RomfsFormat.U32(img, RomfsFormat.HPageSize) != pageSize) return "image not built for this page size";
            int size = RomfsFormat.U32(img, RomfsFormat.HImageSize);
            int count = RomfsFormat.U32(img, RomfsFormat.HCount);
            if (size < RomfsFormat.HeaderSize || size > img.Length || count < 0) return "bad image size";
            Inode[] entries = new Inode[count];
            string[] names = new string[count];
            int at = RomfsFormat.HeaderSize;
            for (int i = 0; i < count; i++)
            {
                if (at + RomfsFormat.EName > size) return "truncated entry table";
                int nameLen = RomfsFormat.U16(img, at + RomfsFormat.ENameLen);
                int mode = RomfsFormat.U32(img, at + RomfsFormat.EMode);
                int len = RomfsFormat.U32(img, at + RomfsFormat.ESize);
                int data = RomfsFormat.U32(img, at + RomfsFormat.EData);
                if (nameLen == 0 || at + RomfsFormat.EName + nameLen > size) return "bad entry name";
                if (len < 0 || data < 0 || (len > 0 && (data % pageSize != 0 || data + len > size)))
                    return "bad entry data";
                char[] name = new char[nameLen];
                for (int c = 0; c < nameLen; c++) name[c] = (char)img[at + RomfsFormat.EName + c];
                names[i] = new string(name);
                RomfsInode inode = new RomfsInode(this, at, mode, len, data);
                inode.MTime = RomfsFormat.U32(img, at + RomfsFormat.EMTime);
                entries[i] = inode;
                at += RomfsFormat.EntrySize(nameLen);
            }
            Root = new RomfsDir(this, names, entries);
            Image = img;
            return null;
        }
    }
}
