using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ProcNano.Tests.Device
{
    /// <summary>One run of the virtual device (firmware/VirtualDevice on nanoCLR), parsed from its output:
    /// <c>HEAP label=BYTES</c>, <c>MAPPED n</c>, <c>STAGE s</c>, <c>EXCEPTION stage type</c>,
    /// <c>OOM n escaped=.. in_commands=.. lost_lines=..</c>, <c>ERRORS n</c>, <c>TYPED n</c>, <c>END stage</c>,
    /// <c>MODEL boot=BYTES measured=BYTES</c> (the kernel's model of new Kernel beside the measured cost),
    /// <c>FLASH data=BYTES</c> (heap the virtual device's /flash stand-in holds for the files' bytes, at the console).</summary>
    public sealed class DeviceRun
    {
        public string Board;
        public string Script;
        public long HeapArg;
        public int ExitCode;
        public string Output = "";
        public readonly Dictionary<string, long> Heap = new Dictionary<string, long>();
        public int Mapped = -1;
        public int Oom = -1, OomEscaped = -1, OomInCommands = -1, LostLines = -1;
        public int Errors = -1, Typed = -1;
        public long ModelBoot = -1, ModelMeasured = -1;
        public long FlashData = -1;
        public string End;
        public readonly List<string> Exceptions = new List<string>();

        /// <summary>The runtime died (a signal: 128 + n) instead of returning from Main.</summary>
        public bool Crashed => ExitCode > 128 || End == null;

        public bool Booted => Heap.ContainsKey("after_kernel");
        public bool Prompted => Heap.ContainsKey("first_prompt");

        public long H(string label) => Heap.TryGetValue(label, out long v) ? v : -1;

        public static DeviceRun Parse(string board, string script, long heap, int exitCode, string output)
        {
            var r = new DeviceRun { Board = board, Script = script, HeapArg = heap, ExitCode = exitCode, Output = output };
            foreach (string raw in output.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                Match m = Regex.Match(line, @"^HEAP ([a-z0-9_]+)=(-?\d+)$");
                if (m.Success) { r.Heap[m.Groups[1].Value] = long.Parse(m.Groups[2].Value); continue; }
                m = Regex.Match(line, @"^MAPPED (\d+)$");
                if (m.Success) { r.Mapped = int.Parse(m.Groups[1].Value); continue; }
                m = Regex.Match(line, @"^OOM (\d+) escaped=(\d+) in_commands=(\d+) lost_lines=(\d+)$");
                if (m.Success)
                {
                    r.Oom = int.Parse(m.Groups[1].Value);
                    r.OomEscaped = int.Parse(m.Groups[2].Value);
                    r.OomInCommands = int.Parse(m.Groups[3].Value);
                    r.LostLines = int.Parse(m.Groups[4].Value);
                    continue;
                }
                m = Regex.Match(line, @"^MODEL boot=(\d+) measured=(\d+)$");
                if (m.Success) { r.ModelBoot = long.Parse(m.Groups[1].Value); r.ModelMeasured = long.Parse(m.Groups[2].Value); continue; }
                m = Regex.Match(line, @"^FLASH data=(\d+)$");
                if (m.Success) { r.FlashData = long.Parse(m.Groups[1].Value); continue; }
                m = Regex.Match(line, @"^ERRORS (\d+)$");
                if (m.Success) { r.Errors = int.Parse(m.Groups[1].Value); continue; }
                m = Regex.Match(line, @"^TYPED (\d+)$");
                if (m.Success) { r.Typed = int.Parse(m.Groups[1].Value); continue; }
                if (line.StartsWith("EXCEPTION ")) { r.Exceptions.Add(line.Substring(10)); continue; }
                if (line.StartsWith("END ")) r.End = line.Substring(4);
            }
            return r;
        }

        /// <summary>One line for assertion messages: what the run showed.</summary>
        public string Summary()
        {
            var parts = new List<string> { $"{Board} --heap {HeapArg} --script {Script}: exit {ExitCode}" };
            foreach (var kv in Heap) parts.Add($"{kv.Key}={kv.Value}");
            if (Mapped >= 0) parts.Add($"mapped={Mapped}");
            if (FlashData >= 0) parts.Add($"flash_data={FlashData}");
            if (ModelBoot >= 0) parts.Add($"model={ModelBoot} measured={ModelMeasured}");
            parts.Add($"OOM={Oom} (escaped {OomEscaped}, in commands {OomInCommands}, lost lines {LostLines})");
            parts.Add($"errors={Errors} typed={Typed} end={End ?? "(none: the runtime died)"}");
            foreach (string e in Exceptions) parts.Add("exception " + e);
            return string.Join(", ", parts);
        }
    }
}
