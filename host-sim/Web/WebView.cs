using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TTask = System.Threading.Tasks.Task;

namespace ProcNano.HostSim.Web
{
    /// <summary>
    /// The live page: Kestrel on 127.0.0.1 only, serving one HTML file (inline script and styles: no build
    /// step, nothing fetched from elsewhere), the current picture as JSON, a /proc reader, and a server-sent
    /// event stream. A sampler takes a picture every <see cref="ISnapshotSource.RefreshMs"/> and pushes it only
    /// when it changed, with the session's timeline (MmapCopy and free pages over time), so an idle page costs
    /// one event per change and a keep-alive comment every 15 s.
    /// </summary>
    public sealed class WebView : IDisposable
    {
        public const int DefaultPort = 8013;
        private const int TimelineMax = 600;

        private readonly ISnapshotSource _source;
        private readonly WebApplication _app;
        private readonly Thread _sampler;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<long[]> _timeline = new List<long[]>();
        private readonly long _t0 = Environment.TickCount64;
        private readonly object _gate = new object();
        private string _json = "{}", _picture = "", _key = "";
        private int _version;
        private string _error;
        private System.Threading.Tasks.TaskCompletionSource<bool> _changed = NewSignal();

        public int Port { get; }
        public string Url => "http://127.0.0.1:" + Port + "/";

        private WebView(ISnapshotSource source, int port)
        {
            _source = source;
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            // The terminal is the shell's: no console lifetime (it would watch Ctrl-C and print), no listening elsewhere.
            builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            _app = builder.Build();
            Map(_app);
            _app.StartAsync().GetAwaiter().GetResult();
            Port = new Uri(FirstAddress()).Port;
            Sample();
            _sampler = new Thread(SampleLoop) { IsBackground = true, Name = "web sampler" };
            _sampler.Start();
        }

        private string FirstAddress()
        {
            var f = ((Microsoft.AspNetCore.Hosting.Server.IServer)_app.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)))
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>();
            foreach (string a in f.Addresses) return a;
            throw new InvalidOperationException("Kestrel reports no address");
        }

        /// <summary>Starts serving on 127.0.0.1:<paramref name="port"/> (0: any free port; see <see cref="Port"/>).</summary>
        public static WebView Start(ISnapshotSource source, int port) { return new WebView(source, port); }

        // One plain request handler (no minimal-API binding, which needs code generated for C# 12 or
        // reflection): the Native AOT build serves exactly what the JIT build does.
        private void Map(WebApplication app)
        {
            app.Run(ctx =>
            {
                switch (ctx.Request.Path.Value)
                {
                    case "/": return Send(ctx, "text/html; charset=utf-8", Page("index.html"));
                    case "/api/snapshot": return Send(ctx, "application/json", Current(out _));
                    case "/api/proc": return Send(ctx, "application/json", ReadProc(ctx.Request.Query["path"].ToString()));
                    case "/events": return Events(ctx);
                }
                ctx.Response.StatusCode = 404;
                return TTask.CompletedTask;
            });
        }

        private static System.Threading.Tasks.Task Send(HttpContext ctx, string type, string body)
        {
            ctx.Response.ContentType = type;
            return ctx.Response.WriteAsync(body);
        }

        private string ReadProc(string path)
        {
            ProcView v;
            try
            {
                v = _source.Read(string.IsNullOrEmpty(path) ? "/proc" : path);
            }
            catch (Exception e) when (e is IOException || e is TimeoutException)
            {
                v = new ProcView { Path = path, Error = e.Message };
            }
            return JsonSerializer.Serialize(v, WebJson.Default.ProcView);
        }

        // Server-sent events: the picture at once, then each new one; a comment every 15 s keeps proxies awake.
        private async System.Threading.Tasks.Task Events(HttpContext ctx)
        {
            ctx.Response.Headers.ContentType = "text/event-stream";
            ctx.Response.Headers.CacheControl = "no-cache";
            CancellationToken abort = ctx.RequestAborted;
            int seen = -1;
            try
            {
                while (!abort.IsCancellationRequested && !_stop.IsCancellationRequested)
                {
                    System.Threading.Tasks.Task<bool> changed;
                    string json;
                    int version;
                    lock (_gate)
                    {
                        changed = _changed.Task;
                        json = _json;
                        version = _version;
                    }
                    if (version != seen)
                    {
                        await ctx.Response.WriteAsync("data: " + json + "\n\n", abort);
                        seen = version;
                    }
                    else await ctx.Response.WriteAsync(": keep-alive\n\n", abort);
                    await ctx.Response.Body.FlushAsync(abort);
                    await TTask.WhenAny(changed, TTask.Delay(15000, abort));
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>The latest picture as the page gets it (snapshot, timeline, version, error).</summary>
        public string Current(out int version)
        {
            lock (_gate)
            {
                version = _version;
                return _json;
            }
        }

        private void SampleLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                if (_stop.Token.WaitHandle.WaitOne(_source.RefreshMs)) break;
                Sample();
            }
        }

        /// <summary>Takes a picture; publishes it (and a timeline point) when it differs from the last.</summary>
        public void Sample()
        {
            MemSnapshot s = null;
            string error = null;
            try
            {
                s = _source.Take();
            }
            catch (Exception e) when (e is IOException || e is TimeoutException || e is InvalidOperationException)
            {
                error = e.Message;
            }
            // What counts as a change leaves out the managed heap's figures: on the host board they are the
            // desktop GC's and move all the time (they go out with the next real change or timeline point).
            string key = _key;
            if (s != null)
            {
                List<MeminfoRow> all = s.Meminfo;
                s.Meminfo = all.FindAll(m => !m.Name.StartsWith("Heap", StringComparison.Ordinal));
                key = JsonSerializer.Serialize(s, WebJson.Default.MemSnapshot);
                s.Meminfo = all;
            }
            lock (_gate)
            {
                string picture = s == null ? _picture : JsonSerializer.Serialize(s, WebJson.Default.MemSnapshot);
                long now = Environment.TickCount64 - _t0;
                bool changed = key != _key || error != _error;
                if (s != null)
                {
                    long copy = s.MeminfoKb("MmapCopy");
                    long[] last = _timeline.Count > 0 ? _timeline[_timeline.Count - 1] : null;
                    // A point when the figures move, and one every 10 s so the strip shows time passing.
                    if (last == null || last[1] != copy || last[2] != s.FreePages || now - last[0] >= 10000)
                    {
                        if (_timeline.Count >= TimelineMax) _timeline.RemoveRange(0, TimelineMax / 10);
                        _timeline.Add(new[] { now, copy, (long)s.FreePages });
                        changed = true;
                    }
                }
                if (!changed) return;
                _picture = picture;
                _key = key;
                _error = error;
                _version++;
                _json = "{\"version\":" + _version + ",\"error\":" + JsonSerializer.Serialize(error, WebJson.Default.String) + ",\"timeline\":"
                    + JsonSerializer.Serialize(_timeline, WebJson.Default.ListInt64Array) + ",\"snapshot\":" + (picture.Length == 0 ? "null" : picture) + "}";
                var old = _changed;
                _changed = NewSignal();
                old.TrySetResult(true);
            }
        }

        private static System.Threading.Tasks.TaskCompletionSource<bool> NewSignal()
        {
            return new System.Threading.Tasks.TaskCompletionSource<bool>(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
        }

        /// <summary>A file of the page, embedded in procnano-sim (Web/wwwroot).</summary>
        public static string Page(string name)
        {
            using Stream s = typeof(WebView).Assembly.GetManifestResourceStream("web/" + name);
            if (s == null) throw new FileNotFoundException("embedded page " + name);
            using var r = new StreamReader(s);
            return r.ReadToEnd();
        }

        public void Dispose()
        {
            _stop.Cancel();
            lock (_gate) _changed.TrySetResult(true);
            try
            {
                _app.StopAsync(TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
            ((IDisposable)_app).Dispose();
        }

        /// <summary>A host lifetime that watches no signal and prints nothing: the simulator decides when to stop.</summary>
        private sealed class QuietLifetime : IHostLifetime
        {
            public System.Threading.Tasks.Task WaitForStartAsync(CancellationToken cancellationToken) => TTask.CompletedTask;
            public System.Threading.Tasks.Task StopAsync(CancellationToken cancellationToken) => TTask.CompletedTask;
        }
    }
}
