
namespace ProcNano
{
    /// <summary>A pid namespace: numbers its own pids from 1; a task is visible in its own namespace and in
    /// every ancestor, with a number in each.</summary>
    public sealed class PidNamespace
    {
        public readonly int Level;
        public readonly PidNamespace Parent;
        private int _last;
        private readonly int _pidMax;
        /// <summary>Pids numbered in this namespace, by number (as /proc lists them): lookups halve it. Every one
        /// has a task (a pid leaves the list when its task goes).</summary>
        public readonly RefList Pids = new RefList();
        /// <summary>This namespace and its ancestors by level (Chain[Level] == this): the same for every pid
        /// made here, so the pids share it instead of each keeping a copy.</summary>
        public readonly PidNamespace[] Chain;

        public PidNamespace(PidNamespace parent, int pidMax)
        {
            Parent = parent;
            Level = parent == null ? 0 : parent.Level + 1;
            _pidMax = pidMax;
            Chain = new PidNamespace[Level + 1];
            for (PidNamespace p = this; p != null; p = p.Parent) Chain[p.Level] = p;
        }

        /// <summary>Numbers below this are not handed out again once the numbers wrap (Linux's RESERVED_PIDS:
        /// they belong to the daemons that started first).</summary>
        public const int ReservedPids = 300;

        /// <summary>Next free number, or -EAGAIN. At pid_max the count starts over at 300 (alloc_pidmap), or at
        /// 1 where pid_max leaves nothing above 300 (a test board's).</summary>
        public int AllocNr()
        {
            int restart = _pidMax > ReservedPids ? ReservedPids : 1;
            for (int tries = 0; tries < _pidMax; tries++)
            {
                _last++;
                if (_last >= _pidMax) _last = restart;
                if (Find(_last) == null) return _last;
            }
            return -Errno.EAGAIN;
        }

        public Pid Find(int nr)
        {
            int i = Position(nr);
            return i < Pids.Count && ((Pid)Pids[i]).NrIn(this) == nr ? (Pid)Pids[i] : null;
        }

        /// <summary>Puts a pid numbered here in its place (may throw OutOfMemoryException as the list grows).</summary>
        public void AddPid(Pid p) { Pids.Insert(Position(p.NrIn(this)), p); }

        public void RemovePid(Pid p)
        {
            int i = Position(p.NrIn(this));
            if (i < Pids.Count && Pids[i] == p) Pids.RemoveAt(i);
        }

        // The index of the first pid whose number is not below nr (binary search).
        private int Position(int nr)
        {
            int lo = 0, hi = Pids.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (((Pid)Pids[mid]).NrIn(this) < nr) lo = mid + 1; else hi = mid;
            }
            return lo;
        }
    }
}
