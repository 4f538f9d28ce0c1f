namespace ProcNano
{
    /// <summary>
    /// Splits shell text into words and operators, as sh does for the subset the shell speaks:
    /// blanks separate words; '...' is literal; "..." keeps blanks, lets \ escape " \ and $, and expands
    /// $NAME, ${NAME}, $?, $$ and $!; a \ outside quotes escapes the next character; unquoted ; and newline
    /// separate commands, &amp;&amp; || join them, &amp; ends a background one, &gt; and &gt;&gt; redirect output;
    /// an unquoted # at the start of a word begins a comment to the end of the line. A reserved word (if then
    /// else elif fi while do done) unquoted at the start of a command is handed out alone (<see cref="Keyword"/>).
    /// <see cref="Next"/> hands out one command at a time, so a text may hold any number of commands while
    /// the token store stays fixed: <see cref="MaxTokens"/> per command, a 64-char word chunk.
    /// Expansion (store mode) asks the shell given to <see cref="Next(byte[], int, ref int, bool, Shell)"/>; without
    /// one a $ is literal.
    /// </summary>
    public sealed class ShellLexer
    {
        public const int MaxTokens = 32;   // per command; a slot is 13 B of device heap (a string ref, a kind byte)
        public const int Word = 0, Semicolon = 1, RedirOut = 2, RedirAppend = 3, AndAnd = 4, OrOr = 5, Newline = 6,
            Amp = 7, Keyword = 8, End = 9;
        /// <summary>Errors: unterminated quote, too many tokens in one command, line longer than the buffer,
        /// a redirection not followed by a file name (see <see cref="BadToken"/>), a '|' (no pipelines), a ${
        /// without its }.</summary>
        public const int ErrQuote = -1, ErrTooMany = -2, ErrTooLong = -3, ErrRedirect = -4, ErrPipe = -5, ErrBrace = -6;

        public readonly string[] Text = new string[MaxTokens];
        public readonly byte[] Kind = new byte[MaxTokens];
        // A word's characters gather here; a longer word goes to the heap a piece at a time (rare: paths and
        // echo texts are short), so the lexer does not keep a buffer as long as the longest line.
        private const int WordChunk = 64;
        private readonly char[] _word = new char[WordChunk];
        private readonly int _maxLine;
        private int _count;
        // The last word: characters (all of them, when under a chunk) and whether any part was quoted or
        // expanded (a reserved word is neither; an empty unquoted expansion vanishes, as in sh).
        // Packed in one field (12 B each on the device): length (bits 0-23), quoted (24), expanded (25).
        private int _scan;
        private const int QuotedBit = 1 << 24, ExpandedBit = 1 << 25, LenMask = QuotedBit - 1;
        private int _wordLen { get { return _scan & LenMask; } set { _scan = (_scan & ~LenMask) | value; } }
        private bool _quoted { get { return (_scan & QuotedBit) != 0; } set { _scan = value ? _scan | QuotedBit : _scan & ~QuotedBit; } }
        private bool _expanded { get { return (_scan & ExpandedBit) != 0; } set { _scan = value ? _scan | ExpandedBit : _scan & ~ExpandedBit; } }

        public ShellLexer(int maxLine) { _maxLine = maxLine; }

        // The shell whose variables $ expands during the current Next (null: none), a parameter rather than a
        // field: a field is 12 B of the device's heap.
        /// <summary>Tokens of the command <see cref="Next"/> returned last.</summary>
        public int Count => _count;
        public int MaxLine => _maxLine;
        /// <summary>What ended the command <see cref="Next"/> returned last: Semicolon, Newline, AndAnd, OrOr,
        /// Amp, End, Keyword (Text[0] is the word), or an Err* code.</summary>
        public int Term;
        /// <summary>Where the last command's text starts and ends in the line (the boot script's trace).</summary>
        public int Start { get { return (int)_span; } private set { _span = (_span & ~0xFFFFFFFFL) | (uint)value; } }
        public int Stop { get { return (int)(_span >> 32); } private set { _span = (_span & 0xFFFFFFFFL) | ((long)value << 32); } }
        private long _span;
        /// <summary>After <see cref="ErrRedirect"/>: what followed the redirection (";", "&gt;" or "newline").</summary>
        public string BadToken;

        /// <summary>Validates a whole line without keeping any text. Returns 0 or an Err* code.</summary>
        public int Check(byte[] line, int len)
        {
            if (len > _maxLine) return ErrTooLong;
            int pos = 0;
            while (true)
            {
                Next(line, len, ref pos, false);
                if (Term < 0) return Term;
                if (Term == End) return 0;
            }
        }

        /// <summary>The next command with its words expanded (see <see cref="Next(byte[], int, ref int, bool)"/>).</summary>
        public int Next(byte[] line, int len, ref int pos) { return Next(line, len, ref pos, true); }

        /// <summary>
        /// Tokenizes the next command from <paramref name="pos"/> up to its terminator (pos is moved past it;
        /// see <see cref="Term"/>). Returns the number of tokens (in <see cref="Text"/> and <see cref="Kind"/>
        /// when <paramref name="store"/>; 0 for an empty command), or -1 at the end with nothing read.
        /// Without store nothing is allocated and nothing expanded (a syntax check).
        /// </summary>
        public int Next(byte[] line, int len, ref int pos, bool store) { return Next(line, len, ref pos, store, null); }

        /// <summary>As above, $ expanding <paramref name="owner"/>'s variables when storing.</summary>
        public int Next(byte[] line, int len, ref int pos, bool store, Shell owner)
        {
            _count = 0;
            for (int i = 0; i < MaxTokens; i++) Text[i] = null;
            bool any = false, tooMany = false;
            int prev = Word;
            Start = -1;
            while (true)
            {
                int at = pos;
                int kind = Scan(line, len, ref pos, store && _count < MaxTokens, owner);
                if (kind < 0) return Finish(kind, any ? _count : 0);
                if (kind != Word && kind != RedirOut && kind != RedirAppend && (prev == RedirOut || prev == RedirAppend))
                {
                    BadToken = kind == End || kind == Newline ? "newline" : Name(kind);
                    return Finish(ErrRedirect, _count);
                }
                if (kind == RedirOut || kind == RedirAppend)
                {
                    if (prev == RedirOut || prev == RedirAppend)
                    {
                        BadToken = Name(kind);
                        return Finish(ErrRedirect, _count);
                    }
                }
                if (kind == End && !any) return Finish(End, -1);
                any = true;
                if (kind != Word && kind != RedirOut && kind != RedirAppend) return Finish(tooMany ? ErrTooMany : kind, _count);
                if (Start < 0) Start = at;
                Stop = pos;
                bool afterRedir = prev == RedirOut || prev == RedirAppend;
                prev = kind;
                // An unquoted expansion to nothing is no word at all (sh's field rule), except as a file name.
                if (kind == Word && !_quoted && _expanded && _wordLen == 0 && !afterRedir) continue;
                if (_count >= MaxTokens)
                {
                    tooMany = true;
                    continue;
                }
                Kind[_count] = (byte)kind;
                Text[_count] = kind == Word ? (store ? _pending : null) : Name(kind);
                _count++;
                if (_count == 1 && kind == Word && !_quoted && !_expanded && IsReserved()) return Finish(Keyword, 1);
            }
        }

        private int Finish(int term, int result)
        {
            Term = term;
            if (Start < 0) Start = Stop = 0;
            return result;
        }

        private static string Name(int kind)
        {
            switch (kind)
            {
                case Semicolon: return ";";
                case RedirOut: return ">";
                case RedirAppend: return ">>";
                case AndAnd: return "&&";
                case OrOr: return "||";
                case Amp: return "&";
            }
            return "newline";
        }

        /// <summary>The reserved word the last scanned word spells (if then else elif fi while do done), else null.</summary>
        public string Reserved()
        {
            switch (_wordLen)
            {
                case 2: return Is("if") ? "if" : Is("fi") ? "fi" : Is("do") ? "do" : null;
                case 4: return Is("then") ? "then" : Is("else") ? "else" : Is("elif") ? "elif" : Is("done") ? "done" : null;
                case 5: return Is("while") ? "while" : null;
            }
            return null;
        }

        private bool IsReserved() { return Reserved() != null; }

        private bool Is(string s)
        {
            for (int i = 0; i < s.Length; i++) if (_word[i] != s[i]) return false;
            return true;
        }

        private string _pending;

        // Reads one token at pos: its kind (a word's text in _pending when store), End, or an Err* code.
        private int Scan(byte[] line, int len, ref int pos, bool store, Shell owner)
        {
            int i = pos;
            while (i < len && IsBlank(line[i])) i++;
            if (i < len && line[i] == (byte)'#') while (i < len && line[i] != (byte)'\n') i++;
            if (i >= len)
            {
                pos = len;
                return End;
            }
            byte c = line[i];
            int op = Operator(line, len, i);
            if (op >= 0)
            {
                pos = i + (op == AndAnd || op == OrOr || op == RedirAppend ? 2 : 1);
                return op;
            }
            if (c == (byte)'|')
            {
                pos = i + 1;
                BadToken = "|";
                return ErrPipe;
            }
            int n = 0;
            _pending = null;
            _wordLen = 0;
            _quoted = _expanded = false;
            while (i < len)
            {
                c = line[i];
                if (IsBlank(c) || c == (byte)'|' || Operator(line, len, i) >= 0) break;
                if (c == (byte)'\'')
                {
                    _quoted = true;
                    i++;
                    while (i < len && line[i] != (byte)'\'') Put((char)line[i++], ref n, store);
                    if (i >= len) return ErrQuote;
                    i++;
                }
                else if (c == (byte)'"')
                {
                    _quoted = true;
                    i++;
                    while (i < len && line[i] != (byte)'"')
                    {
                        byte d = line[i];
                        if (d == (byte)'$' && !Dollar(line, len, ref i, ref n, store, owner)) return ErrBrace;
                        if (d == (byte)'$') continue;
                        if (d == (byte)'\\' && i + 1 < len && (line[i + 1] == (byte)'"' || line[i + 1] == (byte)'\\' || line[i + 1] == (byte)'$')) i++;
                        Put((char)line[i++], ref n, store);
                    }
                    if (i >= len) return ErrQuote;
                    i++;
                }
                else if (c == (byte)'\\')
                {
                    i++;
                    Put(i < len ? (char)line[i++] : '\\', ref n, store);
                    _quoted = true;
                }
                else if (c == (byte)'$')
                {
                    if (!Dollar(line, len, ref i, ref n, store, owner)) return ErrBrace;
                }
                else Put((char)line[i++], ref n, store);
            }
            pos = i;
            if (store) _pending = _pending == null ? new string(_word, 0, n) : _pending + new string(_word, 0, n);
            return Word;
        }

        // The operator at i (Semicolon, Newline, AndAnd, OrOr, Amp, RedirOut, RedirAppend), or -1.
        /// <summary>A file name's character that completion writes behind a backslash: the ones a word reads
        /// specially (blanks, operators, quotes, $, #) and those sh users expect escaped (globs, parentheses).</summary>
        public static bool NeedsEscape(char c)
        {
            return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&' || c == '<' || c == '>'
                || c == '(' || c == ')' || c == '\'' || c == '"' || c == '\\' || c == '$' || c == '#' || c == '`'
                || c == '*' || c == '?' || c == '[' || c == '~';
        }

        private static int Operator(byte[] line, int len, int i)
        {
            byte c = line[i];
            bool twice = i + 1 < len && line[i + 1] == c;
            if (c == (byte)';') return Semicolon;
            if (c == (byte)'\n') return Newline;
            if (c == (byte)'&') return twice ? AndAnd : Amp;
            if (c == (byte)'|') return twice ? OrOr : -1;
            if (c == (byte)'>') return twice ? RedirAppend : RedirOut;
            return -1;
        }

        // A $ at i: $NAME, ${NAME}, $?, $$, $! expand (their value's characters are put, when storing);
        // any other $ is itself. False for a ${ without }.
        private bool Dollar(byte[] line, int len, ref int i, ref int n, bool store, Shell owner)
        {
            int s = i + 1;
            bool brace = s < len && line[s] == (byte)'{';
            if (brace) s++;
            int e = s;
            if (e < len && (line[e] == (byte)'?' || line[e] == (byte)'$' || line[e] == (byte)'!')) e++;
            else while (e < len && IsNameChar(line[e], e == s)) e++;
            if (brace && (e >= len || line[e] != (byte)'}')) return false;
            if (e == s)
            {
                Put('$', ref n, store);   // a lone $ ("$ ", "$/"): literal
                i++;
                return true;
            }
            _expanded = true;
            i = brace ? e + 1 : e;
            if (!store || owner == null) return true;
            string v = owner.VarValue(line, s, e - s);
            if (v != null) for (int k = 0; k < v.Length; k++) Put(v[k], ref n, true);
            return true;
        }

        /// <summary>A character of a variable name: letter, _, or (not first) a digit.</summary>
        public static bool IsNameChar(byte c, bool first)
        {
            return (c >= (byte)'a' && c <= (byte)'z') || (c >= (byte)'A' && c <= (byte)'Z') || c == (byte)'_' || (!first && c >= (byte)'0' && c <= (byte)'9');
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
            _wordLen++;
        }

        private static bool IsBlank(byte c) { return c == (byte)' ' || c == (byte)'\t' || c == (byte)'\r'; }
    }
}
