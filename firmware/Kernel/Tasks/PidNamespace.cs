
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
        /// <summary>Pids numbered in this namespace, in creation order.</summary>
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

        /// <summary>Next free number (wrapping at pid_max like Linux), or -EAGAIN.</summary>
        public int AllocNr()
        {
            for (int tries = 0; tries < _pidMax; tries++)
            {
                _last++;
                if (_last >= _pidMax) _last = 1;
                if (Find(_last) == null) return _last;
            }
            return -Errno.EAGAIN;
        }

        public Pid Find(int nr)
        {
            for (int i = 0; i < Pids.Count; i++)
            {
                Pid p = (Pid)Pids[i];
                if (p.NrIn(this) == nr) return p;
            }
            return null;
        }
    }
}
