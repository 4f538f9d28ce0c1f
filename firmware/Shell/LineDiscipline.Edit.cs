namespace ProcNano
{
    // Cursor editing, readline's keys on a serial line: the cursor may sit anywhere in the line, and the
    // screen follows with the fewest bytes (the tail rewritten, then back by backspaces or ESC [ n D, whichever
    // is shorter). Only an echoing line moves the cursor: on a pipe it stays at the end, as before.
    public sealed partial class LineDiscipline
    {
        // The control keys besides Backspace, Ctrl-C and Ctrl-U (those work on every line).
        private void EditKey(byte b)
        {
            if (!Echo) return;
            switch (b)
            {
                case CtrlA: Home(); return;
                case CtrlB: Left(); return;
                case CtrlE: End(); return;
                case CtrlF: Right(); return;
                case CtrlK: if (!Overflowed) Delete(_cur, _len); return;
                case CtrlL: Redraw(true); return;
                case CtrlW: if (!Overflowed) Delete(WordStart(), _cur); return;
            }
        }

        private void Left()
        {
            if (_cur == 0) return;
            _cur = CharStart(_cur - 1);
            Back(1);
        }

        private void Right()
        {
            if (_cur < _len) Forward(CharEnd(_cur));
        }

        private void Home()
        {
            Back(Columns(0, _cur));
            _cur = 0;
        }

        private void End()
        {
            Forward(_len);
        }

        // Backspace and DEL: the character before the cursor.
        private void Erase()
        {
            if (_cur == 0 || Overflowed) return;
            Delete(CharStart(_cur - 1), _cur);
        }

        // The Delete key: the character under the cursor.
        private void DeleteForward()
        {
            if (_cur < _len && !Overflowed) Delete(_cur, CharEnd(_cur));
        }

        // Ctrl-U: everything before the cursor. At the end of the line (always, on a pipe) the whole line
        // goes with the same rubout as before, and a refused overlong line is forgotten.
        private void KillToStart()
        {
            if (_cur < _len && !Overflowed)
            {
                Delete(0, _cur);
                return;
            }
            if (Echo)
            {
                End();
                EchoRubout(Columns(_line, _len));
            }
            _len = 0;
            _cur = 0;
            Overflowed = false;
        }

        // Ctrl-W (unix-word-rubout): back over blanks, then over the word before them.
        private int WordStart()
        {
            int i = _cur;
            while (i > 0 && _line[i - 1] == (byte)' ') i--;
            while (i > 0 && _line[i - 1] != (byte)' ') i--;
            return i;
        }

        /// <summary>Inserts the <paramref name="n"/> bytes staged just past the line's end (_line[_len..]) at
        /// the cursor, echoing them and the tail they push right, then stepping back over the tail.</summary>
        private void InsertStaged(int n)
        {
            // Rotate the tail and the staged bytes: reversing each, then both, swaps them in place.
            Reverse(_cur, _len);
            Reverse(_len, _len + n);
            Reverse(_cur, _len + n);
            int at = _cur;
            _len += n;
            _cur += n;
            if (!Echo) return;
            EchoBytes(_line, at, _len - at);
            Back(Columns(_cur, _len));
        }

        /// <summary>Removes _line[from..to), the cursor at one end of it: the screen steps back over it (when the
        /// cursor is at its end), rewrites the tail, blanks the columns freed, and steps back to the cursor.
        /// At the end of the line one character goes as "\b \b", as always.</summary>
        private void Delete(int from, int to)
        {
            if (from >= to) return;
            int cols = Columns(from, to);
            if (Echo && _cur == to) Back(cols);
            for (int i = to; i < _len; i++) _line[from + i - to] = _line[i];
            _len -= to - from;
            _cur = from;
            if (!Echo) return;
            if (_len > _cur) EchoBytes(_line, _cur, _len - _cur);
            Repeat((byte)' ', cols);
            Back(Columns(_cur, _len) + cols);
        }

        /// <summary>Ctrl-L (<paramref name="clear"/>: ESC [ H ESC [ 2 J first) and after a completion list:
        /// the prompt the shell set, the line, the cursor back in place.</summary>
        private void Redraw(bool clear)
        {
            if (clear)
            {
                byte[] s = _scratch;
                s[0] = Esc; s[1] = (byte)'['; s[2] = (byte)'H';
                s[3] = Esc; s[4] = (byte)'['; s[5] = (byte)'2'; s[6] = (byte)'J';
                EchoBytes(s, 0, 7);
            }
            if (Prompt != null) Write(Prompt);
            if (_len > 0) EchoBytes(_line, 0, _len);
            Back(Columns(_cur, _len));
        }

        // Moves the terminal's cursor back over 'cols' columns: backspaces, or ESC [ n D when shorter.
        private void Back(int cols)
        {
            if (cols <= 0) return;
            if (cols <= CsiBytes(cols)) Repeat(Bs, cols);
            else Csi(cols, (byte)'D');
        }

        // Moves the cursor forward to byte 'to': the bytes themselves rewritten, or ESC [ n C when shorter.
        private void Forward(int to)
        {
            int cols = Columns(_cur, to);
            if (cols > 0)
            {
                if (to - _cur <= CsiBytes(cols)) EchoBytes(_line, _cur, to - _cur);
                else Csi(cols, (byte)'C');
            }
            _cur = to;
        }

        // ESC [ n <final>, n left out when 1 (the default).
        private void Csi(int n, byte final)
        {
            byte[] s = _scratch;
            s[0] = Esc;
            s[1] = (byte)'[';
            int k = 2;
            if (n > 1)
            {
                int div = 1;
                while (div * 10 <= n) div *= 10;
                for (; div > 0; div /= 10) s[k++] = (byte)('0' + n / div % 10);
            }
            s[k++] = final;
            EchoBytes(s, 0, k);
        }

        private static int CsiBytes(int n)
        {
            int k = 3;
            if (n > 1) for (; n > 0; n /= 10) k++;
            return k;
        }

        private void Reverse(int from, int to)
        {
            for (to--; from < to; from++, to--)
            {
                byte t = _line[from];
                _line[from] = _line[to];
                _line[to] = t;
            }
        }

        // Character boundaries: a UTF-8 character moves and erases as one.
        private int CharStart(int i)
        {
            while (i > 0 && (_line[i] & 0xC0) == 0x80) i--;
            return i;
        }

        private int CharEnd(int i)
        {
            for (i++; i < _len && (_line[i] & 0xC0) == 0x80; i++) { }
            return i;
        }

        private int Columns(int from, int to)
        {
            int c = 0;
            for (int i = from; i < to; i++) if ((_line[i] & 0xC0) != 0x80) c++;
            return c;
        }
    }
}
