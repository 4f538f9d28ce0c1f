using ProcNano.App;

namespace ProcNano.VirtualDevice
{
    /// <summary>
    /// Every call the virtual device makes into the kernel, in one place: the kernel's internals are being
    /// reworked, its public face (BoardConfig and ConfigFile, new Kernel, Shell, kernel.Log) stays. The steps are
    /// those of Shell.Serve's first session, one by one, so the heap can be read between them.
    /// </summary>
    internal sealed class KernelEntry
    {
        private BoardConfig _board;
        private Kernel _kernel;
        private Shell _shell;

        public string BoardName => _board.Name;
        public int PageSize => _board.PageSize;

        /// <summary>nf.config's kernel defaults, then built-in board <paramref name="name"/>, parsed by the kernel's
        /// ConfigFile as the firmware does (firmware/App/BoardSelect.cs). Null on success, else what went wrong.</summary>
        public string LoadBoard(string name)
        {
            BoardConfig cfg = new BoardConfig();
            string error;
            if (ConfigFile.Apply(BoardDefaults.NfConfig, cfg, out error) != 0) return "nf.config: " + error;
            int index = BoardSelect.IndexOf(name);
            if (index < 0) return "board '" + name + "' is not built in";
            if (ConfigFile.Apply(BoardDefaults.BoardText(index), cfg, out error) != 0)
                return "boards/" + name + ".board: " + error;
            _board = cfg;
            return null;
        }

        /// <summary>boards/boot.sh, as the firmware runs it.</summary>
        public static string BootScript => BoardDefaults.BootScript;

        public void Boot(IPlatform platform)
        {
            _kernel = new Kernel(_board, platform);
        }

        public void Log(string line)
        {
            _kernel.Log.Print(line);
        }

        /// <summary>The console's first shell: a /bin/sh task and an interactive line discipline on the tty.</summary>
        public void NewConsoleShell(ITty tty)
        {
            _shell = new Shell(_kernel.Sys, _kernel.Uart.Stats, tty);
        }

        /// <summary>The kernel's model of its own heap use (<see cref="Kernel.ModelBytes"/>).</summary>
        public long ModelBytes => _kernel.ModelBytes;

        /// <summary>Commands the console shell answered with ENOMEM after catching an OutOfMemoryException.</summary>
        public int OomCaught => _shell == null ? 0 : _shell.OutOfMemoryCaught;

        /// <summary>Runs the boot script in the console shell (output to the kernel log, as at boot).</summary>
        public void RunBootScript(string text)
        {
            _shell.RunBootScript(text);
        }

        /// <summary>Serves the tty with a prompt until the script's input ends; the last status.</summary>
        public int Serve()
        {
            return _shell.ServeTty();
        }
    }
}
