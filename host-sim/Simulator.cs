using System;
using System.Diagnostics;
using System.IO;
using ProcNano;
using File = System.IO.File;

namespace ProcNano.HostSim
{
    /// <summary>
    /// procnano-sim: loads the board (nf.config + boards/NAME.board), boots one kernel over a folder-backed
    /// flash, runs the boot script as the shell task, then serves the same shell on a tty: the terminal
    /// (raw mode, the kernel's own line discipline), a pipe, a serial device or pty, or nothing at all
    /// (-c, --script). Exit status: the shell's last status; 2 for a bad command line or config.
    /// </summary>
    public static class Simulator
    {
        /// <summary>Text for the shell, which works on bytes (one char per byte, as they come from a tty): the
        /// UTF-8 bytes of <paramref name="s"/>, so non-ASCII text reaches files and output as UTF-8, exactly as
        /// when typed on a terminal, instead of as UTF-16 code units cut to 8 bits.</summary>
        public static string ShellText(string s)
        {
            return System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(s));
        }

        /// <summary>Longest line -c and --script accept (the interactive line stays at the tty's 256).</summary>
        public const int ScriptLineMax = 4096;

        public static int Run(string[] args)
        {
            Stopwatch clock = Stopwatch.StartNew();
            SimOptions opt = SimOptions.Parse(args, out string error);
            if (opt == null)
            {
                Console.Error.WriteLine("procnano-sim: " + error);
                Console.Error.WriteLine("Try 'procnano-sim --help'.");
                return 2;
            }
            if (opt.Help)
            {
                Console.Out.WriteLine(SimOptions.Usage);
                return 0;
            }
            if (opt.Attach != null) return AttachMode.Run(opt);

            string root = BoardLoader.FindRoot(Directory.GetCurrentDirectory()) ?? BoardLoader.FindRoot(AppContext.BaseDirectory);
            BoardConfig board = root == null ? null : BoardLoader.Load(root, opt.Board, out error);
            if (board == null)
            {
                Console.Error.WriteLine("procnano-sim: " + (root == null ? "nf.config not found" : error));
                return 2;
            }
            string script = null;
            if (opt.Script != null)
            {
                try
                {
                    script = System.IO.File.ReadAllText(opt.Script);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    Console.Error.WriteLine("procnano-sim: " + opt.Script + ": " + e.Message);
                    return 2;
                }
            }

            FolderStorage flash;
            try
            {
                flash = new FolderStorage(Path.GetFullPath(opt.Flash));
            }
            catch (Exception e) when (HostErrors.IsHostError(e))
            {
                Console.Error.WriteLine("procnano-sim: --flash " + opt.Flash + ": " + Errno.StrError(HostErrors.Errno(e)));
                return 2;
            }
            var platform = new HostPlatform(flash);
            // A device board: show its heap as the device would have it, not the desktop GC's.
            if (board.ManagedHeap > 0) platform.ModelDeviceHeap(board.ManagedHeap);
            var kernel = new ProcNano.Kernel(board, platform);
            platform.AttachModel(() => kernel.ModelBytes);
            long bootMs = clock.ElapsedMilliseconds;

            RawTerminal terminal = null;
            SerialTty serial = null;
            Web.WebView web = null;
            CoalescingTty console = null;
            try
            {
                ITty tty;
                bool prompt, interactive;
                if (opt.Command != null || script != null)
                {
                    tty = StdioTty.OutputOnly();
                    interactive = false;
                    prompt = false;
                }
                else if (opt.Serial != null)
                {
                    // SerialPort reports a missing device as "access denied": say what is wrong (Windows' COMn
                    // names are no files).
                    if (!OperatingSystem.IsWindows() && !System.IO.File.Exists(opt.Serial))
                    {
                        Console.Error.WriteLine("procnano-sim: " + opt.Serial + ": No such file or directory");
                        return 2;
                    }
                    try
                    {
                        serial = new SerialTty(opt.Serial, opt.Baud > 0 ? opt.Baud : board.Baud, kernel.Uart.Stats);
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is InvalidOperationException)
                    {
                        Console.Error.WriteLine("procnano-sim: " + opt.Serial + ": " + e.Message);
                        return 2;
                    }
                    tty = serial;
                    interactive = true;
                    prompt = true;
                }
                else if (RawTerminal.StdinIsTerminal())
                {
                    // A user at a terminal: raw mode, the kernel's line discipline does echo and editing.
                    terminal = RawTerminal.Enter();
                    tty = StdioTty.Console();
                    interactive = terminal != null;
                    prompt = true;
                }
                else
                {
                    // A pipe or a file: lines as they come, answers flushed after every command.
                    tty = StdioTty.Console();
                    interactive = false;
                    prompt = opt.ForcePrompt;
                }

                // Output gathers until the kernel next reads (one write per command's answer, per echoed chunk).
                console = new CoalescingTty(tty);
                tty = console;
                // The console is the board's shell UART: its bytes count in /proc/driver/uart.
                var ld = Getty.ConsoleLine(kernel.Uart.Stats, tty);
                ld.Echo = interactive;
                ld.OutputCrlf = interactive;
                Task task = Getty.NewShellTask(kernel.Sys);
                var shell = new Shell(kernel.Sys, task, ld, ScriptLineMax);

                if (!opt.Bare)
                {
                    string boot = BoardLoader.ReadBootScript(root, board);
                    if (boot != null) shell.RunBootScript(ShellText(boot));
                    else kernel.Log.Print("sim: no boot script (" + (board.BootScript.Length > 0 ? board.BootScript : "none set") + ")");
                }
                long readyMs = clock.ElapsedMilliseconds;
                double sinceProcess = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
                kernel.Log.Print("sim: shell ready " + ((long)sinceProcess).ToString() + " ms after process start (kernel boot "
                    + bootMs.ToString() + " ms, to shell " + readyMs.ToString() + " ms after Main)");
                if (opt.Timing)
                {
                    // Through fd 2 directly: System.Console on a terminal would add escape sequences of its own.
                    using (var err = new StreamWriter(RawTerminal.Fd(2, FileAccess.Write)))
                        err.Write("procnano-sim: kernel boot " + bootMs + " ms, first prompt " + readyMs + " ms after Main, "
                        + (long)sinceProcess + " ms after process start" + (terminal != null ? "\r\n" : "\n"));
                }

                if (opt.Web)
                {
                    // The page reads the kernel as the console shell does: /proc/self there is this shell.
                    try
                    {
                        web = Web.WebView.Start(new Web.LocalSource(kernel.Sys, task, board.Name), opt.WebPort < 0 ? Web.WebView.DefaultPort : opt.WebPort);
                    }
                    catch (IOException e)
                    {
                        Console.Error.WriteLine("procnano-sim: --web: " + e.Message);
                        return 2;
                    }
                    using (var err = new StreamWriter(RawTerminal.Fd(2, FileAccess.Write)))
                        err.Write("procnano-sim: web view on " + web.Url + (terminal != null ? "\r\n" : "\n"));
                }

                // Not a terminal: errors to fd 2, apart from the output (a terminal shows both on one screen).
                if (!interactive && terminal == null) shell.ErrorsTo(new LineDiscipline(new StderrTty(console)) { Echo = false, OutputCrlf = false });
                if (opt.Command != null) return shell.RunScript(ShellText(opt.Command));
                if (script != null) return shell.RunScript(ShellText(script));
                return shell.ServeTty(prompt);
            }
            finally
            {
                if (console != null) console.Flush();
                if (web != null) web.Dispose();
                if (serial != null) serial.Dispose();
                if (terminal != null) terminal.Dispose();
            }
        }
    }
}
