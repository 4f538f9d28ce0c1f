namespace ProcNano
{
    /// <summary>/proc/&lt;pid&gt;/cmdline: the arguments, each followed by a NUL byte.</summary>
    public sealed class CmdlineOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            Task t = s.Target;
            string c = t.Cmdline;
            int len = t.ArgsLength;
            for (int i = 0; i < len; i++) o.Char(c[i] == Task.ArgEnd ? '\0' : c[i]);   // each argument NUL-terminated
            return 0;
        }
    }

    /// <summary>/proc/&lt;pid&gt;/environ: the environment exec gave the task, each "NAME=value" NUL-terminated
    /// (0400 and the ptrace check, as 2.6.29's proc_pid_environ).</summary>
    public sealed class EnvironOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            Task t = s.Target;
            string c = t.Cmdline;
            for (int i = t.ArgsLength + 1; i < c.Length; i++) o.Char(c[i] == Task.ArgEnd ? '\0' : c[i]);
            return 0;
        }
    }

    /// <summary>/proc/&lt;pid&gt;/comm: "%s\n" of the command name.</summary>
    public sealed class CommOps : SingleSeqOps
    {
        public override int Show(SeqFile s, OutBuf o)
        {
            Task t = s.Target;
            o.Str(t.Cmdline, t.CommStart, t.CommLength);
            o.Char('\n');
            return 0;
        }
    }

    /// <summary>/proc/&lt;pid&gt;/cwd: a symlink to the task's working directory.</summary>
    public static class CwdLink
    {
        public static string Target(ProcInode link, out int err)
        {
            Task t = link.Task;
            if (t == null || t.Cwd == null) { err = -Errno.ENOENT; return null; }
            err = 0;
            return t.Cwd;
        }
    }
}
