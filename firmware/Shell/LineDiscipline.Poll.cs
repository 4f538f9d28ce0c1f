namespace ProcNano
{
    // Ctrl-C while a command runs (sleep, watch): the tty's signal character, looked for without blocking.
    public sealed partial class LineDiscipline
    {
        /// <summary>
        /// True once Ctrl-C has arrived since the command started: reads what the tty has (never waiting for
        /// more) into the input chunk, behind any bytes typed ahead, and looks for 0x03. The Ctrl-C is consumed
        /// (echoed "^C" as at the prompt) and with it what was typed before it, as a tty's INTR flushes its
        /// input; bytes typed ahead without one stay for the next line. A full chunk is not read further.
        /// </summary>
        public bool PollInterrupt()
        {
            if (_inPos > 0)
            {
                for (int i = _inPos; i < _inLen; i++) _in[i - _inPos] = _in[i];
                _inLen -= _inPos;
                _inPos = 0;
            }
            if (_inLen < _in.Length && _tty.HasInput())
            {
                int n = _tty.Read(_in, _inLen, _in.Length - _inLen);
                if (n > 0)
                {
                    if (Counters != null) Counters.AddRx(n);
                    _inLen += n;
                }
            }
            for (int i = 0; i < _inLen; i++)
            {
                if (_in[i] != CtrlC) continue;
                _inPos = i + 1;
                SigintPending = true;
                Interrupt();
                return true;
            }
            return false;
        }
    }
}
