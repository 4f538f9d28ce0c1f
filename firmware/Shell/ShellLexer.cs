namespace ProcNano
{
    /// <summary>
    /// Splits a command line into words and operators, as sh does for the subset the shell speaks:
    /// blanks separate words; '...' is literal; "..." keeps blanks and lets \ escape " and \; a \ outside
    /// quotes escapes the next character; an unquoted ; separates commands, &gt; and &gt;&gt; redirect output;
    /// an unquoted # at the start of a word begins a comment.
    /// <see cref="Check"/> validates a whole line first (as sh parses a line before running it), then
    /// <see cref="Next"/> hands out one command at a time, so a line may hold any number of commands while
    /// the token store stays fixed: <see cref="MaxTokens"/> per command, a word buffer as long as a line.
    /// </summary>
    public sealed class ShellLexer
    {
        public const int MaxTokens = 32;   // per command; a slot is 13 B of device heap (a string ref, a kind byte)
        public const int Word = 0, Semicolon = 1, RedirOut = 2, RedirAppend = 3;
        /// <summary>Errors: unterminated quote, too many tokens in one command, line longer than the buffer,
        /// a redirection not followed by a file name (see <see cref="BadToken"/>).</summary>
        public const int ErrQuote = -1, ErrTooMany = -2, ErrTooLong = -3, ErrRedirect = -4;
        private const int End = -10;

        public readonly string[] Text = new string[MaxTokens];
        public readonly byte[] Kind = new byte[MaxTokens];
        // A word's characters gather here; a longer word goes to the heap a piece at a time (rare: paths and
        // echo texts are short), so the lexer does not keep a buffer as long as the longest line.
        private const int WordChunk = 64;
        private readonly char[] _word = new char[WordChunk];
        private readonly int _maxLine;
        private int _count;

        public ShellLexer(int maxLine) { _maxLine = maxLine; }

        /// <summary>Tokens of the command <see cref="Next"/> returned last.</summary>
        public int Count => _count;
        public int MaxLine => _maxLine;
        /// <summary>After <see cref="ErrRedirect"/>: what followed the redirection (";", "&gt;" or "newline").</summary>
        public string BadToken;

        /// <summary>Validates the whole line without keeping any text. Returns 0 or an Err* code.</summary>
        public int Check(byte[] line, int len)
        {
            if (len > _maxLine) return ErrTooLong;
            int pos = 0, inCommand = 0, prev = Semicolon;
            while (true)
            {
                int kind = Scan(line, len, ref pos, false);
                if (kind == ErrQuote) return ErrQuote;
                if (prev == RedirOut || prev == RedirAppend)
                {
                    if (kind != Word)
                    {
                        BadToken = kind == End ? "newline" : kind == Semicolon ? ";" : kind == RedirOut ? ">" : ">>";
                        return ErrRedirect;
                    }
                }
                if (kind == End) return 0;
                if (kind == Semicolon) inCommand = 0;
                else if (++inCommand > MaxTokens) return ErrTooMany;
                prev = kind;
            }
        }

        /// <summary>
        /// Tokenizes the next command of a line already passed by <see cref="Check"/>, from
        /// <paramref name="pos"/> up to the next ';' or the end (pos is moved past it). Returns the number of
        /// tokens (in <see cref="Text"/> and <see cref="Kind"/>; 0 for an empty command), or -1 at the end.
        /// </summary>
        public int Next(byte[] line, int len, ref int pos)
        {
            _count = 0;
            for (int i = 0; i < MaxTokens; i++) Text[i] = null;
            bool any = false;
            while (true)
            {
                int kind = Scan(line, len, ref pos, _count < MaxTokens);
                if (kind == End) return any ? _count : -1;
                any = true;
                if (kind == Semicolon || kind < 0) return _count;
                if (_count < MaxTokens)
                {
                    Kind[_count] = (byte)kind;
                    Text[_count] = kind == Word ? _pending : kind == RedirOut ? ">" : ">>";
                    _count++;
                }
            }
        }

        private string _pending;

        // Reads one token at pos: its kind (a word's text in _pending when store), End, or ErrQuote.
        private int Scan(byte[] line, int len, ref int pos, bool store)
        {
            int i = pos;
            while (i < len && IsBlank(line[i])) i++;
            if (i >= len || line[i] == (byte)'#')
            {
                pos = len;
                return End;
            }
            byte c = line[i];
            if (c == (byte)';')
            {
                pos = i + 1;
                return Semicolon;
            }
            if (c == (byte)'>')
            {
                bool append = i + 1 < len && line[i + 1] == (byte)'>';
                pos = i + (append ? 2 : 1);
                return append ? RedirAppend : RedirOut;
            }
            int n = 0;
            _pending = null;
            while (i < len)
            {
                c = line[i];
                if (IsBlank(c) || c == (byte)';' || c == (byte)'>') break;
                if (c == (byte)'\'')
                {
                    i++;
                    while (i < len && line[i] != (byte)'\'') Put((char)line[i++], ref n, store);
                    if (i >= len) return ErrQuote;
                    i++;
                }
                else if (c == (byte)'"')
                {
                    i++;
                    while (i < len && line[i] != (byte)'"')
                    {
                        if (line[i] == (byte)'\\' && i + 1 < len && (line[i + 1] == (byte)'"' || line[i + 1] == (byte)'\\')) i++;
                        Put((char)line[i++], ref n, store);
                    }
                    if (i >= len) return ErrQuote;
                    i++;
                }
                else if (c == (byte)'\\')
                {
                    i++;
                    Put(i < len ? (char)line[i++] : '\\', ref n, store);
                }
                else Put((char)line[i++], ref n, store);
            }
            pos = i;
            if (store) _pending = _pending == null ? new string(_word, 0, n) : _pending + new string(_word, 0, n);
            return Word;
        }

        // Adds one character of the word being scanned; a full chunk moves to _pending (only when storing).
        private void Put(char ch, ref int n, bool store)
        {
            if (n == WordChunk)
            {
                if (store) _pending = _pending == null ? new string(_word, 0, n) : _pending + new string(_word, 0, n);
                n = 0;
            }
            _word[n++] = ch;
        }

        private static bool IsBlank(byte c) { return c == (byte)' ' || c == (byte)'\t'; }
    }
}
