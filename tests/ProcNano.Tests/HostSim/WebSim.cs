using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>Debian's chromium, for the browser tests (apt-get install chromium; .ci/run installs it), or
    /// $PROCNANO_CHROMIUM. Playwright drives it; its own browser download is not used.</summary>
    public static class Chromium
    {
        public static string Path
        {
            get
            {
                string env = Environment.GetEnvironmentVariable("PROCNANO_CHROMIUM");
                if (!string.IsNullOrEmpty(env)) return System.IO.File.Exists(env) ? env : null;
                foreach (string p in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
                    if (System.IO.File.Exists(p)) return p;
                return null;
            }
        }
    }

    /// <summary>Runs only where chromium is installed.</summary>
    public sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            if (Chromium.Path == null) Skip = "chromium not found: install it (apt-get install chromium) to run the browser tests";
        }
    }

    /// <summary>Runs only where chromium and socat are installed (a browser on a board reached over a pty pair).</summary>
    public sealed class ChromiumSocatFactAttribute : FactAttribute
    {
        public ChromiumSocatFactAttribute()
        {
            if (Chromium.Path == null) Skip = "chromium not found: install it (apt-get install chromium) to run the browser tests";
            else if (SerialPtyTests.Socat == null) Skip = "socat not found on PATH: install it (apt-get install socat)";
        }
    }

    /// <summary>procnano-sim run with --web: its address (from stderr), its stdin to type into, its stdout to read.</summary>
    internal sealed class WebSim : IDisposable
    {
        public readonly Process Process;
        public readonly string Url;
        private readonly BlockingCollection<string> _out = new BlockingCollection<string>();
        private readonly System.Text.StringBuilder _err = new System.Text.StringBuilder();

        public WebSim(string dir, params string[] args)
        {
            Process = SimProcess.Start(dir, args);
            var url = new BlockingCollection<string>();
            Process.ErrorDataReceived += (s, e) =>
            {
                if (e.Data == null) return;
                lock (_err) _err.AppendLine(e.Data);
                Match m = Regex.Match(e.Data, @"web view on (http://127\.0\.0\.1:\d+/)");
                if (m.Success) url.Add(m.Groups[1].Value);
            };
            Process.OutputDataReceived += (s, e) => { if (e.Data != null) _out.Add(e.Data); };
            Process.BeginErrorReadLine();
            Process.BeginOutputReadLine();
            if (!url.TryTake(out Url, SimProcess.TimeoutMs))
            {
                Kill();
                throw new Xunit.Sdk.XunitException("no web view address on stderr: " + Err);
            }
        }

        public string Err { get { lock (_err) return _err.ToString(); } }

        /// <summary>Types a line at the simulator's shell (its stdin).</summary>
        public void Type(string line)
        {
            Process.StandardInput.Write(line + "\n");
            Process.StandardInput.Flush();
        }

        /// <summary>The next stdout line matching <paramref name="pattern"/>.</summary>
        public string WaitLine(string pattern)
        {
            var sw = Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < SimProcess.TimeoutMs)
            {
                if (_out.TryTake(out string l, 200) && Regex.IsMatch(l, pattern)) return l;
            }
            throw new Xunit.Sdk.XunitException("no stdout line matching " + pattern);
        }

        public JsonElement Snapshot()
        {
            using var http = new HttpClient();
            string json = http.GetStringAsync(Url + "api/snapshot").GetAwaiter().GetResult();
            return JsonDocument.Parse(json).RootElement.GetProperty("snapshot");
        }

        /// <summary>A /proc file as the page's browser gets it.</summary>
        public string ReadProc(string path)
        {
            using var http = new HttpClient();
            string json = http.GetStringAsync(Url + "api/proc?path=" + Uri.EscapeDataString(path)).GetAwaiter().GetResult();
            return JsonDocument.Parse(json).RootElement.GetProperty("text").GetString();
        }

        public void Kill()
        {
            if (!Process.HasExited) Process.Kill(true);
        }

        public void Dispose()
        {
            Kill();
            Process.Dispose();
        }
    }
}
