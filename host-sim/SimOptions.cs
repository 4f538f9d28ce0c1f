using System;

namespace ProcNano.HostSim
{
    /// <summary>procnano-sim's command line.</summary>
    public sealed class SimOptions
    {
        public const string Usage =
@"Usage: procnano-sim [OPTIONS]
Boots the ProcNano kernel on the board from nf.config, runs the boot script, then serves the shell.

  --board NAME      board file boards/NAME.board (default: board in nf.config)
  --flash DIR       folder behind /flash (default: ./flash-sim, created if missing)
  --serial DEVICE   serve the shell on a serial device or pty (e.g. one end of a socat pair),
                    as a user reaches the ESP32's UART; --baud N sets the speed (default: the board's)
  --bare            start only init and the shell: no boot script
  -c ""CMD; CMD""     run the commands, print their output, exit with the last one's status
  --script FILE     run a script file (one command line per line) the same way
  -i                prompt even when stdin is not a terminal (for programs driving it through pipes)
  --timing          print the startup time to the first prompt on stderr
  --web [PORT]      also serve a live page of the memory on http://127.0.0.1:PORT/ (default 8013;
                    0 picks a free port); the address is printed on stderr
  --attach DEVICE   no kernel here: read a board's /proc through its shell on DEVICE (its UART, or a
                    pty); with --web, serve the same page for it until Ctrl-C, without, print
                    one snapshot as JSON
  --help            this text

With stdin not a terminal, commands are read line by line from it (no echo, no prompt unless -i);
`exit` or the end of input ends the simulator. Exit status: the shell's last status.";

        public string Board;
        public string Flash = "flash-sim";
        public string Serial;
        public int Baud;
        public bool Bare;
        public string Command;
        public string Script;
        public bool ForcePrompt;
        public bool Timing;
        public bool Help;
        /// <summary>--web: serve the page; its port (-1: the default).</summary>
        public bool Web;
        public int WebPort = -1;
        public string Attach;

        /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> on a bad command line.</summary>
        public static SimOptions Parse(string[] args, out string error)
        {
            var o = new SimOptions();
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                switch (a)
                {
                    case "--help":
                    case "-h":
                        o.Help = true;
                        break;
                    case "--bare":
                        o.Bare = true;
                        break;
                    case "--timing":
                        o.Timing = true;
                        break;
                    case "-i":
                        o.ForcePrompt = true;
                        break;
                    case "--web":
                        o.Web = true;
                        if (i + 1 < args.Length && args[i + 1].Length > 0 && char.IsDigit(args[i + 1][0]))
                        {
                            if (!int.TryParse(args[++i], out o.WebPort) || o.WebPort > 65535)
                            {
                                error = "--web: bad port '" + args[i] + "'";
                                return null;
                            }
                        }
                        break;
                    case "--board":
                    case "--flash":
                    case "--attach":
                    case "--serial":
                    case "--baud":
                    case "-c":
                    case "--script":
                        if (i + 1 >= args.Length)
                        {
                            error = a + " needs a value";
                            return null;
                        }
                        string v = args[++i];
                        if (a == "--board") o.Board = v;
                        else if (a == "--flash") o.Flash = v;
                        else if (a == "--serial") o.Serial = v;
                        else if (a == "--attach") o.Attach = v;
                        else if (a == "-c") o.Command = v;
                        else if (a == "--script") o.Script = v;
                        else if (!int.TryParse(v, out o.Baud) || o.Baud <= 0)
                        {
                            error = "--baud: bad speed '" + v + "'";
                            return null;
                        }
                        break;
                    default:
                        error = "unknown option '" + a + "'";
                        return null;
                }
            }
            int modes = (o.Command != null ? 1 : 0) + (o.Script != null ? 1 : 0) + (o.Serial != null ? 1 : 0) + (o.Attach != null ? 1 : 0);
            if (modes > 1)
            {
                error = "-c, --script, --serial and --attach exclude each other";
                return null;
            }
            return o;
        }
    }
}
