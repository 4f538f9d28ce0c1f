namespace ProcNano
{
    // Tab completion, the line discipline's half: the completer offers names, this keeps their common part in
    // the line's spare bytes (past _len), then completes, rings the bell, or lists them on a new line and
    // redraws. Nothing is allocated here; names are read straight from the strings the completer holds.
    public sealed partial class LineDiscipline
    {
        /// <summary>Answers Tab on an echoing line (null: Tab is text, as on a pipe).</summary>
        public ICompleter Completer;
        /// <summary>The prompt the shell printed before this line, written again by Ctrl-L and after a
        /// completion list (null: none).</summary>
        public string Prompt;

        // While a Tab is answered, one field: the names offered (bits 0-1: 0, 1, 2 = several), the length of
        // their common rest (2-10; while listing, the last name's width), the widest name (11-19), listing
        // (20), names on the list's current row (21-27), the one name is a directory (28).
        private int _comp;
        private const int CountMask = 3, CommonShift = 2, WideShift = 11, RowShift = 21;
        private const int ListingBit = 1 << 20, DirBit = 1 << 28;
        /// <summary>The list is this wide (names in columns two blanks apart, as many as fit).</summary>
        public const int ListWidth = 80;

        private int CompField(int shift, int mask) { return (_comp >> shift) & mask; }
        private void SetCompField(int shift, int mask, int v)
        {
            if (v > mask) v = mask;
            _comp = (_comp & ~(mask << shift)) | (v << shift);
        }

        private void Tab()
        {
            if (Overflowed) return;
            _comp = 0;
            Completer.Complete(this, _line, _cur);
            int count = _comp & CountMask, common = CompField(CommonShift, 511), free = _line.Length - _len;
            if (count == 0 || (count == 1 && common + 1 > free))
            {
                EchoByte(Bel);   // nothing matches, or the name does not fit
            }
            else if (count == 1)
            {
                // The one name: its rest, then '/' for a directory (go on typing inside it) or a blank.
                _line[_len + common] = (_comp & DirBit) != 0 ? (byte)'/' : (byte)' ';
                InsertStaged(common + 1);
            }
            else if (common > 0)
            {
                InsertStaged(common);   // several: as far as they agree; the next Tab lists them
            }
            else
            {
                // Several and no progress: list them under the line, then the prompt and the line again.
                _comp = ListingBit | (_comp & (511 << WideShift));
                EchoCrlf();
                Completer.Complete(this, _line, _cur);
                if (CompField(RowShift, 127) > 0) EchoCrlf();
                Redraw(false);
            }
            _comp = 0;
        }

        /// <summary>The completer's answer: <paramref name="name"/> can complete the word before the cursor,
        /// which spells its first <paramref name="typed"/> characters (a char is a byte, as the shell reads a
        /// line); <paramref name="dir"/>: it is a directory (completed with '/', listed with '/');
        /// <paramref name="escape"/>: the rest goes in with a backslash before each character the shell would
        /// read specially (<see cref="ShellLexer.NeedsEscape"/>), so `my file` completes as `my\ file`.</summary>
        public void Offer(string name, int typed, bool dir, bool escape)
        {
            if (name.Length < typed || typed > _cur) return;
            int width = name.Length + (dir ? 1 : 0);
            if ((_comp & ListingBit) != 0)
            {
                ListName(name, dir, width);
                return;
            }
            if (width > CompField(WideShift, 511)) SetCompField(WideShift, 511, width);
            int count = _comp & CountMask, free = _line.Length - _len;
            if (count == 0)
            {
                // The first name's rest is staged as the common part (as much of it as the line can take); the
                // common length counts it all, so a single name too long for the line rings the bell.
                int bytes = 0;
                for (int i = typed; i < name.Length; i++)
                {
                    int w = escape && ShellLexer.NeedsEscape(name[i]) ? 2 : 1;
                    if (bytes + w <= free)
                    {
                        if (w == 2) _line[_len + bytes] = (byte)'\\';
                        _line[_len + bytes + w - 1] = (byte)name[i];
                    }
                    bytes += w;
                }
                SetCompField(CommonShift, 511, bytes);
                if (dir) _comp |= DirBit;
            }
            else
            {
                // As far as this name's rest agrees with what is staged, whole characters only (never half
                // an escape), within the line's room.
                int c = CompField(CommonShift, 511);
                if (c > free) c = free;
                int at = 0;
                for (int i = typed; i < name.Length; i++)
                {
                    bool esc = escape && ShellLexer.NeedsEscape(name[i]);
                    int w = esc ? 2 : 1;
                    if (at + w > c || (esc && _line[_len + at] != (byte)'\\') || _line[_len + at + w - 1] != (byte)name[i]) break;
                    at += w;
                }
                SetCompField(CommonShift, 511, at);
            }
            _comp = (_comp & ~CountMask) | (count < 2 ? count + 1 : 2);
        }

        // One name of the list: rows of columns (the widest name plus two blanks), left to right.
        private void ListName(string name, bool dir, int width)
        {
            int cell = CompField(WideShift, 511) + 2;
            int perRow = ListWidth / cell;
            if (perRow < 1) perRow = 1;
            int onRow = CompField(RowShift, 127);
            if (onRow >= perRow)
            {
                EchoCrlf();
                onRow = 0;
            }
            else if (onRow > 0) Repeat((byte)' ', cell - CompField(CommonShift, 511));
            Write(name);
            if (dir) EchoByte((byte)'/');
            SetCompField(CommonShift, 511, width);
            SetCompField(RowShift, 127, onRow + 1);
        }
    }
}
