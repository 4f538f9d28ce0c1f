using System.Threading;

namespace ProcNano
{
    // The tty while the shell waits for a job (wait): only Ctrl-C means something.
    public sealed partial class LineDiscipline
    {
        /// <summary>Blocks until Ctrl-C arrives (echoes "^C", returns true) or the line closes (false). What else
        /// is typed meanwhile is dropped, as a tty flushes its input on the interrupt.</summary>
        public bool WaitInterrupt()
        {
            while (true)
            {
                if (_inPos == _inLen)
                {
                    int n = _tty.Read(_in, 0, _in.Length);
                    if (n > 0 && Counters != null) Counters.AddRx(n);
                    if (n < 0) return false;
                    if (n == 0)
                    {
                        Thread.Sleep(10);
                        continue;
                    }
                    _inPos = 0;
                    _inLen = n;
                }
                if (_in[_inPos++] != CtrlC) continue;
                _inPos = _inLen;
                SigintPending = true;
                if (Echo)
                {
                    EchoByte((byte)'^');
                    EchoByte((byte)'C');
                    EchoCrlf();
                }
                return true;
            }
        }
    }
}
