using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.Playwright;
using ProcNano.Tests.Build;
using Xunit;
using Xunit.Abstractions;
using TTask = System.Threading.Tasks.Task;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// The web view in a real browser: Debian's chromium, headless, driven by Playwright. The simulator serves
    /// its page (--web) while a test types into its shell; the page must follow. Attach mode draws the same
    /// page for a "board" that is another simulator on a pty pair. Screenshots go to the test output folder
    /// (screenshots/); with PROCNANO_REGEN=1 the first one also replaces docs/web-view.png, the README's.
    /// </summary>
    [Collection("Browser")]
    public sealed class WebViewBrowserTests
    {
        private readonly ITestOutputHelper _log;
        public WebViewBrowserTests(ITestOutputHelper log) { _log = log; }

        private static async System.Threading.Tasks.Task<(IPlaywright, IBrowser)> Browser()
        {
            IPlaywright pw = await Playwright.CreateAsync();
            IBrowser b = await pw.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.Path, Headless = true });
            return (pw, b);
        }

        private string Screenshot(string name)
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, name);
            _log.WriteLine("screenshot: " + path);
            return path;
        }

        [ChromiumFact]
        public async TTask Simulator_Page_FollowsTheShell_MmapHoverAndProcBrowser()
        {
            string dir = SimProcess.NewFolder();
            using var sim = new WebSim(dir, "--web", "0");
            var (pw, browser) = await Browser();
            try
            {
                IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1130 } });
                await page.GotoAsync(sim.Url);
                await page.WaitForFunctionAsync("() => document.querySelectorAll('#grid rect').length === 256");
                Assert.Contains("simulator (host)", await page.TitleAsync());
                int regionsBefore = await page.Locator("#regions tbody tr").CountAsync();
                Assert.Equal(sim.Snapshot().GetProperty("regions").GetArrayLength(), regionsBefore);
                Assert.True(await page.Locator("#tasks tbody tr[data-pid='7']").CountAsync() == 1, "the demo's shmdemo task is listed");

                // Typed at the shell: the page gets the new region by itself (server-sent events), with its 3 pages.
                sim.Type("mmap 12288 rw- private");
                string addr = Regex.Match(sim.WaitLine("^0x[0-9a-f]{8}$"), "[0-9a-f]{8}$").Value;
                string end = (Convert.ToUInt32(addr, 16) + 3 * 4096).ToString("x8");
                ILocator row = page.Locator($"#regions tbody tr[data-start='{addr}']");
                await row.WaitForAsync();
                Assert.Equal("3", await row.GetAttributeAsync("data-pages"));
                Assert.Equal(regionsBefore + 1, await page.Locator("#regions tbody tr").CountAsync());
                string n = await row.GetAttributeAsync("data-n");
                Assert.Equal(3, await page.Locator($"#grid rect[data-owner='{n}']").CountAsync());

                // The /proc browser: /proc/self is the shell's, its maps has the new mapping.
                await page.Locator("#proc-list button[data-path='/proc/self']").ClickAsync();
                await page.Locator("#proc-list button[data-path='/proc/self/maps']").ClickAsync();
                await page.WaitForFunctionAsync($"() => document.getElementById('proc-text').textContent.includes('{addr}-{end} rw-p')");
                string maps = await page.Locator("#proc-text").TextContentAsync();
                Assert.StartsWith("20000000-", maps);

                // Hover one of its pages: its /proc/maps line and its user, the shell.
                await page.Locator($"#grid rect[data-owner='{n}']").First.HoverAsync();
                ILocator tip = page.Locator("#tip");
                await tip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
                string tipText = await tip.TextContentAsync();
                Assert.Contains($"{addr}-{end} rw-p 00000000 00:00 0", tipText);
                Assert.Matches(@"users  2 sh", tipText);
                Assert.Equal(3, await page.Locator("#grid rect.hl").CountAsync());   // the region's pages light up
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("web-view.png") });
                if (Environment.GetEnvironmentVariable("PROCNANO_REGEN") == "1")
                    System.IO.File.Copy(Screenshot("web-view.png"), RepoPaths.Combine("docs", "web-view.png"), true);

                // The charts and the timeline are drawn from the same feed.
                Assert.True(await page.Locator("#meminfo rect[data-part='MmapCopy']").CountAsync() == 1);
                Assert.True(await page.Locator("#slabinfo rect[data-slab='vm_region']").CountAsync() == 1);
                Assert.True(await page.Locator("#timeline path[data-series='MmapCopy kB']").CountAsync() == 1);

                await page.Locator("#proc-input").FillAsync("/proc/nosuch");
                await page.Locator("#proc-input").PressAsync("Enter");
                await page.WaitForFunctionAsync("() => document.getElementById('proc-text').textContent === 'cat: /proc/nosuch: No such file or directory'");
                Assert.Equal("error", await page.Locator("#proc-text").GetAttributeAsync("class"));
            }
            finally
            {
                await browser.CloseAsync();
                pw.Dispose();
            }
            sim.Process.StandardInput.Close();
            Assert.True(sim.Process.WaitForExit(SimProcess.TimeoutMs), "the simulator did not exit at the end of its input");
            Assert.Equal(0, sim.Process.ExitCode);
        }

        [ChromiumSocatFact]
        public async TTask Attach_ABoardOnAPty_DrawsTheSamePage()
        {
            string dir = SimProcess.NewFolder();
            string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
            var socatInfo = new ProcessStartInfo(SerialPtyTests.Socat) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b }) socatInfo.ArgumentList.Add(arg);
            using Process socat = Process.Start(socatInfo);
            WebSim board = null, host = null;
            try
            {
                var sw = Stopwatch.StartNew();
                while (!(System.IO.File.Exists(a) && System.IO.File.Exists(b)) && sw.ElapsedMilliseconds < 30000) Thread.Sleep(20);
                // The "board": a simulator serving its shell on the pty, and its own page to compare with.
                board = new WebSim(dir, "--serial", a, "--web", "0");
                host = new WebSim(dir, "--attach", b, "--web", "0");
                JsonElement truth = board.Snapshot();
                var (pw, browser) = await Browser();
                try
                {
                    IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1130 } });
                    await page.GotoAsync(host.Url);
                    await page.WaitForFunctionAsync("() => document.querySelectorAll('#grid rect').length === 256");
                    Assert.Contains("attach " + b, await page.TitleAsync());
                    int[] owners = truth.GetProperty("owners").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                    string[] drawn = await page.Locator("#grid rect").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.owner)");
                    Assert.Equal(owners.Select(o => o.ToString()), drawn);
                    var regions = truth.GetProperty("regions").EnumerateArray().ToArray();
                    Assert.Equal(regions.Length, await page.Locator("#regions tbody tr").CountAsync());
                    foreach (JsonElement r in regions)
                    {
                        string start = r.GetProperty("start").GetUInt32().ToString("x8");
                        Assert.Equal(r.GetProperty("pages").GetInt32().ToString(), await page.Locator($"#regions tbody tr[data-start='{start}']").First.GetAttributeAsync("data-pages"));
                    }
                    Assert.Equal(truth.GetProperty("tasks").GetArrayLength(), await page.Locator("#tasks tbody tr").CountAsync());
                    // Hover the flash text copy both /flash/hold tasks share: both are its users.
                    JsonElement text = regions.Single(r => r.GetProperty("file").ValueKind == JsonValueKind.String && r.GetProperty("file").GetString() == "/flash/hold");
                    await page.Locator($"#grid rect[data-owner='{text.GetProperty("n").GetInt32()}']").First.HoverAsync();
                    string tip = await page.Locator("#tip").TextContentAsync();
                    Assert.Contains(text.GetProperty("mapsLine").GetString(), tip);
                    Assert.Matches(@"users  5 /flash/hold 1\s+6 /flash/hold 1", tip);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("attach-view.png") });
                    // The /proc browser reads the board through its shell.
                    await page.Locator("#proc-list button[data-path='/proc/maps']").ClickAsync();
                    string expected = board.ReadProc("/proc/maps");
                    await page.WaitForFunctionAsync("t => document.getElementById('proc-text').textContent === t", expected);
                }
                finally
                {
                    await browser.CloseAsync();
                    pw.Dispose();
                }
                // SIGTERM ends attach mode cleanly.
                Process.Start("kill", "-TERM " + host.Process.Id).WaitForExit();
                Assert.True(host.Process.WaitForExit(SimProcess.TimeoutMs), "attach mode did not end on SIGTERM");
                Assert.Equal(0, host.Process.ExitCode);
            }
            finally
            {
                host?.Dispose();
                board?.Dispose();
                if (!socat.HasExited) socat.Kill(true);
            }
        }
    }
}
