using System.Threading;

namespace ProcNano
{
    /// <summary>
    /// Commands about time: sleep, time, watch, date. Waiting polls the tty for Ctrl-C every 50 ms
    /// (<see cref="LineDiscipline.PollInterrupt"/>), so a sleep or a watch ends with status 130 as a sh
    /// killed by SIGINT does. Times come from the kernel's clocks (CLOCK_BOOTTIME for intervals,
    /// CLOCK_REALTIME for date), which are the platform's: the simulator's host clock, the ESP32's RTC
    /// (1970 until something sets it: there is no NTP here).
    /// </summary>
    public static class TimeCommands
    {
        private const int PollMs = 50;

        /// <summary>sleep SECONDS: a decimal number with an optional fraction and suffix s, m, h or d (busybox).</summary>
        public static int Sleep(Shell sh, string[] argv, int argc)
        {
            if (argc != 2) return sh.Usage("sleep");
            long ms = Millis(argv[1]);
            if (ms < 0) return sh.Complain("sleep", "invalid number '" + argv[1] + "'");
            return Wait(sh, ms) ? Shell.StatusInterrupted : Shell.StatusOk;
        }

        /// <summary>Waits <paramref name="ms"/> on the boot clock; true if Ctrl-C came first.</summary>
        public static bool Wait(Shell sh, long ms)
        {
            long start = Now(sh), waited = 0;
            while (true)
            {
                long now = Now(sh);
                // Without a clock (a board with no platform) the steps slept are counted instead.
                long done = now > start ? now - start : waited;
                if (done >= ms) return false;
                long step = ms - done < PollMs ? ms - done : PollMs;
                Thread.Sleep((int)step);
                waited += step;
                if (sh.Tty.PollInterrupt()) return true;
            }
        }

        private static long Now(Shell sh) { return sh.Sys.ClockMs(sh.Task, Syscalls.CLOCK_BOOTTIME); }

        /// <summary>"1", "0.5", "2m", "1.5h": milliseconds, or -1.</summary>
        public static long Millis(string s)
        {
            if (s.Length == 0) return -1;
            long unit = 1000;
            char last = s[s.Length - 1];
            if (last == 's' || last == 'm' || last == 'h' || last == 'd')
            {
                unit = last == 's' ? 1000 : last == 'm' ? 60000 : last == 'h' ? 3600000 : 86400000;
                s = s.Substring(0, s.Length - 1);
            }
            long whole = 0, frac = 0, scale = 1;
            bool dot = false, digits = false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '.' && !dot) { dot = true; continue; }
                if (c < '0' || c > '9') return -1;
                digits = true;
                if (!dot)
                {
                    if (whole > 100000000) return -1;   // past three years: not a sleep anyone means
                    whole = whole * 10 + (c - '0');
                }
                else if (scale < 1000000)
                {
                    frac = frac * 10 + (c - '0');
                    scale *= 10;
                }
            }
            if (!digits) return -1;
            return whole * unit + frac * unit / scale;
        }

        /// <summary>
        /// time COMMAND [ARGS...]: runs the command line through the shell (a builtin as the shell's task, a
        /// program started by exec as its own), then on the error stream, as busybox's time: "real\t0m 0.10s",
        /// and the memory the command left in use: arena pages in kB (mappings, files, tasks it started) and
        /// the managed heap in bytes (where the platform knows it). There are no user/sys lines: the kernel
        /// keeps no CPU time per task. The status is the command's.
        /// </summary>
        public static int Time(Shell sh, string[] argv, int argc)
        {
            if (argc < 2) return sh.Usage("time");
            string line = Join(argv, 1, argc);
            var before = new SysInfo();
            var after = new SysInfo();
            sh.Sys.Sysinfo(sh.Task, before);
            long t0 = Now(sh);
            int status = sh.Execute(line);
            long real = Now(sh) - t0;
            sh.Sys.Sysinfo(sh.Task, after);
            ShellWriter e = sh.Err;
            sh.Out.Flush();
            e.Str("real\t");
            e.Dec(real / 60000);
            e.Str("m ");
            e.Dec(real / 1000 % 60);
            e.Char('.');
            Two(e, real / 10 % 100);
            e.Line("s");
            e.Str("arena\t");
            Signed(e, (before.FreeRam - after.FreeRam) / 1024);
            e.Line(" kB");
            if (before.HeapFree >= 0 && after.HeapFree >= 0)
            {
                e.Str("heap\t");
                Signed(e, before.HeapFree - after.HeapFree);
                e.Line(" B");
            }
            e.Flush();
            return status;
        }

        private static void Signed(ShellWriter o, long v)
        {
            if (v >= 0) o.Char('+');
            o.Dec(v);
        }

        /// <summary>
        /// watch [-n SECONDS] COMMAND [ARGS...]: clears the screen (ESC [H ESC [2J), prints "Every 2.0s: COMMAND"
        /// and a blank line, runs the command, waits, and again, until Ctrl-C (status 130). At least 0.1 s
        /// apart, as procps' watch.
        /// </summary>
        public static int Watch(Shell sh, string[] argv, int argc)
        {
            long ms = 2000;
            int i = 1;
            if (argc > 2 && argv[1] == "-n")
            {
                ms = Millis(argv[2]);
                if (ms < 0) return sh.Complain("watch", "invalid number '" + argv[2] + "'");
                if (ms < 100) ms = 100;
                i = 3;
            }
            if (i >= argc) return sh.Usage("watch");
            string line = Join(argv, i, argc);
            string header = "Every " + (ms / 1000).ToString() + "." + (ms / 100 % 10).ToString() + "s: " + line;
            while (true)
            {
                sh.Out.Str("\x1b[H\x1b[2J");
                sh.Out.Line(header);
                sh.Out.Char('\n');
                sh.Out.Flush();
                sh.Execute(line);
                sh.Out.Flush();
                if (sh.Exited) return sh.Status;   // the command was exit (or killed the shell)
                if (Wait(sh, ms)) return Shell.StatusInterrupted;
            }
        }

        /// <summary>argv[from..argc) as one command line again, each word quoted if the lexer would split or
        /// read it otherwise, so the words reach the command as they were.</summary>
        public static string Join(string[] argv, int from, int argc)
        {
            string s = "";
            for (int i = from; i < argc; i++)
            {
                if (i > from) s += " ";
                s += Quote(argv[i]);
            }
            return s;
        }

        private static string Quote(string w)
        {
            bool plain = w.Length > 0;
            for (int i = 0; i < w.Length && plain; i++)
            {
                char c = w[i];
                plain = c > ' ' && c != ';' && c != '>' && c != '<' && c != '#' && c != '\'' && c != '"' && c != '\\'
                    && c != '$' && c != '&' && c != '|' && c != '(' && c != ')';
            }
            if (plain) return w;
            if (w.IndexOf('\'') < 0) return "'" + w + "'";
            string q = "\"";
            for (int i = 0; i < w.Length; i++)
            {
                char c = w[i];
                if (c == '"' || c == '\\' || c == '$' || c == '`') q += "\\";
                q += c;
            }
            return q + "\"";
        }

        /// <summary>
        /// date [-u] [+FORMAT]: the wall clock in UTC (there is no time zone: -u changes nothing), by default as
        /// date(1) prints it, "Wed Dec  2 05:39:50 UTC 2026"; FORMAT knows %Y %m %d %H %M %S %s %a %b %e %%.
        /// </summary>
        public static int Date(Shell sh, string[] argv, int argc)
        {
            string fmt = "%a %b %e %H:%M:%S UTC %Y";
            for (int i = 1; i < argc; i++)
            {
                if (argv[i] == "-u") continue;
                if (argv[i].Length > 0 && argv[i][0] == '+' && i == argc - 1) fmt = argv[i].Substring(1);
                else return sh.Usage("date");
            }
            long secs = sh.Sys.ClockMs(sh.Task, Syscalls.CLOCK_REALTIME) / 1000;
            PrintDate(sh.Out, secs, fmt);
            sh.Out.Char('\n');
            return Shell.StatusOk;
        }

        private const string Days = "ThuFriSatSunMonTueWed", Months = "JanFebMarAprMayJunJulAugSepOctNovDec";

        /// <summary>Seconds since the epoch (UTC) through a strftime subset.</summary>
        public static void PrintDate(ShellWriter o, long secs, string fmt)
        {
            long days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
            long sod = secs - days * 86400;
            int y, m, d;
            Civil(days, out y, out m, out d);
            for (int i = 0; i < fmt.Length; i++)
            {
                char c = fmt[i];
                if (c != '%' || i + 1 >= fmt.Length)
                {
                    o.Char(c);
                    continue;
                }
                c = fmt[++i];
                switch (c)
                {
                    case 'Y': o.Dec(y); break;
                    case 'm': Two(o, m); break;
                    case 'd': Two(o, d); break;
                    case 'e': o.Dec(d, 2); break;
                    case 'H': Two(o, sod / 3600); break;
                    case 'M': Two(o, sod / 60 % 60); break;
                    case 'S': Two(o, sod % 60); break;
                    case 's': o.Dec(secs); break;
                    case 'a': o.Str(Days.Substring((int)(((days % 7) + 7) % 7) * 3, 3)); break;
                    case 'b': o.Str(Months.Substring((m - 1) * 3, 3)); break;
                    case '%': o.Char('%'); break;
                    default: o.Char('%'); o.Char(c); break;
                }
            }
        }

        private static void Two(ShellWriter o, long v)
        {
            if (v < 10) o.Char('0');
            o.Dec(v);
        }

        /// <summary>Day number since 1970-01-01 to year, month (1-12), day (1-31) in the proleptic Gregorian
        /// calendar: count 400-year eras from 0000-03-01, where leap days fall at the end of the year.</summary>
        public static void Civil(long days, out int year, out int month, out int day)
        {
            long z = days + 719468;                       // days since 0000-03-01
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - era * 146097;                  // day of the era, 0..146096
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);   // day of the March-based year
            long mp = (5 * doy + 2) / 153;                // month from March = 0
            day = (int)(doy - (153 * mp + 2) / 5 + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));
        }
    }
}
