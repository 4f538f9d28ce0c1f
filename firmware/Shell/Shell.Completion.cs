namespace ProcNano
{
    // Tab completion, the shell's half: which word the cursor ends, whether it names a command or a file, and
    // the names that fit, offered to the line discipline one by one. Files are listed through the syscalls as
    // the shell's task sees them (its cwd, its permissions, its pid namespace's /proc). A word may hold
    // backslash escapes (`my\ fi`): they are read as the lexer reads them, and a name's special characters
    // go in escaped; inside an open quote ("my fi) names go in as they are.
    public sealed partial class Shell : ICompleter
    {
        void ICompleter.Complete(LineDiscipline ld, byte[] line, int cursor)
        {
            int start = cursor;
            while (start > 0 && (!Breaks(line[start - 1]) || Escaped(line, start - 1))) start--;
            bool escape = start == 0 || (line[start - 1] != (byte)'\'' && line[start - 1] != (byte)'"');
            int slash = -1;
            for (int i = start; i < cursor; i++) if (line[i] == (byte)'/') slash = i;
            if (slash < 0 && CommandPosition(line, start)) OfferCommands(ld, line, start, cursor);
            else OfferFiles(ld, line, start, slash, cursor, escape);
        }

        // The byte at i follows an odd run of backslashes: it is escaped, part of the word.
        private static bool Escaped(byte[] line, int i)
        {
            int n = 0;
            while (i - n > 0 && line[i - n - 1] == (byte)'\\') n++;
            return (n & 1) != 0;
        }

        // How many of the name's characters the typed bytes [from, to) spell (an escape is the character it
        // escapes), or -1 if they spell something else.
        private static int Spelled(string name, byte[] line, int from, int to, bool escape)
        {
            int n = 0;
            for (int i = from; i < to; i++)
            {
                byte b = line[i];
                if (escape && b == (byte)'\\')
                {
                    if (++i == to) return -1;   // a lone backslash at the cursor: the next key says what it escapes
                    b = line[i];
                }
                if (n >= name.Length || (byte)name[n] != b) return -1;
                n++;
            }
            return n;
        }

        // A word ends at a blank, an operator or a quote (readline breaks at '=' as well: VAR=/pr completes).
        private static bool Breaks(byte b)
        {
            return b == (byte)' ' || b == (byte)'\t' || b == (byte)';' || b == (byte)'|' || b == (byte)'&'
                || b == (byte)'<' || b == (byte)'>' || b == (byte)'(' || b == (byte)'=' || b == (byte)'\'' || b == (byte)'"';
        }

        // The word starts a command: first on the line, after ; | & or (, or after a word that runs the next
        // one (if, then, else, do, while, until, time, watch).
        private static bool CommandPosition(byte[] line, int start)
        {
            int i = start;
            while (i > 0 && (line[i - 1] == (byte)' ' || line[i - 1] == (byte)'\t')) i--;
            if (i == 0) return true;
            byte b = line[i - 1];
            if (b == (byte)';' || b == (byte)'|' || b == (byte)'&' || b == (byte)'(') return true;
            int end = i;
            while (i > 0 && !Breaks(line[i - 1])) i--;
            return (Is(line, i, end, "if") || Is(line, i, end, "then") || Is(line, i, end, "else")
                || Is(line, i, end, "do") || Is(line, i, end, "while") || Is(line, i, end, "until") || Is(line, i, end, "time")
                || Is(line, i, end, "watch")) && CommandPosition(line, i);
        }

        private static bool Is(byte[] line, int from, int to, string word)
        {
            return to - from == word.Length && StartsWith(word, line, from, to);
        }

        // The name begins with line[from..to) (the shell reads a byte as a char).
        private static bool StartsWith(string name, byte[] line, int from, int to)
        {
            if (name.Length < to - from) return false;
            for (int i = from; i < to; i++) if ((byte)name[i - from] != line[i]) return false;
            return true;
        }

        private static void OfferCommands(LineDiscipline ld, byte[] line, int from, int to)
        {
            for (int i = 0; i < CommandTable.Count; i++)
            {
                string name = CommandTable.Name(i);
                if (StartsWith(name, line, from, to)) ld.Offer(name, to - from, false, false);
            }
        }

        // The names in the word's directory (the part up to its last '/', or the cwd) that begin with the rest.
        // Dot entries only when the rest begins with '.', as ls shows them only with -a. A symlink is a
        // directory if what it points to is (/proc/self). Tab costs the directory's path string, the names the
        // directory yields and the file while it is open; a keystroke costs nothing.
        private void OfferFiles(LineDiscipline ld, byte[] line, int start, int slash, int cursor, bool escape)
        {
            int from = slash < 0 ? start : slash + 1;
            string dir = slash < 0 ? "." : slash == start ? "/" : Text(line, start, slash, escape);
            int fd = _sys.Open(_task, dir, File.O_RDONLY | File.O_DIRECTORY, 0);
            if (fd < 0) return;
            try
            {
                bool dots = from < cursor && line[from] == (byte)'.';
                StatInfo st = null;
                for (int index = 0; ; index++)
                {
                    string name;
                    int type;
                    if (_sys.ReadDir(_task, fd, index, out name, out type) <= 0) break;
                    if (name.Length == 0 || (name[0] == '.' && !dots)) continue;
                    int typed = Spelled(name, line, from, cursor, escape);
                    if (typed < 0) continue;
                    bool isDir = type == Stat.S_IFDIR;
                    if (type == Stat.S_IFLNK)
                    {
                        if (st == null) st = new StatInfo();
                        string path = slash < 0 ? name : Text(line, start, slash + 1, escape) + name;
                        isDir = _sys.Stat(_task, path, st) == 0 && (st.Mode & Stat.S_IFMT) == Stat.S_IFDIR;
                    }
                    ld.Offer(name, typed, isDir, escape);
                }
            }
            finally
            {
                _sys.Close(_task, fd);
            }
        }

        // The bytes [from, to) as the lexer reads them: each escape as the character it escapes.
        private static string Text(byte[] b, int from, int to, bool escape)
        {
            int n = 0;
            for (int i = from; i < to; i++, n++) if (escape && b[i] == (byte)'\\' && i + 1 < to) i++;
            char[] c = new char[n];
            n = 0;
            for (int i = from; i < to; i++)
            {
                if (escape && b[i] == (byte)'\\' && i + 1 < to) i++;
                c[n++] = (char)b[i];
            }
            return new string(c);
        }
    }
}
