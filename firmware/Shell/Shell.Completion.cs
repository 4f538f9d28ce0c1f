namespace ProcNano
{
    // Tab completion, the shell's half: which word the cursor ends, whether it names a command or a file, and
    // the names that fit, offered to the line discipline one by one. Files are listed through the syscalls as
    // the shell's task sees them (its cwd, its permissions, its pid namespace's /proc).
    public sealed partial class Shell : ICompleter
    {
        void ICompleter.Complete(LineDiscipline ld, byte[] line, int cursor)
        {
            int start = cursor;
            while (start > 0 && !Breaks(line[start - 1])) start--;
            int slash = -1;
            for (int i = start; i < cursor; i++) if (line[i] == (byte)'/') slash = i;
            if (slash < 0 && CommandPosition(line, start)) OfferCommands(ld, line, start, cursor);
            else OfferFiles(ld, line, start, slash, cursor);
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
                if (StartsWith(name, line, from, to)) ld.Offer(name, to - from, false);
            }
        }

        // The names in the word's directory (the part up to its last '/', or the cwd) that begin with the rest.
        // Dot entries only when the rest begins with '.', as ls shows them only with -a. A symlink is a
        // directory if what it points to is (/proc/self). Tab costs the directory's path string, the names the
        // directory yields and the file while it is open; a keystroke costs nothing.
        private void OfferFiles(LineDiscipline ld, byte[] line, int start, int slash, int cursor)
        {
            int from = slash < 0 ? start : slash + 1;
            string dir = slash < 0 ? "." : slash == start ? "/" : Text(line, start, slash);
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
                    if (name.Length == 0 || (name[0] == '.' && !dots) || !StartsWith(name, line, from, cursor)) continue;
                    bool isDir = type == Stat.S_IFDIR;
                    if (type == Stat.S_IFLNK)
                    {
                        if (st == null) st = new StatInfo();
                        string path = slash < 0 ? name : Text(line, start, slash + 1) + name;
                        isDir = _sys.Stat(_task, path, st) == 0 && (st.Mode & Stat.S_IFMT) == Stat.S_IFDIR;
                    }
                    ld.Offer(name, cursor - from, isDir);
                }
            }
            finally
            {
                _sys.Close(_task, fd);
            }
        }

        private static string Text(byte[] b, int from, int to)
        {
            char[] c = new char[to - from];
            for (int i = 0; i < c.Length; i++) c[i] = (char)b[from + i];
            return new string(c);
        }
    }
}
