using System;
using System.Diagnostics;

namespace ProcNano.HostSim
{
    /// <summary>
    /// Puts the controlling terminal in raw mode (no line editing, no echo, no signals, no output
    /// processing) so the kernel's own line discipline sees every byte, exactly as it would on a UART; and
    /// puts it back. Uses stty(1), which inherits our stdin.
    /// </summary>
    public static class RawTerminal
    {
        /// <summary>Switches stdin's terminal to raw mode; returns the settings to restore, or null if stdin
        /// is not a terminal or stty failed.</summary>
        public static string Enter()
        {
            if (Console.IsInputRedirected) return null;
            string saved = Stty("-g");
            if (string.IsNullOrWhiteSpace(saved)) return null;
            if (Stty("raw -echo") == null) return null;
            return saved.Trim();
        }

        public static void Restore(string saved)
        {
            if (saved != null) Stty(saved);
        }

        private static string Stty(string args)
        {
            try
            {
                var psi = new ProcessStartInfo("stty", args)
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using (Process p = Process.Start(psi))
                {
                    string output = p.StandardOutput.ReadToEnd();
                    p.WaitForExit();
                    return p.ExitCode == 0 ? output : null;
                }
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
