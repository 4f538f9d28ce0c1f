
namespace ProcNano
{
    /// <summary>
    /// k.Modules: the table of built-in modules and the list of loaded ones (newest first, as /proc/modules
    /// and lsmod show them). Errors follow Linux's init_module/delete_module: unknown name ENOENT, already
    /// loaded EEXIST, a dependency not loaded ENOENT ("Unknown symbol"), not root EPERM; rmmod of a module
    /// other modules use or someone holds → EAGAIN (EWOULDBLOCK, as rmmod's non-blocking delete gets), of a
    /// module without exit → EBUSY.
    /// </summary>
    public sealed class ModuleTable
    {
        private readonly IKernelView _k;
        private readonly RefList _known = new RefList();
        private readonly RefList _loaded = new RefList();
        public ModuleTable(IKernelView k) { _k = k; }

        /// <summary>Adds a built-in module to the table; -EEXIST if the name is taken.</summary>
        public int Register(KernelModule m)
        {
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                if (FindKnown(m.Name) != null) return -Errno.EEXIST;
                _known.Add(m);
                return 0;
            }
        }

        /// <summary>Loads <paramref name="name"/> on behalf of <paramref name="t"/> (null: the kernel).</summary>
        public int Insmod(Task t, string name)
        {
            if (t != null && t.Euid != 0) return -Errno.EPERM;
            return Insmod(name);
        }

        public int Insmod(string name)
        {
            KernelModule m;
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                m = FindKnown(name);
                if (m == null) return -Errno.ENOENT;
                if (m.State != KernelModule.Unloaded) return -Errno.EEXIST;
                string[] deps = m.Depends;
                if (deps != null)
                {
                    for (int i = 0; i < deps.Length; i++)
                    {
                        KernelModule d = FindKnown(deps[i]);
                        if (d == null || d.State != KernelModule.Live)
                        {
                            _k.Log.Print(name + ": Unknown symbol in module (needs " + deps[i] + ")");
                            return -Errno.ENOENT;
                        }
                    }
                    for (int i = 0; i < deps.Length; i++) FindKnown(deps[i]).Refs++;
                }
                m.State = KernelModule.Loading;
                _loaded.Insert(0, m);
            }
            int r = m.Init(_k);
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                if (r < 0)
                {
                    _loaded.Remove(m);
                    m.State = KernelModule.Unloaded;
                    DropDeps(m);
                    return r;
                }
                m.State = KernelModule.Live;
            }
            return 0;
        }

        public int Rmmod(Task t, string name)
        {
            if (t != null && t.Euid != 0) return -Errno.EPERM;
            return Rmmod(name);
        }

        public int Rmmod(string name)
        {
            KernelModule m;
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                m = FindKnown(name);
                if (m == null || m.State == KernelModule.Unloaded) return -Errno.ENOENT;
                if (m.State != KernelModule.Live) return -Errno.EBUSY;
                if (UsersOf(m) > 0) return -Errno.EAGAIN;
                if (!m.HasExit) return -Errno.EBUSY;
                m.State = KernelModule.Unloading;
            }
            m.Exit(_k);   // may wait for readers of the module's proc files: no lock held
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                _loaded.Remove(m);
                m.State = KernelModule.Unloaded;
                DropDeps(m);
            }
            return 0;
        }

        /// <summary>try_module_get: pins a live module against rmmod. False if not loaded.</summary>
        public bool Get(string name)
        {
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                KernelModule m = FindKnown(name);
                if (m == null || m.State != KernelModule.Live) return false;
                m.Refs++;
                return true;
            }
        }

        public void Put(string name)
        {
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                KernelModule m = FindKnown(name);
                if (m != null && m.Refs > 0) m.Refs--;
            }
        }

        public bool IsLoaded(string name)
        {
            LockOrder.Check(_known, LockOrder.ModulesRank); lock (_known)
            {
                KernelModule m = FindKnown(name);
                return m != null && m.State == KernelModule.Live;
            }
        }

        // ---- /proc/modules ----

        /// <summary>Held by /proc/modules from Start to Stop so the list does not change under a read.</summary>
        /// <summary>The table locks on its list of known modules: no lock object of its own.</summary>
        internal object Lock => _known;
        internal int LoadedCount => _loaded.Count;
        internal KernelModule LoadedAt(int i) { return (KernelModule)_loaded[i]; }

        /// <summary>Reference count as /proc/modules prints it: explicit references plus one per loaded module
        /// that depends on it (insmod takes that reference, as Linux's use_module does).</summary>
        internal int UsersOf(KernelModule m) { return m.Refs; }

        /// <summary>The <paramref name="i"/>-th loaded module that depends on <paramref name="m"/>, or null.</summary>
        internal KernelModule UserAt(KernelModule m, int i)
        {
            for (int j = 0; j < _loaded.Count; j++)
            {
                KernelModule u = (KernelModule)_loaded[j];
                if (u.Depends == null) continue;
                for (int d = 0; d < u.Depends.Length; d++)
                {
                    if (u.Depends[d] == m.Name && i-- == 0) return u;
                }
            }
            return null;
        }

        private void DropDeps(KernelModule m)
        {
            if (m.Depends == null) return;
            for (int i = 0; i < m.Depends.Length; i++)
            {
                KernelModule d = FindKnown(m.Depends[i]);
                if (d != null && d.Refs > 0) d.Refs--;
            }
        }

        private KernelModule FindKnown(string name)
        {
            for (int i = 0; i < _known.Count; i++)
            {
                KernelModule m = (KernelModule)_known[i];
                if (m.Name == name) return m;
            }
            return null;
        }
    }
}
