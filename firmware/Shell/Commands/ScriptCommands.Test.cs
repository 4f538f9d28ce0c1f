namespace ProcNano
{
    // test / [: the POSIX rules by argument count, with -e -f -d -z -n = != -eq -ne -lt -le -gt -ge and !.
    public static partial class ScriptCommands
    {
        private const int Bad = -1;

        // argv[from..to) is the expression. 0 true, 1 false, 2 (after a message) a syntax error.
        private static int Eval(Shell sh, string cmd, string[] argv, int from, int to)
        {
            int r = Expr(sh, cmd, argv, from, to - from);
            if (r == Bad) return Shell.StatusSyntax;
            return r;
        }

        private static int Expr(Shell sh, string cmd, string[] a, int i, int n)
        {
            switch (n)
            {
                case 0: return 1;
                case 1: return a[i].Length > 0 ? 0 : 1;
                case 2:
                    if (a[i] == "!") return Not(Expr(sh, cmd, a, i + 1, 1));
                    return Unary(sh, cmd, a[i], a[i + 1]);
                case 3:
                    int b = Binary(sh, cmd, a[i], a[i + 1], a[i + 2]);
                    if (b != Bad || IsBinary(a[i + 1])) return b;
                    if (a[i] == "!") return Not(Expr(sh, cmd, a, i + 1, 2));
                    break;
                case 4:
                    if (a[i] == "!") return Not(Expr(sh, cmd, a, i + 1, 3));
                    break;
            }
            sh.Complain(cmd, n > 4 ? "too many arguments" : "syntax error");
            return Bad;
        }

        private static int Not(int r) { return r == Bad ? Bad : 1 - r; }

        private static int Unary(Shell sh, string cmd, string op, string s)
        {
            if (op == "-z") return s.Length == 0 ? 0 : 1;
            if (op == "-n") return s.Length > 0 ? 0 : 1;
            if (op == "-e" || op == "-f" || op == "-d")
            {
                StatInfo st = new StatInfo();
                if (sh.Sys.Stat(sh.Task, s, st) < 0) return 1;
                int type = st.Mode & Stat.S_IFMT;
                if (op == "-f") return type == Stat.S_IFREG ? 0 : 1;
                if (op == "-d") return type == Stat.S_IFDIR ? 0 : 1;
                return 0;
            }
            sh.Complain(cmd, op + ": unary operator expected");
            return Bad;
        }

        private static bool IsBinary(string op)
        {
            return op == "=" || op == "!=" || op == "-eq" || op == "-ne" || op == "-lt" || op == "-le" || op == "-gt" || op == "-ge";
        }

        private static int Binary(Shell sh, string cmd, string x, string op, string y)
        {
            if (op == "=") return x == y ? 0 : 1;
            if (op == "!=") return x != y ? 0 : 1;
            if (!IsBinary(op)) return Bad;
            long l, r;
            if (!Integer(sh, cmd, x, out l) || !Integer(sh, cmd, y, out r)) return Bad;
            bool t;
            if (op == "-eq") t = l == r;
            else if (op == "-ne") t = l != r;
            else if (op == "-lt") t = l < r;
            else if (op == "-le") t = l <= r;
            else if (op == "-gt") t = l > r;
            else t = l >= r;
            return t ? 0 : 1;
        }

        // A decimal integer, optionally signed, as test takes it (no hex, no K/M suffixes).
        private static bool Integer(Shell sh, string cmd, string s, out long v)
        {
            v = 0;
            int i = 0;
            bool neg = false;
            if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
            {
                neg = s[0] == '-';
                i = 1;
            }
            bool ok = i < s.Length && s.Length - i <= 18;
            for (; ok && i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') ok = false;
                else v = v * 10 + (s[i] - '0');
            }
            if (!ok)
            {
                sh.Complain(cmd, s + ": integer expression expected");
                return false;
            }
            if (neg) v = -v;
            return true;
        }
    }
}
