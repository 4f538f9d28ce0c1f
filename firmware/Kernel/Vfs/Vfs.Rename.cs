namespace ProcNano
{
    // rename(2): the checks of 2.6.29's do_rename and vfs_rename, in their order, then the file system's op.
    public sealed partial class Vfs
    {
        /// <summary>
        /// Renames <paramref name="oldPath"/> to <paramref name="newPath"/>: EBUSY for "." / ".." / "/" or a
        /// mount point, EXDEV across file systems, ENOENT, ENOTDIR for a trailing slash on a non-directory,
        /// EINVAL to move a directory into itself, ENOTEMPTY onto its own ancestor, EACCES/EPERM/EROFS from
        /// may_delete and may_create, EISDIR a file onto a directory, ENOTDIR a directory onto a file.
        /// The same file under both names does nothing.
        /// </summary>
        public int Rename(VfsCaller t, string oldPath, string newPath)
        {
            PathWalk ow = new PathWalk(this, t), nw = new PathWalk(this, t);
            int e = ow.WalkParent(oldPath);
            if (e < 0) return e;
            if (ow.LastType != PathWalk.LastNorm) return -Errno.EBUSY;
            e = nw.WalkParent(newPath);
            if (e < 0) return e;
            if (nw.LastType != PathWalk.LastNorm) return -Errno.EBUSY;
            Inode odir = ow.Inode, ndir = nw.Inode, old, victim;
            if (odir.Sb != ndir.Sb) return -Errno.EXDEV;
            e = odir.Lookup(t, ow.Last, out old);
            if (e < 0) return e;
            if (!old.IsDir && (ow.TrailingSlash || nw.TrailingSlash)) return -Errno.ENOTDIR;
            string oabs = ow.LastPath, nabs = nw.LastPath;
            if (old.IsDir && nabs.Length > oabs.Length && nabs.Substring(0, oabs.Length + 1) == oabs + "/") return -Errno.EINVAL;
            e = ndir.Lookup(t, nw.Last, out victim);
            if (e < 0 && e != -Errno.ENOENT) return e;
            if (e < 0) victim = null;
            if (victim != null && oabs.Length > nabs.Length && oabs.Substring(0, nabs.Length + 1) == nabs + "/")
                return -Errno.ENOTEMPTY;
            if (victim == old) return 0;
            e = MayDelete(t, odir, old);
            if (e < 0) return e;
            if (victim == null) e = Permission(t, ndir, MayWrite | MayExec);
            else
            {
                e = MayDelete(t, ndir, victim);
                if (e == 0 && victim.IsDir && !old.IsDir) e = -Errno.EISDIR;
                if (e == 0 && !victim.IsDir && old.IsDir) e = -Errno.ENOTDIR;
            }
            if (e < 0) return e;
            if (IsMountPoint(old) || (victim != null && IsMountPoint(victim))) return -Errno.EBUSY;
            return odir.Rename(t, ow.Last, ndir, nw.Last);
        }
    }
}
