namespace ProcNano
{
    public sealed partial class Kernel
    {
        /// <summary>
        /// do_exit: closes the task's files, tears down its mm (regions whose usage reaches 0 are freed),
        /// hands its children to init, and detaches its pid, so open /proc/&lt;pid&gt; files read ESRCH and
        /// nothing keeps the Task object alive. Tasks are reaped at once (no zombies are kept).
        /// If the task is the init of a child pid namespace, every task of that namespace goes first.
        /// Takes <see cref="Lock"/>.
        /// </summary>
        public void ExitTask(Task t, int code)
        {
            lock (Lock) ExitTaskLocked(t, code);
        }

        private void ExitTaskLocked(Task t, int code)
        {
            if (t.State == Task.Dead) return;
            if (t.PidNs.Level > 0 && t.Pid.NrIn(t.PidNs) == 1) KillNamespace(t.PidNs, t);
            t.ExitCode = code;
            for (int fd = 0; fd < t.Fds.Size; fd++)
            {
                File f = t.Fds.Remove(fd);
                if (f != null) Files.Close(f);
            }
            Mem.ExitMmap(t);
            for (int i = 0; i < Tasks.Count; i++)
            {
                Task c = Tasks[i];
                if (c.Parent == t) c.Parent = Init;
            }
            t.State = Task.Dead;
            Tasks.All.Remove(t);
            Tasks.FreePid(t.Pid);
            t.Mm = null;
            t.Parent = null;
        }

        private void KillNamespace(PidNamespace ns, Task reaper)
        {
            for (int i = Tasks.Count - 1; i >= 0; i--)
            {
                if (i >= Tasks.Count) continue;
                Task c = Tasks[i];
                if (c != reaper && c.Pid.NrIn(ns) != 0) ExitTaskLocked(c, 128 + Syscalls.SIGKILL);
            }
        }
    }
}
