using System.Collections.Generic;
using System.Text;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// Finds names the device runtime lacks or cannot run in C# source, ignoring comments and string literals,
    /// so that a violation is reported as file:line before (or instead of) a cryptic nano compile error.
    /// </summary>
    internal static class KernelSourceScanner
    {
        /// <summary>Identifiers matched on a word boundary (a preceding letter/digit/_ means another name).</summary>
        public static readonly string[] Forbidden =
        {
            "StringBuilder", "Hashtable", "Math.", "List<", "Dictionary<", "Func<", "Action<",
            "IEnumerable<", "Nullable<", "yield return", "yield break", "async ", "await ",
        };

        /// <summary>Preprocessor conditionals: the kernel keeps platform differences behind interfaces.</summary>
        public static readonly string[] ForbiddenDirectives = { "#if", "#elif" };

        public readonly record struct Hit(int Line, string What);

        public static List<Hit> Scan(string source)
        {
            var hits = new List<Hit>();
            string[] lines = StripCommentsAndStrings(source).Split('\n');
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                string trimmed = line.TrimStart();
                foreach (string d in ForbiddenDirectives)
                {
                    if (trimmed.StartsWith(d) && (trimmed.Length == d.Length || !IsIdent(trimmed[d.Length])))
                        hits.Add(new Hit(n + 1, d));
                }
                foreach (string f in Forbidden)
                {
                    for (int at = line.IndexOf(f, System.StringComparison.Ordinal); at >= 0; at = line.IndexOf(f, at + 1, System.StringComparison.Ordinal))
                    {
                        if (at > 0 && IsIdent(line[at - 1])) continue;
                        hits.Add(new Hit(n + 1, f.Trim()));
                        break;
                    }
                }
            }
            return hits;
        }

        private static bool IsIdent(char c) => char.IsLetterOrDigit(c) || c == '_';

        /// <summary>Blanks out comments and the insides of string and char literals, keeping every newline so
        /// line numbers stay right.</summary>
        public static string StripCommentsAndStrings(string s)
        {
            var o = new StringBuilder(s.Length);
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                char next = i + 1 < s.Length ? s[i + 1] : '\0';
                if (c == '/' && next == '/')
                {
                    while (i < s.Length && s[i] != '\n') { o.Append(' '); i++; }
                }
                else if (c == '/' && next == '*')
                {
                    o.Append("  ");
                    i += 2;
                    while (i < s.Length && !(s[i] == '*' && i + 1 < s.Length && s[i + 1] == '/')) { o.Append(s[i] == '\n' ? '\n' : ' '); i++; }
                    if (i < s.Length) { o.Append("  "); i += 2; }
                }
                else if (c == '"' || ((c == '@' || c == '$') && (next == '"' || ((next == '@' || next == '$') && i + 2 < s.Length && s[i + 2] == '"'))))
                {
                    bool verbatim = false;
                    while (s[i] != '"') { verbatim |= s[i] == '@'; o.Append(' '); i++; }
                    o.Append('"');
                    i++;
                    while (i < s.Length)
                    {
                        if (verbatim && s[i] == '"' && i + 1 < s.Length && s[i + 1] == '"') { o.Append("  "); i += 2; continue; }
                        if (!verbatim && s[i] == '\\' && i + 1 < s.Length) { o.Append("  "); i += 2; continue; }
                        if (s[i] == '"') break;
                        o.Append(s[i] == '\n' ? '\n' : ' ');
                        i++;
                    }
                    if (i < s.Length) { o.Append('"'); i++; }
                }
                else if (c == '\'')
                {
                    o.Append('\'');
                    i++;
                    while (i < s.Length && s[i] != '\'' && s[i] != '\n')
                    {
                        if (s[i] == '\\' && i + 1 < s.Length) { o.Append("  "); i += 2; continue; }
                        o.Append(' ');
                        i++;
                    }
                    if (i < s.Length && s[i] == '\'') { o.Append('\''); i++; }
                }
                else
                {
                    o.Append(c);
                    i++;
                }
            }
            return o.ToString();
        }
    }
}
