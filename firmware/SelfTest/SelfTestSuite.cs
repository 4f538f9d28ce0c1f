namespace ProcNano
{
    /// <summary>
    /// The `selftest` command's body (the kernel's <see cref="SelfTestCommand"/> finds it through the platform):
    /// runs <see cref="SelfTest"/> as the shell's task and prints one line per check as it runs, "ok", "FAIL" with
    /// what was wrong, or "skip", then "N passed, N failed". Status 1 if any check failed.
    /// </summary>
    public sealed class SelfTestSuite : ISelfTestSuite, ISelfTestReport
    {
        private ShellWriter _out;
        private int _passed, _failed, _skipped;

        public int Run(Shell sh)
        {
            _out = sh.Out;
            _passed = _failed = _skipped = 0;
            new SelfTest((Kernel)sh.Sys.Introspect(sh.Task), sh.Task).Run(this);
            _out.Dec(_passed);
            _out.Str(" passed, ");
            _out.Dec(_failed);
            _out.Str(" failed");
            if (_skipped > 0)
            {
                _out.Str(", ");
                _out.Dec(_skipped);
                _out.Str(" skipped");
            }
            _out.Char('\n');
            return _failed == 0 ? Shell.StatusOk : Shell.StatusError;
        }

        public void Result(int number, string name, string failure)
        {
            bool skipped = SelfTest.IsSkip(failure);
            if (failure == null) _passed++;
            else if (skipped) _skipped++;
            else _failed++;
            _out.Str(failure == null ? "ok   " : skipped ? "skip " : "FAIL ");
            _out.Dec(number, 2);
            _out.Char(' ');
            _out.Str(name);
            if (failure != null && (!skipped || failure.Length > SelfTest.Skipped.Length))
            {
                _out.Str(": ");
                _out.Str(skipped ? failure.Substring(SelfTest.Skipped.Length + 2) : failure);
            }
            _out.Char('\n');
            _out.Flush();   // line by line: on a board a run takes a while
        }
    }
}
