using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using ProcNano;

namespace ProcNano.HostSim.Web
{
    /// <summary>
    /// The attach protocol: the host types ordinary command lines at a board's nsh prompt and reads back what
    /// they print, framed by markers the shell itself echoes. One request is one line:
    /// <code>
    /// host → board:  echo @@N.0; CMD0; echo @@N.1; CMD1; ...; echo @@N.$ CR
    /// board → host:  the line's echo, then "@@N.0" CRLF, CMD0's output, "@@N.1" CRLF, CMD1's output, ...,
    ///                "@@N.$" CRLF, "nsh> "
    /// </code>
    /// N counts requests, so output left over from an earlier one (a timeout) never matches. A marker counts
    /// only as a whole line (the echo of the typed line holds it after "echo "). The echo and CRLF are the
    /// board's line discipline's; errors come inline (`cat: /proc/9/maps: No such process`). A line stays
    /// under the shell's 256 bytes: longer requests are split. Nothing but shell commands crosses the line.
    /// </summary>
    public sealed class ShellLink : IDisposable
    {
        private readonly ITty _tty;
        private readonly IDisposable _owned;
        private readonly StringBuilder _pending = new StringBuilder();
        private readonly byte[] _buf = new byte[4096];
        private int _request;
        public int TimeoutMs = 20000;
        public const int MaxLine = 200;

        /// <summary>True once the line has closed (reads fail): nothing more will come.</summary>
        public bool Closed { get; private set; }

        public ShellLink(ITty tty, IDisposable owned = null)
        {
            _tty = tty;
            _owned = owned;
        }

        /// <summary>Drops whatever was half typed (Ctrl-C), waits for the prompt: the line is ours.</summary>
        public void Sync()
        {
            Send("\x03");
            ReadUntil("nsh> ");
            Drain();
        }

        /// <summary>Runs each command; returns what each printed (lines joined by \n, CRs gone).</summary>
        public string[] Run(params string[] commands)
        {
            var results = new string[commands.Length];
            int from = 0;
            while (from < commands.Length)
            {
                int n = request(from);
                RunBatch(commands, from, n, results);
                from += n;
            }
            return results;

            // How many commands from 'at' fit one line.
            int request(int at)
            {
                int len = 16, n = 0;
                while (at + n < commands.Length && (n == 0 || len + commands[at + n].Length + 16 < MaxLine))
                {
                    len += commands[at + n].Length + 16;
                    n++;
                }
                return n;
            }
        }

        private void RunBatch(string[] commands, int from, int count, string[] results)
        {
            int id = ++_request;
            var line = new StringBuilder();
            for (int i = 0; i < count; i++) line.Append("echo @@").Append(id).Append('.').Append(i).Append("; ").Append(commands[from + i]).Append("; ");
            line.Append("echo @@").Append(id).Append(".$\r");
            if (Closed) throw new System.IO.IOException("the serial line closed");
            _pending.Clear();   // what an earlier request left (a timeout) is not this one's
            Send(line.ToString());
            string end = "\n@@" + id + ".$\r\n";
            string text = ReadUntil(end).Replace("\r\n", "\n");
            ReadUntil("nsh> ");
            for (int i = 0; i < count; i++)
            {
                string mark = "\n@@" + id + "." + i + "\n";
                string next = i + 1 < count ? "\n@@" + id + "." + (i + 1) + "\n" : "\n@@" + id + ".$\n";
                int a = text.IndexOf(mark, StringComparison.Ordinal);
                int b = a < 0 ? -1 : text.IndexOf(next, a + mark.Length - 1, StringComparison.Ordinal);
                results[from + i] = a < 0 || b < 0 ? "" : text.Substring(a + mark.Length, Math.Max(0, b + 1 - a - mark.Length));
            }
        }

        private void Send(string s)
        {
            byte[] b = Encoding.Latin1.GetBytes(s);
            _tty.Write(b, 0, b.Length);
        }

        // Everything up to and including 'end'; what follows stays pending.
        private string ReadUntil(string end)
        {
            var sw = Stopwatch.StartNew();
            while (true)
            {
                string s = _pending.ToString();
                int at = s.IndexOf(end, StringComparison.Ordinal);
                if (at >= 0)
                {
                    _pending.Remove(0, at + end.Length);
                    return s.Substring(0, at + end.Length);
                }
                if (sw.ElapsedMilliseconds > TimeoutMs) throw new TimeoutException("the board did not answer (waited for '" + end.Trim() + "')");
                int n = _tty.Read(_buf, 0, _buf.Length);
                if (n < 0) throw LineClosed();
                if (n > 0) _pending.Append(Encoding.Latin1.GetString(_buf, 0, n));
            }
        }

        // Reads what is still arriving (a second prompt after the Ctrl-C) until the line is quiet.
        private void Drain()
        {
            for (int quiet = 0; quiet < 2;)
            {
                int n = _tty.Read(_buf, 0, _buf.Length);
                if (n < 0) throw LineClosed();
                if (n == 0) quiet++;
            }
            _pending.Clear();
        }

        private System.IO.IOException LineClosed()
        {
            Closed = true;
            return new System.IO.IOException("the serial line closed");
        }

        public void Dispose()
        {
            if (_owned != null) _owned.Dispose();
        }
    }
}
