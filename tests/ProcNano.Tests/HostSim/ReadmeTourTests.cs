using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ProcNano.Tests.HostSim
{
    /// <summary>
    /// Keeps README.md's "A 60-second tour" honest: every `nsh> CMD` line of its code blocks is run, in order,
    /// in one session of the real simulator (default board, boot script), and the lines the README shows under
    /// it are compared with what the command printed. The rule, also written in the README:
    /// - `...` stands for any number of lines (none included); every other line must be there, in order, and
    ///   after the last shown line nothing may follow unless the block ends in `...`;
    /// - lines are compared without trailing blanks (Markdown editors drop them; /proc/maps keeps one);
    /// - lines whose figures are the desktop runtime's and vary from run to run are compared by label only:
    ///   free's `Heap:` row, meminfo's `HeapTotal:` and `HeapFree:`;
    /// - an error line may come on standard error instead (scripts and pipes print errors there).
    /// </summary>
    public class ReadmeTourTests
    {
        private const string Marker = "@@tour-next@@";
        private static readonly string[] VaryingLabels = { "Heap:", "HeapTotal:", "HeapFree:" };

        internal sealed class Step
        {
            public string Command;
            public List<string> Shown = new List<string>();
        }

        internal static List<Step> TourSteps()
        {
            string readme = System.IO.File.ReadAllText(Path.Combine(ProcNano.Tests.Build.RepoPaths.Root, "README.md"));
            int from = readme.IndexOf("## A 60-second tour", StringComparison.Ordinal);
            Assert.True(from >= 0, "README.md has no tour section");
            int to = readme.IndexOf("\n## ", from + 5, StringComparison.Ordinal);
            string section = readme.Substring(from, to - from);
            var steps = new List<Step>();
            foreach (Match block in Regex.Matches(section, "```\\n(.*?)```", RegexOptions.Singleline))
            {
                Step step = null;
                foreach (string line in block.Groups[1].Value.Split('\n'))
                {
                    if (line.StartsWith("nsh> ", StringComparison.Ordinal))
                    {
                        step = new Step { Command = line.Substring(5) };
                        steps.Add(step);
                    }
                    else if (step != null) step.Shown.Add(line.TrimEnd());
                }
                // The block's closing fence follows a newline: drop the empty last line it leaves.
                if (step != null && step.Shown.Count > 0 && step.Shown[step.Shown.Count - 1] == "") step.Shown.RemoveAt(step.Shown.Count - 1);
            }
            return steps;
        }

        [Fact]
        public void TheTour_HasItsCommands()
        {
            var steps = TourSteps();
            Assert.True(steps.Count >= 10, "tour commands: " + steps.Count);
            Assert.Contains(steps, s => s.Command == "ps");
            Assert.Contains(steps, s => s.Command.StartsWith("cat /proc/meminfo"));
        }

        [Fact]
        public void EveryStableLineOfTheTour_IsWhatTheSimulatorPrints()
        {
            var steps = TourSteps();
            string input = string.Concat(steps.Select(s => s.Command + "\n" + (s.Command == "exit" ? "" : "echo " + Marker + "\n")));
            var r = SimProcess.Run(input);
            Assert.True(r.Code == 0, r.ToString());
            string[] outputs = r.Out.Replace("\r\n", "\n").Split(Marker + "\n");
            string[] errLines = r.Err.Replace("\r\n", "\n").Split('\n');
            var problems = new List<string>();
            for (int i = 0; i < steps.Count; i++)
            {
                Step s = steps[i];
                string printed = i < outputs.Length ? outputs[i] : "";
                var actual = printed.Split('\n').Select(l => l.TrimEnd()).ToList();
                if (actual.Count > 0 && actual[actual.Count - 1] == "") actual.RemoveAt(actual.Count - 1);
                var shown = s.Shown.Where(l => !errLines.Contains(l) || actual.Contains(l)).ToList();
                string why = Compare(shown, actual);
                if (why != null) problems.Add("nsh> " + s.Command + ": " + why + "\n--- printed:\n" + string.Join("\n", actual));
            }
            Assert.True(problems.Count == 0, "README tour drifted from a real run:\n" + string.Join("\n\n", problems));
        }

        /// <summary>null if <paramref name="actual"/> fits <paramref name="shown"/> by the rule above, else why not.</summary>
        internal static string Compare(List<string> shown, List<string> actual)
        {
            int j = 0;
            bool gap = false;
            foreach (string want in shown)
            {
                if (want == "...") { gap = true; continue; }
                int at = -1;
                for (int k = j; k < actual.Count && (gap || k == j); k++)
                {
                    if (Same(want, actual[k])) { at = k; break; }
                }
                if (at < 0) return (gap ? "not found after line " : "line " + (j + 1) + " differs: expected ") + (gap ? j + ": " : "") + "'" + want + "'"
                    + (!gap && j < actual.Count ? ", printed '" + actual[j] + "'" : "");
                j = at + 1;
                gap = false;
            }
            if (!gap && j < actual.Count) return "printed more than shown, from line " + (j + 1) + ": '" + actual[j] + "'";
            return null;
        }

        private static bool Same(string want, string got)
        {
            foreach (string label in VaryingLabels)
                if (want.StartsWith(label, StringComparison.Ordinal)) return got.StartsWith(label, StringComparison.Ordinal);
            return want == got;
        }

        [Fact]
        public void Compare_CatchesDriftAndHonoursEllipses()
        {
            var shown = new List<string> { "a", "...", "d", "Heap: 1 2" };
            Assert.Null(Compare(shown, new List<string> { "a", "b", "c", "d", "Heap: 7 8" }));
            Assert.Null(Compare(shown, new List<string> { "a", "d", "Heap: 9" }));
            Assert.NotNull(Compare(shown, new List<string> { "a", "b", "x", "Heap: 7 8" }));          // d missing
            Assert.NotNull(Compare(shown, new List<string> { "a", "b", "d", "Heap: 7 8", "more" }));  // more printed
            Assert.NotNull(Compare(new List<string> { "Mem: 17196" }, new List<string> { "Mem: 17184" }));
            Assert.Null(Compare(new List<string> { "x", "..." }, new List<string> { "x", "y" }));
        }
    }
}
