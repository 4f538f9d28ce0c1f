namespace ProcNano
{
    /// <summary>One entry of the mount table (a vfsmount): where a superblock is attached and what it covers.</summary>
    public sealed class VfsMount
    {
        /// <summary>Absolute path of the mount point ("/" for the root).</summary>
        public readonly string Point;
        public readonly SuperBlock Sb;
        /// <summary>The directory hidden by this mount (null for the root mount).</summary>
        public readonly Inode Covered;

        public VfsMount(string point, SuperBlock sb, Inode covered)
        {
            Point = point;
            Sb = sb;
            Covered = covered;
        }

        public string FsType => Sb.FsType;
        /// <summary>Mount options as /proc/mounts' fourth column shows them.</summary>
        public string Options => Sb.ReadOnly ? "ro" : "rw";
        public string DevName => Sb.DevName;
    }
}
