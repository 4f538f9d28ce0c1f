namespace ProcNano
{
    // The built-in file system types, in /proc/filesystems' order: a switch, not FsType objects with delegates.
    public sealed partial class Kernel
    {
        public int BuiltinFsCount => 4;

        public string BuiltinFsName(int i)
        {
            switch (i)
            {
                case 0: return "ramfs";
                case 1: return "romfs";
                case 2: return "flashfs";
                default: return ProcFs.TypeName;
            }
        }

        public bool BuiltinFsNoDev(int i) { return i == 0 || i == 3; }

        public SuperBlock MountBuiltinFs(int i, VfsCaller mounter, string source)
        {
            switch (i)
            {
                case 0: return Fs.MountRamfs(mounter, source);
                case 1: return Fs.MountRomfs(mounter, source);
                case 2: return Fs.MountFlash(mounter, source);
            }
            // Before the proc tree exists (early boot) there is nothing to show.
            if (Proc == null) return null;
            ProcSuperBlock sb = ProcFs.NewSuperBlock(this, mounter == null ? null : ((Task)mounter).PidNs);
            sb.Minor = Vfs.AllocAnonMinor();
            return sb;
        }
    }
}
