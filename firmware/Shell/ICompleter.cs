namespace ProcNano
{
    /// <summary>
    /// What Tab asks (the shell implements it): the line discipline knows bytes and the screen, the completer
    /// knows words, commands and files. It answers by calling <see cref="LineDiscipline.Offer"/> once per name
    /// that can complete the word before the cursor; the line discipline keeps no name, only their common
    /// prefix (in the line's spare bytes) and a few counts.
    /// </summary>
    public interface ICompleter
    {
        /// <summary>Tab with the cursor at byte <paramref name="cursor"/> of <paramref name="line"/>: offer
        /// every candidate. Called a second time, with the same line, when the names are listed: offer the same
        /// names in the same order.</summary>
        void Complete(LineDiscipline ld, byte[] line, int cursor);
    }
}
