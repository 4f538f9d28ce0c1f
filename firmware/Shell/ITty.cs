namespace ProcNano
{
    /// <summary>
    /// A raw byte stream to a terminal: the device's UART, a host serial port or pty, stdin/stdout, or a test
    /// buffer. No line editing happens here; <see cref="LineDiscipline"/> does that on top, the same code on
    /// every side.
    /// </summary>
    public interface ITty
    {
        /// <summary>Reads up to <paramref name="count"/> bytes. Returns the number read (at least 1), 0 when
        /// nothing arrived yet (the caller waits briefly and asks again; an implementation may block a while
        /// first), or -1 when the line is closed for good.</summary>
        int Read(byte[] buf, int off, int count);

        /// <summary>True when a <see cref="Read"/> would answer at once: bytes have arrived or the line is
        /// closed. A running command looks for Ctrl-C through this, so it never waits on a quiet line.</summary>
        bool HasInput();

        /// <summary>Writes the bytes as they are (no newline translation) and pushes them out.</summary>
        void Write(byte[] buf, int off, int count);
    }
}
