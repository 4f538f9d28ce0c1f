using System;

namespace ProcNano.VirtualDevice
{
    /// <summary>
    /// The console's tty on the virtual device: input is a script of lines, typed one line per read (so the shell
    /// has finished the last command before the next arrives); output is printed line by line with
    /// Console.WriteLine, which nanoCLR sends to stdout.
    /// Script lines: a command line as typed at the prompt, in which <c>$P</c> stands for the board's page size
    /// and <c>$A</c> for the last address the shell printed (a <c>0x...</c> line: what mmap prints); blank lines
    /// and <c>#</c> comments are skipped; <c>@heap LABEL</c> prints <c>HEAP LABEL=BYTES</c> while the shell waits
    /// at its prompt; <c>@mapped</c> prints <c>MAPPED n</c>, the addresses printed since the last <c>@heap</c>.
    /// The first read (the shell at its first prompt) prints <c>HEAP first_prompt=BYTES</c>. Once the script ends
    /// the line closes (-1).
    /// </summary>
    internal sealed class ScriptedTty : ITty
    {
        private const int OutMax = 200;
        private readonly string _script;
        private readonly string _pageSize;
        private readonly char[] _out = new char[OutMax];
        private int _outLen;
        private int _pos;
        // The line being typed: script chars [_typeAt, _typeEnd), then a newline; a $P/$A value being typed.
        private int _typeAt, _typeEnd = -1;
        private string _subst;
        private int _substAt;
        private bool _prompted;
        private string _lastAddr = "0";
        private int _addrLines;

        /// <summary>Commands that failed with an OutOfMemoryException the shell caught.</summary>
        public int OomLines;
        /// <summary>Output lines reporting a command's internal error (an exception the shell caught).</summary>
        public int ErrorLines;
        /// <summary>Output lines that could not be printed: the heap had no room for their string.</summary>
        public int LostLines;
        /// <summary>Lines typed so far.</summary>
        public int LinesTyped;

        public ScriptedTty(string script, int pageSize)
        {
            _script = script;
            _pageSize = pageSize.ToString();
        }

        public bool Prompted => _prompted;

        // The script types only at a prompt: a running command sees no keys (so no @heap line is read early).
        public bool HasInput() { return false; }

        public int Read(byte[] buf, int off, int count)
        {
            if (!_prompted)
            {
                _prompted = true;
                Report.Heap("first_prompt");
            }
            // Typing allocates nothing (the line is built in a buffer made at start), so an
            // OutOfMemoryException that reaches Main came from the kernel, not from here.
            while (_typeEnd < 0)
            {
                if (_pos >= _script.Length)
                {
                    Flush();
                    return -1;
                }
                int start, end;
                NextLine(out start, out end);
                if (start == end || _script[start] == '#') continue;
                if (_script[start] == '@')
                {
                    Directive(start, end);
                    continue;
                }
                TypeLine(start, end);
                LinesTyped++;
            }
            return Type(buf, off, count);
        }

        public void Write(byte[] buf, int off, int count)
        {
            for (int i = off; i < off + count; i++)
            {
                byte b = buf[i];
                if (b == (byte)'\r') continue;
                if (b == (byte)'\n')
                {
                    Emit();
                    continue;
                }
                if (_outLen == OutMax) Emit();
                _out[_outLen++] = (char)b;
            }
        }

        /// <summary>Prints what is left of the last line (a prompt, say).</summary>
        public void Flush()
        {
            if (_outLen > 0) Emit();
        }

        private void Emit()
        {
            try
            {
                string s = new string(_out, 0, _outLen);
                _outLen = 0;
                // The shell's report of an exception it caught in a command: "CMD: internal error: MESSAGE".
                if (s.IndexOf(": internal error") >= 0)
                {
                    ErrorLines++;
                    if (s.IndexOf("OutOfMemoryException") >= 0) OomLines++;
                }
                if (s.Length > 2 && s[0] == '0' && s[1] == 'x')
                {
                    _lastAddr = s;
                    _addrLines++;
                }
                Console.WriteLine(s);
            }
            catch (OutOfMemoryException)
            {
                _outLen = 0;
                LostLines++;
            }
        }

        private void Directive(int start, int end)
        {
            Flush();
            string line;
            try
            {
                line = _script.Substring(start, end - start);
            }
            catch (OutOfMemoryException)
            {
                Report.Lost++;
                Console.WriteLine("LOST a report line: no heap for its text");
                return;
            }
            if (line.Length > 6 && line.Substring(0, 6) == "@heap ")
            {
                Report.Heap(line.Substring(6));
                _addrLines = 0;
            }
            else if (line == "@mapped")
            {
                Report.Count("MAPPED", _addrLines);
            }
            else
            {
                Report.Line("BADLINE", line);
            }
        }

        // The next script line without its surrounding blanks: [start, end) of _script.
        private void NextLine(out int start, out int end)
        {
            int nl = _script.IndexOf('\n', _pos);
            if (nl < 0) nl = _script.Length;
            start = _pos;
            end = nl;
            _pos = nl + 1;
            while (start < end && _script[start] <= ' ') start++;
            while (end > start && _script[end - 1] <= ' ') end--;
        }

        // Starts typing script chars [start, end): Read hands them out with $P and $A replaced, then a newline
        // (straight from the script: the virtual tty keeps no line buffer, as the device's UART has none).
        private void TypeLine(int start, int end)
        {
            _typeAt = start;
            _typeEnd = end;
            _subst = null;
        }

        private int Type(byte[] buf, int off, int count)
        {
            int n = 0;
            while (n < count && _typeEnd >= 0)
            {
                if (_subst != null)
                {
                    if (_substAt < _subst.Length) { buf[off + n++] = (byte)_subst[_substAt++]; continue; }
                    _subst = null;
                }
                if (_typeAt == _typeEnd)
                {
                    buf[off + n++] = (byte)'\n';
                    _typeEnd = -1;
                    break;
                }
                char c = _script[_typeAt++];
                if (c == '$' && _typeAt < _typeEnd && (_script[_typeAt] == 'P' || _script[_typeAt] == 'A'))
                {
                    _subst = _script[_typeAt++] == 'P' ? _pageSize : _lastAddr;
                    _substAt = 0;
                    continue;
                }
                buf[off + n++] = (byte)c;
            }
            return n;
        }
    }
}
