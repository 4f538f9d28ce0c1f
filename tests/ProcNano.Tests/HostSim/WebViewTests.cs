using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using ProcNano;
using ProcNano.HostSim;
using ProcNano.HostSim.Web;
using Xunit;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.HostSim
{
    /// <summary>The web view's server without a browser: the page it serves, its JSON, its /proc reader, its
    /// event stream; and the command line that starts it.</summary>
    public sealed class WebViewTests : IDisposable
    {
        private readonly Kernel _k = Boot.Host();
        private readonly KTask _sh;
        private readonly WebView _web;
        private readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        public WebViewTests()
        {
            _sh = Getty.NewShellTask(_k.Sys);
            _web = WebView.Start(new LocalSource(_k.Sys, _sh, "host"), 0);
        }

        public void Dispose()
        {
            _web.Dispose();
            _http.Dispose();
        }

        private string Get(string path) => _http.GetStringAsync(_web.Url + path.TrimStart('/')).GetAwaiter().GetResult();

        [Fact]
        public void ListensOn127001Only_AndServesOnePageThatFetchesNothingFromElsewhere()
        {
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/$", _web.Url);
            string page = Get("/");
            Assert.Contains("<svg id=\"grid\"", page);
            Assert.Contains("new EventSource(\"/events\")", page);
            // Offline: no script, style, image or font from another host, no module loader.
            Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", page);
            Assert.DoesNotContain("@import", page);
            Assert.DoesNotContain("import ", page);
        }

        [Fact]
        public void Snapshot_IsTheKernelsPicture()
        {
            JsonElement root = JsonDocument.Parse(Get("/api/snapshot")).RootElement;
            JsonElement s = root.GetProperty("snapshot");
            Assert.Equal(256, s.GetProperty("pages").GetInt32());
            Assert.Equal(4096, s.GetProperty("pageSize").GetInt32());
            Assert.Equal(256, s.GetProperty("owners").GetArrayLength());
            Assert.Equal(_k.Mem.Regions.Count, s.GetProperty("regions").GetArrayLength());
            Assert.Equal(_k.Pages.FreePages, s.GetProperty("freePages").GetInt32());
            Assert.Equal(_k.Pages.FreePages, s.GetProperty("owners").EnumerateArray().Count(o => o.GetInt32() == MemSnapshot.Free));
            Assert.Contains(s.GetProperty("meminfo").EnumerateArray(), m => m.GetProperty("name").GetString() == "MmapCopy");
            Assert.Contains(s.GetProperty("slabs").EnumerateArray(), m => m.GetProperty("name").GetString() == "vm_region");
            Assert.True(root.GetProperty("timeline").GetArrayLength() >= 1);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        }

        [Fact]
        public void Proc_FilesDirectoriesAndErrors()
        {
            JsonElement f = JsonDocument.Parse(Get("/api/proc?path=/proc/meminfo")).RootElement;
            Assert.False(f.GetProperty("dir").GetBoolean());
            Assert.StartsWith("MemTotal:", f.GetProperty("text").GetString());
            JsonElement d = JsonDocument.Parse(Get("/api/proc?path=/proc")).RootElement;
            Assert.True(d.GetProperty("dir").GetBoolean());
            Assert.Contains(d.GetProperty("entries").EnumerateArray(), e => e.GetProperty("name").GetString() == "self" && e.GetProperty("type").GetString() == "l");
            JsonElement e = JsonDocument.Parse(Get("/api/proc?path=/proc/nosuch")).RootElement;
            Assert.Equal("cat: /proc/nosuch: No such file or directory", e.GetProperty("error").GetString());
        }

        /// <summary>Live: the stream sends the picture at once, then a new one after the kernel changed.</summary>
        [Fact]
        public void Events_PushTheNextPictureWhenTheKernelChanges()
        {
            using var stream = _http.GetStreamAsync(_web.Url + "events").GetAwaiter().GetResult();
            using var reader = new StreamReader(stream);
            JsonElement first = NextEvent(reader);
            int regions = first.GetProperty("snapshot").GetProperty("regions").GetArrayLength();
            long addr = _k.Sys.Mmap(_sh, 0, 3 * 4096, Boot.RW, Boot.Anon, -1, 0);
            Assert.True(addr > 0);
            JsonElement next = NextEvent(reader);
            Assert.True(next.GetProperty("version").GetInt32() > first.GetProperty("version").GetInt32());
            JsonElement s = next.GetProperty("snapshot");
            Assert.Equal(regions + 1, s.GetProperty("regions").GetArrayLength());
            JsonElement r = s.GetProperty("regions").EnumerateArray().Single(x => x.GetProperty("start").GetUInt32() == (uint)addr);
            Assert.Equal(3, r.GetProperty("pages").GetInt32());
            Assert.Equal(new[] { _k.Sys.Getpid(_sh) }, r.GetProperty("users").EnumerateArray().Select(u => u.GetInt32()));
            Assert.Equal(3, s.GetProperty("owners").EnumerateArray().Count(o => o.GetInt32() == r.GetProperty("n").GetInt32()));
        }

        [Fact]
        public void Sample_WithNothingChanged_PublishesNothing()
        {
            _web.Sample();
            _web.Current(out int v1);
            _web.Sample();
            _web.Sample();
            _web.Current(out int v2);
            Assert.Equal(v1, v2);
            _k.Sys.Mmap(_sh, 0, 4096, Boot.RW, Boot.Anon, -1, 0);
            _web.Sample();
            _web.Current(out int v3);
            Assert.True(v3 > v2);
        }

        private static JsonElement NextEvent(StreamReader r)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < 30000)
            {
                string line = r.ReadLine();
                if (line == null) break;
                if (line.StartsWith("data: ")) return JsonDocument.Parse(line.Substring(6)).RootElement;
            }
            throw new Xunit.Sdk.XunitException("no event");
        }

        [Theory]
        [InlineData(new[] { "--web" }, true, -1, null)]
        [InlineData(new[] { "--web", "0" }, true, 0, null)]
        [InlineData(new[] { "--web", "9000", "--bare" }, true, 9000, null)]
        [InlineData(new[] { "--web", "--bare" }, true, -1, null)]
        [InlineData(new[] { "--attach", "/dev/x", "--web", "8100" }, true, 8100, "/dev/x")]
        [InlineData(new[] { "--attach", "/dev/x" }, false, -1, "/dev/x")]
        public void Options_WebAndAttach(string[] args, bool web, int port, string attach)
        {
            SimOptions o = SimOptions.Parse(args, out string error);
            Assert.True(o != null, error);
            Assert.Equal(web, o.Web);
            Assert.Equal(port, o.WebPort);
            Assert.Equal(attach, o.Attach);
        }

        [Theory]
        [InlineData("--web", "70000")]
        [InlineData("--attach", "/dev/x", "--serial", "/dev/y")]
        [InlineData("--attach", "/dev/x", "-c", "ps")]
        [InlineData("--attach")]
        public void Options_Errors(params string[] args)
        {
            Assert.Null(SimOptions.Parse(args, out string error));
            Assert.NotNull(error);
        }

        [Fact]
        public void Process_AttachToAMissingDevice_OrAPortInUse_IsStatus2()
        {
            var r = SimProcess.Run(null, "--attach", "/nonexistent/tty");
            Assert.Equal(2, r.Code);
            Assert.Equal("procnano-sim: /nonexistent/tty: No such file or directory\n", r.Err);
            var busy = new TcpListener(System.Net.IPAddress.Loopback, 0);
            busy.Start();
            try
            {
                int port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
                r = SimProcess.Run("", "--bare", "--web", port.ToString());
                Assert.Equal(2, r.Code);
                Assert.StartsWith("procnano-sim: --web: ", r.Err);
            }
            finally
            {
                busy.Stop();
            }
        }
    }
}
