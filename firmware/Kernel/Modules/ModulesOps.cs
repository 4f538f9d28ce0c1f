using System.Threading;

namespace ProcNano
{
    /// <summary>
    /// /proc/modules, one line per loaded module, newest first: "name size refcount deps state address" where
    /// deps lists the modules using this one, each followed by a comma ("[permanent]," for a module without
    /// exit), or "-" if none. Built-in modules have no load address, so the last column is 0x00000000.
    /// </summary>
    public sealed class ModulesOps : SeqOps
    {
        private readonly ModuleTable _table;

        /// <summary>Made for each open by the kernel (IKernelView.NewModulesOps), with the table it lists.</summary>
        public ModulesOps(ModuleTable table) { _table = table; }

        public override int Start(SeqFile s, int index)
        {
            LockOrder.Check(_table.Lock, LockOrder.ModulesRank);
            Monitor.Enter(_table.Lock);
            return index < _table.LoadedCount ? index : End;
        }

        public override int Next(SeqFile s, int cursor, int index)
        {
            return index < _table.LoadedCount ? index : End;
        }

        public override void Stop(SeqFile s)
        {
            Monitor.Exit(_table.Lock);
        }

        public override int Show(SeqFile s, int cursor, OutBuf o)
        {
            ModuleTable t = _table;
            KernelModule m = t.LoadedAt(cursor);
            o.Str(m.Name);
            o.Char(' ');
            o.Dec(m.Size);
            o.Char(' ');
            o.Dec(t.UsersOf(m));
            o.Char(' ');
            bool any = false;
            for (int i = 0; ; i++)
            {
                KernelModule u = t.UserAt(m, i);
                if (u == null) break;
                o.Str(u.Name);
                o.Char(',');
                any = true;
            }
            if (!m.HasExit)
            {
                o.Str("[permanent],");
                any = true;
            }
            if (!any) o.Char('-');
            o.Char(' ');
            o.Str(m.State == KernelModule.Unloading ? "Unloading" : m.State == KernelModule.Loading ? "Loading" : "Live");
            o.Str(" 0x");
            o.Hex(0, 8, '0');
            o.Char('\n');
            return 0;
        }
    }
}
