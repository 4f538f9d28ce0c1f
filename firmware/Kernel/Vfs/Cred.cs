namespace ProcNano
{
    /// <summary>
    /// A task's credentials (Linux's struct cred): real, effective, saved and filesystem uid and gid.
    /// Immutable and shared: a new task points at its parent's, and changing an id makes a new one
    /// (prepare_creds/commit_creds), so the tasks of one user cost one cred between them. It sits in the VFS,
    /// the lowest layer that reads it (permission checks, new inodes' owners); a task holds it as a
    /// <see cref="VfsCaller"/>.
    /// </summary>
    public sealed class Cred
    {
        public readonly int Uid, Euid, Suid, Fsuid;
        public readonly int Gid, Egid, Sgid, Fsgid;

        /// <summary>Root's credentials, which init starts with.</summary>
        public static readonly Cred Root = new Cred(0, 0, 0, 0, 0, 0, 0, 0);

        public Cred(int uid, int euid, int suid, int fsuid, int gid, int egid, int sgid, int fsgid)
        {
            Uid = uid; Euid = euid; Suid = suid; Fsuid = fsuid;
            Gid = gid; Egid = egid; Sgid = sgid; Fsgid = fsgid;
        }

        public Cred WithUids(int uid, int euid, int suid, int fsuid)
        {
            return new Cred(uid, euid, suid, fsuid, Gid, Egid, Sgid, Fsgid);
        }

        public Cred WithGids(int gid, int egid, int sgid, int fsgid)
        {
            return new Cred(Uid, Euid, Suid, Fsuid, gid, egid, sgid, fsgid);
        }
    }
}
