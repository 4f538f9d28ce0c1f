using System;

namespace ProcNano.VirtualDevice
{
    /// <summary>
    /// The machine-readable lines the virtual device prints between the console transcript, each on its own line:
    /// <c>HEAP label=BYTES</c> (free managed bytes after GC.Run(false)), <c>MAPPED n</c>, <c>STAGE name</c>,
    /// <c>EXCEPTION stage type</c>, <c>OOM n</c>, <c>ERRORS n</c> and a last <c>END</c>.
    /// </summary>
    internal static class Report
    {
        /// <summary>Report lines that could not be printed for want of heap (a literal line says so instead).</summary>
        public static int Lost;

        public static long Heap(string label)
        {
            long free = HeapProbe.Free();
            Print("HEAP ", label, "=", free.ToString());
            return free;
        }

        public static void Line(string key, string value)
        {
            Print(key, " ", value, "");
        }

        public static void Count(string key, int n)
        {
            Print(key, " ", n.ToString(), "");
        }

        // The line's string is made here; with no heap left for it, a string literal (no allocation) says so.
        private static void Print(string a, string b, string c, string d)
        {
            try
            {
                Console.WriteLine(a + b + c + d);
            }
            catch (OutOfMemoryException)
            {
                // Compacting may make room (this changes the heap's layout, so it is done only here).
                HeapProbe.Compact();
                try
                {
                    Console.WriteLine(a + b + c + d);
                }
                catch (OutOfMemoryException)
                {
                    Lost++;
                    Console.WriteLine("LOST a report line: no heap for its text");
                }
            }
        }
    }
}
