namespace ProcNano
{
    // The grammar: lists of and-or commands, if and while, walked straight from the text (no tree is built).
    // Each complete command (up to a newline outside if/while) is parsed once without running anything, so a
    // syntax error runs none of it; then it runs. Loops run again by going back to the condition's position.
    public sealed partial class Shell
    {
        // What a list stopped at: the end of its text or line, a reserved word (by its name), or an error.
        private const int AtEnd = 0, AtNewline = 1, Failed = -1;
        // The reserved word a list stopped at: the lexer's last word (nothing is scanned between the list's
        // return and its caller's look).
        private string _stopWord => _lex.Reserved();
        // Nothing more runs: exit ran, or Ctrl-C came while a command ran.
        private bool Halted => Exiting || _ld.SigintPending;

        /// <summary>Runs shell text (a line, -c, or a whole script): complete commands one at a time, until the
        /// end, `exit` or a syntax error (status 2; the rest of the text is not run, as sh stops a script).</summary>
        public int RunText(byte[] text, int len)
        {
            int lineStart = 0;
            for (int i = 0; i <= len; i++)
            {
                if (i < len && text[i] != (byte)'\n') continue;
                if (i - lineStart > _lex.MaxLine) return LineTooLong(_lex.MaxLine);
                lineStart = i + 1;
            }
            int pos = 0;
            while (pos < len && !Halted)
            {
                int check = pos;
                int r = List(text, len, ref check, false, true);
                if (r == Failed) return _status;
                if (r > AtNewline) return Unexpected(r);
                List(text, len, ref pos, true, true);
                if (pos < check) pos = check;
            }
            return _status;
        }

        // Runs (run) or only parses a list from pos: and-or commands separated by ; newline &. Stops at the
        // end, at a newline when top, or at a reserved word it does not open (returned as > AtNewline, its
        // name in _stopWord, pos past it).
        private int List(byte[] b, int len, ref int pos, bool run, bool top)
        {
            bool go = run;
            bool needCommand = false;   // after && or ||
            while (true)
            {
                int n = _lex.Next(b, len, ref pos, go && !Halted, this);
                int term = _lex.Term;
                if (term < 0) return LexError(term);
                if (term == ShellLexer.Keyword)
                {
                    string kw = _lex.Reserved();
                    int r;
                    if (kw == "if") r = IfClause(b, len, ref pos, go && !Halted);
                    else if (kw == "while") r = WhileClause(b, len, ref pos, go && !Halted);
                    else
                    {
                        if (needCommand) return Unexpected(kw);
                        return AtNewline + 1;
                    }
                    if (r == Failed) return Failed;
                    // After fi or done: an operator, a separator, the end, or a closing word.
                    n = _lex.Next(b, len, ref pos, false);
                    term = _lex.Term;
                    if (term < 0) return LexError(term);
                    if (term == ShellLexer.Keyword)
                    {
                        if (_stopWord == "if" || _stopWord == "while") return Unexpected(_stopWord);
                        return AtNewline + 1;
                    }
                    if (n > 0) return Unexpected(_lex.Text[0] ?? "word");
                }
                else if (n > 0)
                {
                    if (go && !Halted) RunSimple(b, n, term == ShellLexer.Amp);
                }
                else if (n < 0 || term == ShellLexer.End)
                {
                    if (needCommand) return Unexpected("newline");
                    return AtEnd;
                }
                else if (term == ShellLexer.AndAnd || term == ShellLexer.OrOr || term == ShellLexer.Amp || needCommand)
                {
                    // An operator with no command before it (or "a && ;").
                    return Unexpected(term == ShellLexer.AndAnd ? "&&" : term == ShellLexer.OrOr ? "||" : term == ShellLexer.Amp ? "&" : term == ShellLexer.Newline ? "newline" : ";");
                }
                needCommand = term == ShellLexer.AndAnd || term == ShellLexer.OrOr;
                if (term == ShellLexer.AndAnd) go = run && _status == 0;
                else if (term == ShellLexer.OrOr) go = run && _status != 0;
                else go = run;
                if (needCommand) SkipNewlines(b, len, ref pos);
                if (term == ShellLexer.End) return AtEnd;
                if (term == ShellLexer.Newline && top) return AtNewline;
            }
        }

        // if LIST then LIST [elif LIST then LIST]... [else LIST] fi, after the "if". Status 0 when no branch ran.
        private int IfClause(byte[] b, int len, ref int pos, bool run)
        {
            int r = List(b, len, ref pos, run, false);
            if (r != AtNewline + 1 || _stopWord != "then") return Unexpected(r);
            bool cond = run && _status == 0;
            r = List(b, len, ref pos, cond, false);
            if (r != AtNewline + 1) return Unexpected(r);
            if (_stopWord == "elif")
            {
                if (run && cond) return IfClause(b, len, ref pos, false);
                return IfClause(b, len, ref pos, run);
            }
            if (_stopWord == "else")
            {
                r = List(b, len, ref pos, run && !cond, false);
                if (r != AtNewline + 1) return Unexpected(r);
            }
            else if (run && !cond) _status = StatusOk;
            if (_stopWord != "fi") return Unexpected(_stopWord);
            return AtEnd;
        }

        // while LIST do LIST done, after the "while": the status of the body's last command, 0 if it never ran.
        private int WhileClause(byte[] b, int len, ref int pos, bool run)
        {
            int condAt = pos;
            int bodyStatus = StatusOk;
            while (true)
            {
                int p = condAt;
                int r = List(b, len, ref p, run, false);
                if (r != AtNewline + 1 || _stopWord != "do") return Unexpected(r);
                bool body = run && _status == 0 && !Halted;
                r = List(b, len, ref p, body, false);
                if (r != AtNewline + 1 || _stopWord != "done") return Unexpected(r);
                if (!body)
                {
                    pos = p;
                    if (run && !Halted) _status = bodyStatus;
                    return AtEnd;
                }
                bodyStatus = _status;
                // Ctrl-C between iterations ends the loop (and the line): a loop of builtins has no job
                // for the interrupt to kill.
                if (!Halted && _ld.PollInterrupt()) _status = StatusInterrupted;
            }
        }

        private static void SkipNewlines(byte[] b, int len, ref int pos)
        {
            while (pos < len && (b[pos] == (byte)' ' || b[pos] == (byte)'\t' || b[pos] == (byte)'\r' || b[pos] == (byte)'\n')) pos++;
        }

        private int LexError(int term)
        {
            if (term == ShellLexer.ErrQuote) Syntax("unterminated quote");
            else if (term == ShellLexer.ErrTooMany) Syntax("too many words in one command (max " + ShellLexer.MaxTokens.ToString() + ")");
            else if (term == ShellLexer.ErrBrace) Syntax("bad substitution (missing '}')");
            else Syntax("near unexpected token '" + _lex.BadToken + "'");
            return Failed;
        }

        private int Unexpected(int r)
        {
            if (r == Failed) return Failed;
            return Unexpected(r > AtNewline ? _stopWord : null);
        }

        private int Unexpected(string token)
        {
            if (token == null) Syntax("unexpected end of file");
            else Syntax("near unexpected token '" + token + "'");
            return Failed;
        }
    }
}
