using System;
using System.IO.Ports;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using ProcNano;

namespace ProcNano.App
{
    /// <summary>
    /// The device's entry point: pick the board config built in from nf.config and boards/, boot one kernel,
    /// then run the serial shell on the board's UART for good.
    /// </summary>
    public static class Program
    {
        /// <summary>How long the tty waits for a byte before telling the shell "nothing yet" (0).</summary>
        private const int TtyPollTimeoutMs = 100;
        private const int WriteTimeoutMs = 2000;

        public static void Main()
        {
            // Collect and compact first, so the numbers below are the heap's and not leftovers of startup.
            long heapAtStart = nanoFramework.Runtime.Native.GC.Run(true);
            BoardConfig board = BoardSelect.Choose(SystemInfo.TargetName, out string error);
            if (board == null)
            {
                Halt("procnano: " + error);
                return;
            }
            IStorage flash = OpenFlash(out string flashError);
            // The arena is one byte[] of ArenaPages * PageSize: allocate it while the heap is still unfragmented.
            DevicePlatform platform = new DevicePlatform(flash, heapAtStart);
            long before = nanoFramework.Runtime.Native.GC.Run(false);
            Kernel kernel = new Kernel(board, platform);
            long after = nanoFramework.Runtime.Native.GC.Run(false);
            kernel.Log.Print("Memory: managed heap " + heapAtStart.ToString() + " bytes free at start, kernel took "
                + (before - after).ToString() + " bytes (its model: " + kernel.ModelBytes.ToString() + "), "
                + after.ToString() + " bytes free");
            if (flashError != null) kernel.Log.Print("procnano: " + flashError);

            SerialPort port = OpenShellPort(board, out error);
            if (port == null)
            {
                kernel.Log.Print("procnano: " + error);
                Halt("procnano: " + error);
                return;
            }
            UartTty tty = new UartTty(port, TtyPollTimeoutMs);
            // getty-style: the first shell runs the boot script (its output goes to the kernel log), then every
            // session is a fresh /bin/sh task; `exit` ends one and the next prompts. A UART never closes and
            // the tty never throws, so this does not return; a kernel bug that escapes a session is reported
            // on the debugger channel and the console starts over (without the boot script).
            string script = BoardDefaults.BootScript;
            while (true)
            {
                try
                {
                    Getty.Serve(kernel.Sys, kernel.Uart.Stats, tty, script);
                }
                catch (Exception e)
                {
                    Console.WriteLine("procnano: console: " + e.GetType().FullName + " " + e.Message);
                }
                script = null;
                Thread.Sleep(TtyPollTimeoutMs);
            }
        }

        /// <summary>The store behind /flash: a folder of the internal drive of its own, never the drive's root
        /// (LittleFsStorage says why). Null, with the reason, when the drive is not there.</summary>
        private static IStorage OpenFlash(out string error)
        {
            error = null;
            try
            {
                return new LittleFsStorage(LittleFsStorage.Folder);
            }
            catch (Exception e)
            {
                error = "no " + LittleFsStorage.Folder + " (" + e.GetType().FullName + "): /flash is not mounted";
                return null;
            }
        }

        /// <summary>Routes the board's pins to its shell UART and opens it; null with a reason on failure.</summary>
        private static SerialPort OpenShellPort(BoardConfig board, out string error)
        {
            int com = ConfigFile.ComNumber(board.ShellUart);
            if (com < 1)
            {
                error = "board " + board.Name + " has no shell UART ('" + board.ShellUart + "')";
                return null;
            }
            // COM2 and COM3 have no default pins on the ESP32 family; COM1 keeps its own unless told otherwise.
            if (board.UartRxPin >= 0 && board.UartTxPin >= 0)
            {
                if (com == 1)
                {
                    Configuration.SetPinFunction(board.UartRxPin, DeviceFunction.COM1_RX);
                    Configuration.SetPinFunction(board.UartTxPin, DeviceFunction.COM1_TX);
                }
                else if (com == 2)
                {
                    Configuration.SetPinFunction(board.UartRxPin, DeviceFunction.COM2_RX);
                    Configuration.SetPinFunction(board.UartTxPin, DeviceFunction.COM2_TX);
                }
                else if (com == 3)
                {
                    Configuration.SetPinFunction(board.UartRxPin, DeviceFunction.COM3_RX);
                    Configuration.SetPinFunction(board.UartTxPin, DeviceFunction.COM3_TX);
                }
            }
            // COM1 fails here when the debugger owns it; the board files keep the shell off COM1.
            return UartTty.OpenPort(board.ShellUart, board.Baud, WriteTimeoutMs, out error);
        }

        /// <summary>Reports on the debugger channel and parks the main thread (the device stays reachable for
        /// redeployment).</summary>
        private static void Halt(string message)
        {
            Console.WriteLine(message);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
