namespace ProcNano.Kernel
{
    /// <summary>
    /// Splits a command line into words and operators, as sh does for the subset the shell speaks:
    /// blanks separate words; '...' is literal; "..." keeps blanks and lets \ escape " and \; a \ outside
    /// quotes escapes the next character; an unquoted ; separates commands, &gt; and &gt;&gt; redirect output;
    /// an unquoted # at the start of a word begins a comment. Fixed capacity: <see cref="MaxTokens"/> tokens
    /// and a word buffer as long as the longest line.
    /// </summary>
    public sealed class ShellLexer
    {
        public const int MaxTokens = 64;
        public const int Word = 0, Semicolon = 1, RedirOut = 2, RedirAppend = 3;
        /// <summary>Split results besides the token count.</summary>
        public const int ErrQuote = -1, ErrTooMany = -2, ErrTooLong = -3;

        public readonly string[] Text = new string[MaxTokens];
        public readonly int[] Kind = new int[MaxTokens];
        private readonly char[] _word;
        private int _count;

        public ShellLexer(int maxLine) { _word = new char[maxLine]; }

        public int Count => _count;
        public int MaxLine => _word.Length;

        /// <summary>Tokenizes <paramref name="len"/> bytes of <paramref name="line"/> (one byte = one char).
        /// Returns the token count, or <see cref="ErrQuote"/> (unterminated quote), <see cref="ErrTooMany"/>.</summary>
        public int Split(byte[] line, int len)
        {
            _count = 0;
            if (len > _word.Length) return ErrTooLong;
            int i = 0;
            while (true)
            {
                while (i < len && IsBlank(line[i])) i++;
                if (i >= len) return _count;
                byte c = line[i];
                if (c == (byte)'#') return _count;
                if (c == (byte)';')
                {
                    if (!Add(Semicolon, ";")) return ErrTooMany;
                    i++;
                    continue;
                }
                if (c == (byte)'>')
                {
                    bool append = i + 1 < len && line[i + 1] == (byte)'>';
                    if (!Add(append ? RedirAppend : RedirOut, append ? ">>" : ">")) return ErrTooMany;
                    i += append ? 2 : 1;
                    continue;
                }
                int n = 0;
                while (i < len)
                {
                    c = line[i];
                    if (IsBlank(c) || c == (byte)';' || c == (byte)'>') break;
                    if (c == (byte)'\'')
                    {
                        i++;
                        while (i < len && line[i] != (byte)'\'') _word[n++] = (char)line[i++];
                        if (i >= len) return ErrQuote;
                        i++;
                    }
                    else if (c == (byte)'"')
                    {
                        i++;
                        while (i < len && line[i] != (byte)'"')
                        {
                            if (line[i] == (byte)'\\' && i + 1 < len && (line[i + 1] == (byte)'"' || line[i + 1] == (byte)'\\')) i++;
                            _word[n++] = (char)line[i++];
                        }
                        if (i >= len) return ErrQuote;
                        i++;
                    }
                    else if (c == (byte)'\\')
                    {
                        i++;
                        _word[n++] = i < len ? (char)line[i++] : '\\';
                    }
                    else _word[n++] = (char)line[i++];
                }
                if (!Add(Word, new string(_word, 0, n))) return ErrTooMany;
            }
        }

        private bool Add(int kind, string text)
        {
            if (_count == MaxTokens) return false;
            Kind[_count] = kind;
            Text[_count] = text;
            _count++;
            return true;
        }

        private static bool IsBlank(byte c) { return c == (byte)' ' || c == (byte)'\t'; }
    }
}
