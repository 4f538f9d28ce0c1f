using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using ProcNano.HostSim.Web;

namespace ProcNano.HostSim
{
    /// <summary>
    /// procnano-sim --attach DEVICE [--web PORT]: no kernel here. The board's shell is reached on its serial
    /// line and read with ordinary commands (<see cref="ShellLink"/>'s protocol). With --web the page is served
    /// until Ctrl-C (SIGINT/SIGTERM) or until the line goes away; without, one snapshot is printed as JSON.
    /// </summary>
    public static class AttachMode
    {
        public static int Run(SimOptions opt)
        {
            if (!OperatingSystem.IsWindows() && !System.IO.File.Exists(opt.Attach))
            {
                Console.Error.WriteLine("procnano-sim: " + opt.Attach + ": No such file or directory");
                return 2;
            }
            int baud = opt.Baud;
            if (baud <= 0)
            {
                // The board nf.config names tells the speed; 115200 (every board's) without a checkout.
                string root = BoardLoader.FindRoot(Directory.GetCurrentDirectory()) ?? BoardLoader.FindRoot(AppContext.BaseDirectory);
                BoardConfig board = root == null ? null : BoardLoader.Load(root, opt.Board, out _);
                baud = board != null && board.Baud > 0 ? board.Baud : 115200;
            }
            SerialTty tty;
            try
            {
                tty = new SerialTty(opt.Attach, baud);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is InvalidOperationException)
            {
                Console.Error.WriteLine("procnano-sim: " + opt.Attach + ": " + e.Message);
                return 2;
            }
            using var link = new ShellLink(tty, tty);
            try
            {
                link.Sync();
            }
            catch (Exception e) when (e is IOException || e is TimeoutException)
            {
                Console.Error.WriteLine("procnano-sim: " + opt.Attach + ": no shell prompt: " + e.Message);
                return 1;
            }
            var source = new AttachSource(link, opt.Attach);
            if (!opt.Web)
            {
                MemSnapshot s;
                try
                {
                    s = source.Take();
                }
                catch (Exception e) when (e is IOException || e is TimeoutException)
                {
                    Console.Error.WriteLine("procnano-sim: " + opt.Attach + ": " + e.Message);
                    return 1;
                }
                Console.Out.WriteLine(JsonSerializer.Serialize(s, WebJsonIndented.Default.MemSnapshot));
                return 0;
            }

            WebView web;
            try
            {
                web = WebView.Start(source, opt.WebPort < 0 ? WebView.DefaultPort : opt.WebPort);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine("procnano-sim: --web: " + e.Message);
                return 2;
            }
            using (web)
            {
                Console.Error.WriteLine("procnano-sim: attached to " + opt.Attach + "; web view on " + web.Url);
                using var done = new ManualResetEventSlim();
                using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; done.Set(); });
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; done.Set(); });
                // Until a signal, or until the line is gone for good (the board unplugged, socat ended).
                while (!done.Wait(500) && !link.Closed) { }
                if (link.Closed) Console.Error.WriteLine("procnano-sim: " + opt.Attach + ": the serial line closed");
            }
            return link.Closed ? 1 : 0;
        }
    }
}
