using System.Threading;

namespace ProcNano
{
    // Escape sequences (the keys terminals send as CSI or SS3), the history ring, and echo.
    public sealed partial class LineDiscipline
    {
        // ECMA-48 as terminals send it: CSI and SS3 keys (arrows, Home, End, Delete), escapes with
        // intermediates (ESC ( B), and control strings (a terminal's OSC title or colour reply, DCS) swallowed
        // whole up to BEL or ESC \, so their text never reaches the line. Of a CSI's parameters only the first
        // is kept (ESC [ 3 ~ is Delete; ESC [ 1 ; 5 C, Ctrl-Right, moves as Right does).
        private void Escape(byte b)
        {
            switch (EscState)
            {
                case EscStart:
                    if (b == (byte)'[')
                    {
                        EscState = EscCsi;
                        Param = 0;
                        SetBit(ParamDoneBit, false);
                    }
                    else if (b == (byte)'O') EscState = EscSs3;
                    else if (b == (byte)']' || b == (byte)'P' || b == (byte)'X' || b == (byte)'^' || b == (byte)'_') EscState = EscString;
                    else if (b >= 0x20 && b <= 0x2f) EscState = EscInter;
                    else if (b != Esc) EscState = EscNone; // a two-byte sequence: swallowed
                    return;
                case EscCsi:
                    if (b >= 0x40 && b <= 0x7e)
                    {
                        EscState = EscNone;
                        Key(b, Param);
                    }
                    else if (b >= 0x7f) EscState = EscNone; // not part of any sequence: dropped with it
                    else if (b >= (byte)'0' && b <= (byte)'9' && !Bit(ParamDoneBit))
                    {
                        int p = Param * 10 + (b - '0');
                        Param = p > 255 ? 255 : p;
                    }
                    else SetBit(ParamDoneBit, true);   // ';', a private marker, an intermediate: the first ends
                    return; // 0x20..0x3f: parameters and intermediates
                case EscInter:
                    if (b < 0x20 || b > 0x2f) EscState = b == Esc ? EscStart : EscNone;   // the final byte ends it
                    return;
                case EscString:
                    if (b == Bel) EscState = EscNone;
                    else if (b == Esc) EscState = EscStringEsc;
                    return;   // the string's text, UTF-8 included
                case EscStringEsc:
                    // ST (ESC \) ends the string; any other escape ends it too and starts anew.
                    if (b == (byte)'\\') EscState = EscNone;
                    else
                    {
                        EscState = EscStart;
                        Escape(b);
                    }
                    return;
                default:
                    EscState = EscNone;
                    Key(b, 0);   // SS3: ESC O and one letter
                    return;
            }
        }

        // A key a terminal sends as an escape sequence: its final byte and first parameter. The arrows up and
        // down walk the history on any line (as before); the cursor keys act only on an echoing line, so a
        // pipe's bytes read as they always did.
        private void Key(byte final, int param)
        {
            if (final == (byte)'A')
            {
                if (_browse < _hist.Count) ShowHistory(_browse + 1);
                return;
            }
            if (final == (byte)'B')
            {
                if (_browse > 0) ShowHistory(_browse - 1);
                return;
            }
            if (!Echo) return;
            if (final == (byte)'C') Right();
            else if (final == (byte)'D') Left();
            else if (final == (byte)'H') Home();
            else if (final == (byte)'F') End();
            else if (final == (byte)'~')
            {
                // VT220 keys: 1 and 7 Home, 4 and 8 End (xterm, rxvt), 3 Delete; the rest (Insert, PgUp, F5...) nothing.
                if (param == 1 || param == 7) Home();
                else if (param == 4 || param == 8) End();
                else if (param == 3) DeleteForward();
            }
        }

        // Replaces the line being edited with the entry 'back' steps into the history (0 = an empty line);
        // the cursor goes to the end first, so the rubout erases the whole line as it did before.
        private void ShowHistory(int back)
        {
            if (Echo)
            {
                End();
                EchoRubout(Columns(_line, _len));
            }
            Overflowed = false;
            UtfNeed = 0;
            _browse = back;
            _len = _hist.Get(back, _line);
            _cur = _len;
            if (Echo && _len > 0) EchoBytes(_line, 0, _len);
        }

        private void Remember(int n) { _hist.Add(_line, n); }

        /// <summary>Terminal columns the bytes take: one per character (continuation bytes take none).</summary>
        private static int Columns(byte[] b, int n)
        {
            int c = 0;
            for (int i = 0; i < n; i++) if ((b[i] & 0xC0) != 0x80) c++;
            return c;
        }

        // Every byte to the tty goes through here, so the counters see all of them.
        private void TtyWrite(byte[] buf, int off, int count)
        {
            _tty.Write(buf, off, count);
            if (Counters != null) Counters.AddTx(count);
        }

        // ---- echo ----

        private void EchoByte(byte b)
        {
            _scratch[0] = b;
            TtyWrite(_scratch, 0, 1);
            LastOut = b;
        }

        private void EchoBytes(byte[] b, int off, int n)
        {
            TtyWrite(b, off, n);
            LastOut = b[off + n - 1];
        }

        private void EchoCrlf()
        {
            _scratch[0] = (byte)'\r';
            _scratch[1] = (byte)'\n';
            TtyWrite(_scratch, 0, 2);
            LastOut = (byte)'\n';
        }

        /// <summary>Erases <paramref name="cols"/> characters on screen: back, blank, back.</summary>
        private void EchoRubout(int cols)
        {
            Repeat(Bs, cols);
            Repeat((byte)' ', cols);
            Repeat(Bs, cols);
        }

        private void Repeat(byte b, int n)
        {
            while (n > 0)
            {
                int k = n < Utf ? n : Utf;   // the echo half of the scratch
                for (int i = 0; i < k; i++) _scratch[i] = b;
                TtyWrite(_scratch, 0, k);
                LastOut = b;
                n -= k;
            }
        }
    }
}
