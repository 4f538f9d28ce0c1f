namespace ProcNano
{
    /// <summary>The numbered directories in the procfs root: only the pids of the superblock's namespace,
    /// named by the numbers that namespace gives them (Linux's proc_pid_lookup / proc_pid_readdir).</summary>
    public static class PidDirs
    {
        public static int Lookup(ProcSuperBlock sb, string name, out Inode child)
        {
            child = null;
            int nr = ParsePid(name);
            if (nr <= 0) return -Errno.ENOENT;
            Pid pid = sb.Ns.Find(nr);
            if (pid == null || pid.Task == null) return -Errno.ENOENT;
            child = new PidInode(sb, pid, PidTable.Root, null);
            return 0;
        }

        /// <summary>The <paramref name="index"/>-th pid of the namespace, by number: every pid in its list has a
        /// task, so the index is the position (one step per entry, not a rescan).</summary>
        public static int ReadDir(ProcSuperBlock sb, int index, out string name, out Inode child)
        {
            name = null;
            child = null;
            PidNamespace ns = sb.Ns;
            if (index < 0 || index >= ns.Pids.Count) return 0;
            Pid p = (Pid)ns.Pids[index];
            name = p.NrIn(ns).ToString();
            child = new PidInode(sb, p, PidTable.Root, null);
            return 1;
        }

        /// <summary>A pid directory name: decimal digits, no sign, no leading zero; 0 if not one.</summary>
        public static int ParsePid(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 9) return 0;
            if (s.Length > 1 && s[0] == '0') return 0;
            int v = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return 0;
                v = v * 10 + (c - '0');
            }
            return v;
        }
    }
}
