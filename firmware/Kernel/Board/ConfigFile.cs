namespace ProcNano
{
    /// <summary>
    /// Reads the text of nf.config and boards/&lt;name&gt;.board into a <see cref="BoardConfig"/>. The format is
    /// plain enough to parse on the device without JSON: one <c>key = value</c> per line, <c>#</c> starts a
    /// comment (at the start of a line, or after a blank inside one), numbers are decimal or <c>0x</c> hex.
    /// Unknown and repeated keys are errors, so a typo cannot pass silently. The host loads nf.config and then
    /// the board file into one config; the firmware applies the same two texts, embedded at build time.
    /// </summary>
    public static class ConfigFile
    {
        // Key indexes; KeyNames() lists the names in this order.
        private const int KName = 0, KBoard = 1, KNanoffTarget = 2, KPageSize = 3, KArenaPages = 4,
            KArenaBase = 5, KRomBase = 6, KShellUart = 7, KUartRxPin = 8, KUartTxPin = 9, KBaud = 10,
            KFlashMount = 11, KCpuModel = 12, KCpuVendor = 13, KCpuMhz = 14, KCpuCores = 15,
            KCpuFeatures = 16, KSramKb = 17, KPsramKb = 18, KHostname = 19, KNrTrimPages = 20,
            KKmsgSize = 21, KPidMax = 22, KBootScript = 23, KManagedHeap = 24, KMaxMapCount = 25, KThreadsMax = 26,
            KFileMax = 27, KNrOpen = 28, KShmmni = 29, KInodeMax = 30, KeyCount = 31;

        /// <summary>Largest arena in pages: the page allocator links free blocks with 16-bit indexes.</summary>
        public const int MaxArenaPages = 32767;
        /// <summary>Linux's bounds for pid_max (RESERVED_PIDS + 1 and PID_MAX_LIMIT).</summary>
        public const int PidMaxMin = 301, PidMaxMax = 4194304;
        /// <summary>The largest nr_open (fs.nr_open): a task's descriptor table is at most this big.</summary>
        public const int NrOpenMax = 65535;
        /// <summary>HOST_NAME_MAX.</summary>
        public const int HostnameMax = 64;

        /// <summary>Made per call, not kept in a static: a static array would hold heap on the device for good.</summary>
        private static string[] KeyNames()
        {
            return new string[]
            {
                "name", "board", "nanoff_target", "page_size", "arena_pages", "arena_base", "rom_base",
                "shell_uart", "uart_rx_pin", "uart_tx_pin", "baud", "flash_mount", "cpu_model", "cpu_vendor",
                "cpu_mhz", "cpu_cores", "cpu_features", "sram_kb", "psram_kb", "hostname", "nr_trim_pages",
                "kmsg_size", "pid_max", "boot_script", "managed_heap", "max_map_count", "threads_max", "file_max",
                "nr_open", "shmmni", "inode_max",
            };
        }

        /// <summary>
        /// Applies every <c>key = value</c> line of <paramref name="text"/> to <paramref name="cfg"/>, then checks
        /// the whole config. Returns 0, or -EINVAL with <paramref name="error"/> naming the line (e.g.
        /// "line 7: unknown key 'pgae_size'"). On error <paramref name="cfg"/> may be partly changed: discard it.
        /// </summary>
        public static int Apply(string text, BoardConfig cfg, out string error)
        {
            error = null;
            if (text == null) text = "";
            string[] names = KeyNames();
            int[] lineOf = new int[KeyCount];
            int lineNo = 0;
            int pos = 0;
            while (pos < text.Length)
            {
                int end = text.IndexOf('\n', pos);
                if (end < 0) end = text.Length;
                lineNo++;
                int r = ApplyLine(text, pos, end, lineNo, names, lineOf, cfg, out error);
                if (r < 0) return r;
                pos = end + 1;
            }

            int bad = Check(cfg, out error);
            if (bad >= 0)
            {
                if (lineOf[bad] > 0) error = "line " + lineOf[bad].ToString() + ": " + error;
                return -Errno.EINVAL;
            }
            return 0;
        }

        /// <summary>Checks a complete config (ranges and cross-field rules). Returns 0 or -EINVAL with a message
        /// naming the key.</summary>
        public static int Validate(BoardConfig cfg, out string error)
        {
            return Check(cfg, out error) >= 0 ? -Errno.EINVAL : 0;
        }

        private static int ApplyLine(string text, int start, int end, int lineNo, string[] names, int[] lineOf,
            BoardConfig cfg, out string error)
        {
            error = null;
            // Cut the comment: '#' at the start of the line or after a blank (values never hold " #").
            int stop = end;
            for (int i = start; i < end; i++)
            {
                if (text[i] == '#' && (i == start || IsBlank(text[i - 1])))
                {
                    stop = i;
                    break;
                }
            }
            string line = text.Substring(start, stop - start).Trim();
            if (line.Length == 0) return 0;

            int eq = line.IndexOf('=');
            if (eq < 0) return Fail(lineNo, "expected 'key = value', got '" + line + "'", out error);
            string key = line.Substring(0, eq).Trim();
            string value = line.Substring(eq + 1).Trim();
            if (key.Length == 0) return Fail(lineNo, "missing key before '='", out error);

            int k = -1;
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == key)
                {
                    k = i;
                    break;
                }
            }
            if (k < 0) return Fail(lineNo, "unknown key '" + key + "'", out error);
            if (lineOf[k] > 0)
                return Fail(lineNo, "'" + key + "' is already set on line " + lineOf[k].ToString(), out error);
            lineOf[k] = lineNo;

            string why = Set(cfg, k, value);
            if (why != null) return Fail(lineNo, key + ": " + why, out error);
            return 0;
        }

        private static int Fail(int lineNo, string message, out string error)
        {
            error = "line " + lineNo.ToString() + ": " + message;
            return -Errno.EINVAL;
        }

        /// <summary>Stores one value; returns null, or why the value is not a valid one for this key.</summary>
        private static string Set(BoardConfig cfg, int key, string v)
        {
            long n;
            switch (key)
            {
                case KName:
                case KBoard: cfg.Name = v; return null;
                case KNanoffTarget: cfg.NanoffTarget = v; return null;
                case KShellUart: cfg.ShellUart = v; return null;
                case KFlashMount: cfg.FlashMount = v; return null;
                case KCpuModel: cfg.CpuModel = v; return null;
                case KCpuVendor: cfg.CpuVendor = v; return null;
                case KCpuFeatures: cfg.CpuFeatures = v; return null;
                case KHostname: cfg.Hostname = v; return null;
                case KBootScript: cfg.BootScript = v; return null;
                case KArenaBase:
                case KRomBase:
                    if (!ParseNumber(v, out n) || n < 0 || n > 0xFFFFFFFFL) return "'" + v + "' is not a 32-bit address";
                    if (key == KArenaBase) cfg.ArenaBase = (uint)n;
                    else cfg.RomBase = (uint)n;
                    return null;
            }
            if (!ParseNumber(v, out n) || n < int.MinValue || n > int.MaxValue) return "'" + v + "' is not a number";
            int i = (int)n;
            switch (key)
            {
                case KPageSize: cfg.PageSize = i; break;
                case KArenaPages: cfg.ArenaPages = i; break;
                case KUartRxPin: cfg.UartRxPin = i; break;
                case KUartTxPin: cfg.UartTxPin = i; break;
                case KBaud: cfg.Baud = i; break;
                case KCpuMhz: cfg.CpuMhz = i; break;
                case KCpuCores: cfg.CpuCores = i; break;
                case KSramKb: cfg.SramKb = i; break;
                case KPsramKb: cfg.PsramKb = i; break;
                case KNrTrimPages: cfg.NrTrimPages = i; break;
                case KKmsgSize: cfg.KmsgSize = i; break;
                case KPidMax: cfg.PidMax = i; break;
                case KManagedHeap: cfg.ManagedHeap = i; break;
                case KMaxMapCount: cfg.MaxMapCount = i; break;
                case KThreadsMax: cfg.ThreadsMax = i; break;
                case KFileMax: cfg.FileMax = i; break;
                case KNrOpen: cfg.NrOpen = i; break;
                case KShmmni: cfg.Shmmni = i; break;
                case KInodeMax: cfg.InodeMax = i; break;
            }
            return null;
        }

        /// <summary>Returns the index of the first key whose value is wrong (with the reason), or -1.</summary>
        private static int Check(BoardConfig c, out string error)
        {
            error = null;
            if (!IsWord(c.Name)) return Bad(KName, "'" + c.Name + "' is not a board name (letters, digits, '-', '_', '.')", out error);
            if (c.PageSize < 256 || c.PageSize > 4096 || (c.PageSize & (c.PageSize - 1)) != 0)
                return Bad(KPageSize, c.PageSize.ToString() + " is not a power of two from 256 to 4096", out error);
            if (c.ArenaPages < 1 || c.ArenaPages > MaxArenaPages)
                return Bad(KArenaPages, c.ArenaPages.ToString() + " is not from 1 to " + MaxArenaPages.ToString(), out error);
            if ((c.ArenaBase & (uint)(c.PageSize - 1)) != 0)
                return Bad(KArenaBase, "0x" + c.ArenaBase.ToString("X8") + " is not page-aligned", out error);
            ulong arenaEnd = (ulong)c.ArenaBase + (ulong)c.ArenaPages * (ulong)c.PageSize;
            if (arenaEnd > 0x100000000UL)
                return Bad(KArenaPages, "the arena runs past the 32-bit address space", out error);
            if (c.RomBase >= c.ArenaBase && c.RomBase < arenaEnd)
                return Bad(KRomBase, "0x" + c.RomBase.ToString("X8") + " lies inside the arena", out error);

            int com = ComNumber(c.ShellUart);
            if (c.ShellUart != "stdio" && com < 1)
                return Bad(KShellUart, "'" + c.ShellUart + "' is not stdio or COM1..COM9", out error);
            if (c.UartRxPin < -1 || c.UartRxPin > 48)
                return Bad(KUartRxPin, c.UartRxPin.ToString() + " is not a GPIO (0..48, or -1 for none)", out error);
            if (c.UartTxPin < -1 || c.UartTxPin > 48)
                return Bad(KUartTxPin, c.UartTxPin.ToString() + " is not a GPIO (0..48, or -1 for none)", out error);
            // nanoFramework gives COM2 and up no default pins; they must be routed before Open().
            if (com > 1 && c.UartRxPin < 0) return Bad(KUartRxPin, c.ShellUart + " needs an RX pin", out error);
            if (com > 1 && c.UartTxPin < 0) return Bad(KUartTxPin, c.ShellUart + " needs a TX pin", out error);
            if (com > 0 && c.UartRxPin >= 0 && c.UartRxPin == c.UartTxPin)
                return Bad(KUartTxPin, "RX and TX are the same pin", out error);
            if (c.Baud < 300 || c.Baud > 5000000) return Bad(KBaud, c.Baud.ToString() + " is not from 300 to 5000000", out error);

            if (c.FlashMount == null || c.FlashMount.Length < 2 || c.FlashMount[0] != '/')
                return Bad(KFlashMount, "'" + c.FlashMount + "' is not an absolute path", out error);
            if (c.CpuMhz < 1) return Bad(KCpuMhz, "must be at least 1", out error);
            if (c.CpuCores < 1 || c.CpuCores > 64) return Bad(KCpuCores, "must be from 1 to 64", out error);
            if (c.SramKb < 0) return Bad(KSramKb, "must not be negative", out error);
            if (c.PsramKb < 0) return Bad(KPsramKb, "must not be negative", out error);

            if (!IsWord(c.Hostname) || c.Hostname.Length > HostnameMax)
                return Bad(KHostname, "'" + c.Hostname + "' is not a host name of 1 to 64 characters", out error);
            if (c.NrTrimPages < 0) return Bad(KNrTrimPages, "must not be negative", out error);
            if (c.KmsgSize < 256) return Bad(KKmsgSize, "must be at least 256 bytes", out error);
            if (c.PidMax < PidMaxMin || c.PidMax > PidMaxMax)
                return Bad(KPidMax, c.PidMax.ToString() + " is not from 301 to 4194304", out error);
            if (c.ManagedHeap < 0) return Bad(KManagedHeap, "must not be negative", out error);
            if (c.MaxMapCount < 1) return Bad(KMaxMapCount, "must be at least 1", out error);
            if (c.ThreadsMax < 1) return Bad(KThreadsMax, "must be at least 1", out error);
            if (c.FileMax < 1) return Bad(KFileMax, "must be at least 1", out error);
            if (c.NrOpen < 1 || c.NrOpen > NrOpenMax) return Bad(KNrOpen, "must be from 1 to 65535", out error);
            if (c.Shmmni < 1) return Bad(KShmmni, "must be at least 1", out error);
            if (c.InodeMax < 1) return Bad(KInodeMax, "must be at least 1", out error);
            return -1;
        }

        private static int Bad(int key, string why, out string error)
        {
            error = KeyNames()[key] + ": " + why;
            return key;
        }

        /// <summary>n for "COMn" (n 1..9, the only form nanoFramework's SerialPort parses), else 0.</summary>
        public static int ComNumber(string port)
        {
            if (port == null || port.Length != 4 || !port.StartsWith("COM")) return 0;
            char d = port[3];
            return d >= '1' && d <= '9' ? d - '0' : 0;
        }

        /// <summary>Parses decimal (with an optional '-') or 0x hex into <paramref name="value"/>.</summary>
        public static bool ParseNumber(string s, out long value) { return Num.TryParse(s, out value); }

        private static bool IsBlank(char c) { return c == ' ' || c == '\t'; }

        private static bool IsWord(string s)
        {
            if (s == null || s.Length == 0) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
                if (!ok) return false;
            }
            return true;
        }
    }
}
