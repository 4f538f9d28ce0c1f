using System;

namespace ProcNano.VirtualDevice
{
    /// <summary>
    /// The virtual device's entry point, run by nanoCLR: pick the board and script (<see cref="RunConfig"/>), boot
    /// the kernel as the firmware does, serve the console from a script, and print the free managed heap
    /// (GC.Run(false)) at fixed points: main, before_kernel, after_kernel, after_first_shell, after_boot_script
    /// (demo), first_prompt, the script's own points, end. Then <c>OOM n</c> (OutOfMemoryExceptions: escaped,
    /// reported by the shell, or lines lost), <c>ERRORS n</c> and <c>END</c>.
    /// </summary>
    public static class VirtualDeviceMain
    {
        /// <summary>Capacity of the in-memory /flash: the LittleFS partition of a 4 MB flash.</summary>
        private const int FlashBytes = 256 * 1024;

        public static void Main()
        {
            // Collect and compact first, as the firmware does, so the figures are the heap's own.
            long heapAtStart = HeapProbe.Compact();
            Console.WriteLine("HEAP main=" + heapAtStart.ToString());
            string boardName = RunConfig.Board();
            string mode = RunConfig.Script();
            Report.Line("BOARD", boardName);
            Report.Line("SCRIPT", mode);
            if (!HeapProbe.Available) Report.Line("WARNING", "built without nanoFramework.Runtime.Native: no heap figures");

            int escaped = 0;
            string stage = "board";
            ScriptedTty tty = null;
            KernelEntry entry = null;
            try
            {
                string input = Scripts.Input(mode);
                if (input == null)
                {
                    Report.Line("ERROR", "unknown script '" + mode + "' (boot, demo, maps)");
                    Report.Line("END", "error");
                    return;
                }
                entry = new KernelEntry();
                string error = entry.LoadBoard(boardName);
                if (error != null)
                {
                    Report.Line("ERROR", error);
                    Report.Line("END", "error");
                    return;
                }
                MemoryStorage flash = new MemoryStorage(FlashBytes);
                VirtualPlatform platform = new VirtualPlatform(flash, heapAtStart);
                tty = new ScriptedTty(input, entry.PageSize);

                stage = "kernel";
                Report.Line("STAGE", stage);
                long before = Report.Heap("before_kernel");
                entry.Boot(platform);
                long after = Report.Heap("after_kernel");
                // What firmware/App/Program.cs logs at boot (dmesg shows it).
                long model = entry.ModelBytes;
                entry.Log("Memory: managed heap " + heapAtStart.ToString() + " bytes free at start, kernel took "
                    + (before - after).ToString() + " bytes (its model: " + model.ToString() + "), " + after.ToString()
                    + " bytes free");
                Report.Line("MODEL", "boot=" + model.ToString() + " measured=" + (before - after).ToString());

                stage = "shell";
                Report.Line("STAGE", stage);
                entry.NewConsoleShell(tty);
                Report.Heap("after_first_shell");

                if (Scripts.RunsBootScript(mode))
                {
                    stage = "boot_script";
                    Report.Line("STAGE", stage);
                    entry.RunBootScript(KernelEntry.BootScript);
                    Report.Heap("after_boot_script");
                }
                Report.Line("FLASH", "data=" + flash.HeapBytes.ToString());

                stage = "console";
                Report.Line("STAGE", stage);
                entry.Serve();
                tty.Flush();
                stage = "done";
            }
            catch (OutOfMemoryException)
            {
                escaped++;
                if (tty != null) tty.Flush();
                Report.Line("EXCEPTION", stage + " System.OutOfMemoryException");
            }
            catch (Exception e)
            {
                if (tty != null) tty.Flush();
                Report.Line("EXCEPTION", stage + " " + e.GetType().FullName + " " + e.Message);
            }
            Report.Heap("end");
            // Shell-caught ones: printed as "internal error" (tty) or answered as ENOMEM (the shell's count).
            int reported = (tty == null ? 0 : tty.OomLines) + (entry == null ? 0 : entry.OomCaught);
            int lost = tty == null ? 0 : tty.LostLines;
            // Every OutOfMemoryException seen: one that reached Main, those the shell caught in a command, and
            // output or report lines that could not be printed for want of heap.
            int lostReports = Report.Lost;
            Report.Line("OOM", (escaped + reported + lost + lostReports).ToString() + " escaped=" + escaped.ToString()
                + " in_commands=" + reported.ToString() + " lost_lines=" + (lost + lostReports).ToString());
            Report.Count("ERRORS", tty == null ? 0 : tty.ErrorLines);
            Report.Count("TYPED", tty == null ? 0 : tty.LinesTyped);
            Report.Line("END", stage);
        }
    }
}
