using System.Threading;

namespace ProcNano
{
    /// <summary>
    /// The tty line discipline (Linux's n_tty in canonical mode, cut down for a serial console): turns the
    /// bytes a user types into lines and translates output newlines.
    /// <list type="bullet">
    /// <item>Echo (switchable). CR, LF or CRLF end a line; CRLF counts once.</item>
    /// <item>Backspace (0x08) and DEL (0x7f) erase one character (echo "\b \b"); Ctrl-U erases the line
    /// (before the cursor).</item>
    /// <item>On an echoing line, readline's keys move a cursor in the line and edit there (Edit); Tab asks the
    /// <see cref="Completer"/> (Complete). A pipe's bytes read as they always did.</item>
    /// <item>Ctrl-C (0x03) drops the line (echo "^C" CRLF) and returns <see cref="Interrupted"/>.</item>
    /// <item>A line longer than <see cref="MaxLine"/> bytes is refused: the excess is not stored, the line
    /// reads back as <see cref="TooLong"/> when it ends.</item>
    /// <item>Up/down arrows (ESC [ A / ESC [ B, or ESC O A/B) walk a small fixed history; the cursor keys
    /// edit; every other ANSI escape sequence is swallowed. A control byte inside a sequence ends it, so noise
    /// cannot eat Enter.</item>
    /// <item>Other control bytes are ignored. UTF-8 is tolerated: a structurally valid multi-byte sequence is
    /// kept (and erased) as one character; stray or malformed bytes are dropped.</item>
    /// <item>Output: "\n" goes out as "\r\n" (ONLCR) unless it already follows "\r", or
    /// <see cref="OutputCrlf"/> is off (a pipe).</item>
    /// </list>
    /// Every buffer is fixed at construction: nothing the sender types can grow memory.
    /// </summary>
    public sealed partial class LineDiscipline
    {
        public const int DefaultMaxLine = 256;
        public const int DefaultHistory = 4;
        /// <summary>Bytes the history may hold, all lines together (four typical commands).</summary>
        public const int DefaultHistoryBytes = 256;

        /// <summary>ReadLine results besides a line length.</summary>
        public const int Closed = -1, Interrupted = -2, TooLong = -3;
        /// <summary>Feed result: the byte did not end a line.</summary>
        public const int NoLine = -4;

        private const byte Bs = 0x08, Del = 0x7f, CtrlC = 0x03, CtrlU = 0x15, Esc = 0x1b, Bel = 0x07;
        private const byte CtrlA = 0x01, CtrlB = 0x02, CtrlE = 0x05, CtrlF = 0x06, CtrlK = 0x0b, CtrlL = 0x0c, CtrlW = 0x17;
        // ESC seen; CSI (ESC [); SS3 (ESC O); an escape's intermediates (ESC 0x20-0x2f ...); a control string
        // (OSC ESC ], DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _) up to BEL or ST; ESC inside one (ST is ESC \).
        private const int EscNone = 0, EscStart = 1, EscCsi = 2, EscSs3 = 3, EscInter = 4, EscString = 5, EscStringEsc = 6;

        private readonly ITty _tty;
        private readonly byte[] _line;
        // The line's length and the cursor in it (bytes; the cursor moves only on an echoing line).
        private int _len, _cur;

        private readonly byte[] _in = new byte[16];
        private int _inPos, _inLen;
        // Echo scratch (bytes 0-7: a cursor sequence ESC [ n D fits) and the UTF-8 character being typed
        // (bytes Utf to Utf+3).
        private readonly byte[] _scratch = new byte[12];
        private const int Utf = 8;

        // The editing state's small figures share one field (12 bytes each on the device): the last byte
        // written (bits 0-7), a CSI's first parameter is complete (8), Ctrl-C seen while a command ran (9), UTF-8 bytes had and needed (10-12,
        // 13-15), flags (16-19), the escape state (20-22), the CSI's first parameter (23-30, at most 255).
        private int _state = EchoBit | CrlfBit;
        private const int EscShift = 20, HaveShift = 10, NeedShift = 13, ParamShift = 23;
        private const int ParamDoneBit = 1 << 8, SigintBit = 1 << 9, OverflowBit = 1 << 16, LastCrBit = 1 << 17, EchoBit = 1 << 18, CrlfBit = 1 << 19;

        private byte LastOut { get { return (byte)_state; } set { _state = (_state & ~0xFF) | value; } }
        private int EscState { get { return (_state >> EscShift) & 7; } set { _state = (_state & ~(7 << EscShift)) | (value << EscShift); } }
        private int UtfHave { get { return (_state >> HaveShift) & 7; } set { _state = (_state & ~(7 << HaveShift)) | (value << HaveShift); } }
        private int UtfNeed { get { return (_state >> NeedShift) & 7; } set { _state = (_state & ~(7 << NeedShift)) | (value << NeedShift); } }
        private int Param { get { return (_state >> ParamShift) & 0xFF; } set { _state = (_state & ~(0xFF << ParamShift)) | (value << ParamShift); } }
        private bool Overflowed { get { return Bit(OverflowBit); } set { SetBit(OverflowBit, value); } }
        private bool LastCr { get { return Bit(LastCrBit); } set { SetBit(LastCrBit, value); } }
        private bool Bit(int bit) { return (_state & bit) != 0; }
        private void SetBit(int bit, bool on) { _state = on ? _state | bit : _state & ~bit; }

        // History, and how many steps back the user has walked (0 = the new line).
        private readonly LineHistory _hist;
        private int _browse;

        /// <summary>Echo typed characters back (off for pipes and scripts).</summary>
        public bool Echo { get { return Bit(EchoBit); } set { SetBit(EchoBit, value); } }
        /// <summary>Translate output "\n" to "\r\n" (on for terminals and serial lines).</summary>
        public bool OutputCrlf { get { return Bit(CrlfBit); } set { SetBit(CrlfBit, value); } }
        /// <summary>Ctrl-C came while a command ran (<see cref="PollInterrupt"/>, <see cref="WaitInterrupt"/>):
        /// the shell abandons the rest of its line, as sh does when its foreground job dies of SIGINT, and
        /// clears this before the next line.</summary>
        public bool SigintPending { get { return Bit(SigintBit); } set { SetBit(SigintBit, value); } }
        /// <summary>Byte counters of the port under this tty (the kernel's UART stats, shown by the uart
        /// module), or null: every byte read from and written to the tty is counted, echo included.</summary>
        public UartStats Counters;

        public LineDiscipline(ITty tty) : this(tty, DefaultMaxLine, DefaultHistory) { }

        public LineDiscipline(ITty tty, int maxLine, int historyDepth)
        {
            _tty = tty;
            _line = new byte[maxLine];
            _hist = new LineHistory(historyDepth, DefaultHistoryBytes);
        }

        public ITty Tty => _tty;
        /// <summary>The longest line accepted, in bytes.</summary>
        public int MaxLine => _line.Length;
        /// <summary>The bytes of the line last returned by <see cref="ReadLine"/> (valid until the next call).</summary>
        public byte[] Line => _line;
        /// <summary>Lines held in the history.</summary>
        public int HistoryCount => _hist.Count;

        /// <summary>Forgets the history (a new session starts).</summary>
        public void ClearHistory()
        {
            _hist.Clear();
            _browse = 0;
        }

        /// <summary>Waits for a whole line. Returns its length (bytes in <see cref="Line"/>), or
        /// <see cref="Closed"/>, <see cref="Interrupted"/> (Ctrl-C) or <see cref="TooLong"/>. A partial line
        /// pending when the input closes is returned as a last line.</summary>
        public int ReadLine()
        {
            while (true)
            {
                if (_inPos == _inLen)
                {
                    int n = _tty.Read(_in, 0, _in.Length);
                    if (n > 0 && Counters != null) Counters.AddRx(n);
                    if (n < 0)
                    {
                        if (Overflowed) { ResetLine(); return TooLong; }
                        if (_len > 0) return EndLine(false);
                        return Closed;
                    }
                    if (n == 0)
                    {
                        Thread.Sleep(10);
                        continue;
                    }
                    _inPos = 0;
                    _inLen = n;
                }
                int r = Feed(_in[_inPos++]);
                if (r != NoLine) return r;
            }
        }

        /// <summary>Processes one input byte. Returns <see cref="NoLine"/>, or what <see cref="ReadLine"/>
        /// would return for the line this byte ends.</summary>
        public int Feed(byte b)
        {
            if (EscState != EscNone)
            {
                // A control byte aborts the sequence and is handled as itself (ESC restarts one), except the
                // BEL that ends an OSC string.
                if (b >= 0x20 || b == Esc || (b == Bel && EscState == EscString))
                {
                    Escape(b);
                    return NoLine;
                }
                EscState = EscNone;
            }
            if (b == (byte)'\n' && LastCr)
            {
                LastCr = false;
                return NoLine;
            }
            LastCr = false;
            if (UtfNeed > 0)
            {
                if ((b & 0xC0) == 0x80)
                {
                    _scratch[Utf + UtfHave++] = b;
                    if (UtfHave == UtfNeed)
                    {
                        UtfNeed = 0;
                        AddChar(_scratch, Utf, UtfHave);
                    }
                    return NoLine;
                }
                UtfNeed = 0; // malformed: drop the partial character, handle b on its own
            }
            switch (b)
            {
                case (byte)'\r':
                    LastCr = true;
                    return EndLine(true);
                case (byte)'\n':
                    return EndLine(true);
                case Bs:
                case Del:
                    Erase();
                    return NoLine;
                case CtrlC:
                    return Interrupt();
                case CtrlU:
                    KillToStart();
                    return NoLine;
                case Esc:
                    EscState = EscStart;
                    return NoLine;
                case (byte)'\t':
                    if (Echo && Completer != null)
                    {
                        Tab();
                        return NoLine;
                    }
                    _scratch[Utf] = b;   // a pipe or a plain line: the tab is text
                    AddChar(_scratch, Utf, 1);
                    return NoLine;
            }
            if (b < 0x20)
            {
                EditKey(b);   // Ctrl-A, -B, -E, -F, -K, -L, -W on an echoing line; other controls are noise
                return NoLine;
            }
            if (b >= 0x20 && b < 0x7f)
            {
                _scratch[Utf] = b;
                AddChar(_scratch, Utf, 1);
            }
            else if (b >= 0xC2 && b <= 0xF4)
            {
                _scratch[Utf] = b;
                UtfHave = 1;
                UtfNeed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            }
            // Anything else (other controls, stray continuation bytes, 0xC0/0xC1/0xF5..0xFF) is noise.
            return NoLine;
        }

        /// <summary>Writes output, translating "\n" to "\r\n" when <see cref="OutputCrlf"/> is on.</summary>
        public void Write(byte[] buf, int off, int count)
        {
            if (count <= 0) return;
            if (!OutputCrlf)
            {
                TtyWrite(buf, off, count);
                LastOut = buf[off + count - 1];
                return;
            }
            int start = off, end = off + count;
            for (int i = off; i < end; i++)
            {
                if (buf[i] != (byte)'\n') continue;
                byte prev = i > off ? buf[i - 1] : LastOut;
                if (prev == (byte)'\r') continue;
                if (i > start) TtyWrite(buf, start, i - start);
                _scratch[0] = (byte)'\r';
                _scratch[1] = (byte)'\n';
                TtyWrite(_scratch, 0, 2);
                start = i + 1;
            }
            if (end > start) TtyWrite(buf, start, end - start);
            LastOut = buf[end - 1];
        }

        /// <summary>Writes ASCII text through <see cref="Write(byte[], int, int)"/> (for short messages).</summary>
        public void Write(string s)
        {
            int i = 0;
            while (i < s.Length)
            {
                int n = 0;
                while (n < Utf && i < s.Length) _scratch[n++] = (byte)s[i++];
                Write(_scratch, 0, n);
            }
        }

        // ---- line editing ----

        private void AddChar(byte[] c, int off, int n)
        {
            if (Overflowed) return;
            if (_len + n > _line.Length)
            {
                // Refused: keep swallowing until the line ends, and ring the bell once.
                Overflowed = true;
                if (Echo) EchoByte(Bel);
                return;
            }
            for (int i = 0; i < n; i++) _line[_len + i] = c[off + i];
            InsertStaged(n);
        }

        private int EndLine(bool echo)
        {
            if (echo && Echo) EchoCrlf();
            _browse = 0;
            if (Overflowed)
            {
                ResetLine();
                return TooLong;
            }
            int n = _len;
            if (n > 0) Remember(n);
            _len = 0;
            _cur = 0;
            return n;
        }

        private int Interrupt()
        {
            if (Echo)
            {
                EchoByte((byte)'^');
                EchoByte((byte)'C');
                EchoCrlf();
            }
            ResetLine();
            return Interrupted;
        }

        private void ResetLine()
        {
            _len = 0;
            _cur = 0;
            Overflowed = false;
            UtfNeed = 0;
            _browse = 0;
        }
    }
}
