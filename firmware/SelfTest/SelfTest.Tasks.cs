namespace ProcNano
{
    // Scenarios of tasks (checks 26-31): exec's text in place and shared, the exe link, SysV shm, exit, pid
    // namespaces. Each starts /bin/hold children of the calling task (one page each) and kills them.
    public sealed partial class SelfTest
    {
        private const string Hold = "/bin/hold";

        /// <summary>Starts <paramref name="path"/> (a copy of /bin/hold) holding one page; its pid or -errno.</summary>
        private int Exec(string path, int cloneFlags)
        {
            return _sys.Exec(_t, path, new string[] { "hold", "1" }, cloneFlags);
        }

        // Kills and reaps (wait), so no zombie of the check stays behind.
        private void Kill(int pid)
        {
            if (pid <= 0) return;
            _sys.Kill(_t, pid, Syscalls.SIGKILL);
            int code;
            _sys.Wait(_t, pid, out code);
        }

        /// <summary>The VM_EXECUTABLE VMA of <paramref name="t"/>, or -1.</summary>
        private int TextVma(Task t)
        {
            lock (_lock)
            {
                if (t == null || t.Mm == null) return -1;
                for (int i = 0; i < t.Mm.Vmas.Count; i++)
                    if ((_mem.Vmas.Flags(t.Mm.Vmas[i]) & Vm.VM_EXECUTABLE) != 0) return t.Mm.Vmas[i];
                return -1;
            }
        }

        private int CopyFile(string from, string to)
        {
            int src = _sys.Open(_t, from, File.O_RDONLY, 0);
            if (src < 0) return src;
            int dst = _sys.Open(_t, to, File.O_WRONLY | File.O_CREAT | File.O_TRUNC, 0x1ED);
            int e = dst;
            while (e >= 0)
            {
                int n = _sys.Read(_t, src, _buf, 0, _buf.Length);
                if (n <= 0) { e = n; break; }
                e = _sys.Write(_t, dst, _buf, 0, n);
            }
            _sys.Close(_t, src);
            if (dst >= 0) _sys.Close(_t, dst);
            return e < 0 ? e : 0;
        }

        private string FlashText(int check)
        {
            string path = FlashFile(".selftest-hold");
            if (path == null) return Skipped;
            int p1 = -1, p2 = -1;
            string fail = null;
            try
            {
                int e = CopyFile(Hold, path);
                if (e < 0) return fail = Got("copy " + Hold + " to " + path, e);
                int before = _mem.MmapPagesAllocated;
                p1 = Exec(path, 0);
                int first = _mem.MmapPagesAllocated - before;
                p2 = p1 < 0 ? p1 : Exec(path, 0);
                int second = _mem.MmapPagesAllocated - before - first;
                if (p2 < 0) return fail = Got("exec " + path, p2);
                Tamper(check);
                lock (_lock)
                {
                    int texts = 0, region = -1;
                    RegionTable rt = _mem.Regions;
                    for (int i = 0; i < rt.Count; i++)
                    {
                        int r = rt.At(i);
                        File f = _mem.RegionFile(r);
                        if (f != null && f.Path == path && (rt.Flags(r) & Vm.VM_EXEC) != 0) { texts++; region = r; }
                    }
                    if (texts != 1) fail = texts.ToString() + " text regions of " + path + ", expected one";
                    else if (!IsCopy(rt.Flags(region))) fail = "flash text is not a copy";
                    else if (rt.Usage(region) != 2) fail = "the text copy's usage is " + rt.Usage(region).ToString() + ", expected 2";
                    else if (first - second != RegionPages(region))
                        fail = "the second exec cost " + second.ToString() + " pages, the first " + first.ToString() + ": text counted twice";
                }
            }
            finally
            {
                Kill(p1);
                Kill(p2);
                _sys.Unlink(_t, path);
            }
            return fail;
        }

        private string RomfsInPlace(int check)
        {
            int pid = -1;
            string fail = null;
            try
            {
                pid = Exec(Hold, 0);
                if (pid < 0) return fail = Got("exec " + Hold, pid);
                Tamper(check);
                int v = TextVma(_sys.FindTask(_t, pid));
                lock (_lock)
                {
                    if (v < 0) fail = "no VM_EXECUTABLE VMA";
                    else if (!_phys.InRom(_mem.Vmas.Start(v))) fail = "the text is not at its ROM address";
                    else if (IsCopy(_mem.Regions.Flags(_mem.Vmas.Region(v)))) fail = "the text was copied";
                }
            }
            finally
            {
                Kill(pid);
            }
            return fail;
        }

        private string ExeDropped(int check)
        {
            int pid = -1;
            string fail = null;
            try
            {
                pid = Exec(Hold, 0);
                if (pid < 0) return fail = Got("exec " + Hold, pid);
                string link = "/proc/" + pid.ToString() + "/exe";
                int err;
                string target = _sys.ReadLink(_t, link, out err);
                if (target != Hold) return fail = target == null ? Got("readlink " + link, err) : link + " -> " + target;
                Task child = _sys.FindTask(_t, pid);
                int v = TextVma(child);
                if (v < 0) return fail = "no VM_EXECUTABLE VMA";
                int e = _sys.Munmap(child, _mem.Vmas.Start(v), _mem.Vmas.End(v) - _mem.Vmas.Start(v));
                if (e < 0) return fail = Got("munmap of the text", e);
                Tamper(check);
                target = _sys.ReadLink(_t, link, out err);
                if (target != null) fail = link + " still -> " + target + " with no VM_EXECUTABLE VMA";
                else if (err != -Errno.ENOENT) fail = Got("readlink " + link, err);
            }
            finally
            {
                Kill(pid);
            }
            return fail;
        }

        private string ShmOneAddress(int check)
        {
            int id = -1, pid = -1;
            long a1 = -1, a2 = -1;
            bool removed = false;
            string fail = null;
            try
            {
                id = _sys.Shmget(_t, Shm.IPC_PRIVATE, _mem.PageSize, Shm.IPC_CREAT | 0x180);
                if (id < 0) return fail = Got("shmget", id);
                a1 = _sys.Shmat(_t, id, 0, 0);
                a2 = a1 < 0 ? a1 : _sys.Shmat(_t, id, 0, 0);
                pid = a2 < 0 ? -1 : Exec(Hold, 0);
                Task child = pid < 0 ? null : _sys.FindTask(_t, pid);
                long a3 = a2 < 0 ? a2 : child == null ? pid : _sys.Shmat(child, id, 0, 0);
                if (a3 < 0) return fail = Got("shmat", a3);
                int dt = _sys.Shmdt(_t, (uint)a1);
                Tamper(check);
                ShmSegment s = _shm.Find(id);
                int v = VmaAt((uint)a1);
                if (a1 != a2 || a1 != a3) fail = "three attaches, three addresses";
                else if (dt < 0) fail = Got("shmdt", dt);
                else if (s == null || s.Nattch != 2) fail = "after one shmdt the segment counts " + (s == null ? "nothing" : s.Nattch.ToString() + " attaches") + ", expected 2";
                else if (v < 0 || (_mem.Vmas.Flags(v) & Vm.VM_SHM) == 0) fail = "shmdt removed both of this task's attaches";
                if (fail != null) return fail;
                int e = _sys.Shmctl(_t, id, Shm.IPC_RMID);
                removed = e == 0;
                if (e < 0) return fail = Got("shmctl IPC_RMID", e);
                if (_shm.Find(id) == null) return fail = "IPC_RMID destroyed a segment still attached";
                _sys.Shmdt(_t, (uint)a2);
                Kill(pid);
                pid = -1;
                if (_shm.Find(id) != null) fail = "the segment outlived its last attach after IPC_RMID";
            }
            finally
            {
                Kill(pid);
                if (a1 >= 0) _sys.Shmdt(_t, (uint)a1);
                if (a2 >= 0) _sys.Shmdt(_t, (uint)a2);
                if (id >= 0 && !removed) _sys.Shmctl(_t, id, Shm.IPC_RMID);
            }
            return fail;
        }

        private string ExitFrees(int check)
        {
            int[] before = Snapshot();
            int pid = Exec(Hold, 0);
            if (pid < 0) return Got("exec " + Hold, pid);
            Kill(pid);
            Tamper(check);
            return Differs(before, Snapshot());
        }

        private string PidNamespace(int check)
        {
            int pid = -1;
            string fail = null;
            try
            {
                pid = Exec(Hold, Syscalls.CLONE_NEWPID);
                if (pid < 0) return fail = Got("exec " + Hold + " in a new pid namespace", pid);
                Tamper(check);
                Task child = _sys.FindTask(_t, pid);
                if (child == null) fail = "the task is not pid " + pid.ToString() + " here";
                else if (child.PidNs.Level != _t.PidNs.Level + 1) fail = "the task is not in a child pid namespace";
                else if (child.Pid.NrIn(child.PidNs) != 1) fail = "the task is pid " + child.Pid.NrIn(child.PidNs).ToString() + " of its namespace, not 1";
            }
            finally
            {
                Kill(pid);
            }
            if (fail == null && _sys.FindTask(_t, pid) != null) fail = "the namespace's init did not die";
            return fail;
        }
    }
}
