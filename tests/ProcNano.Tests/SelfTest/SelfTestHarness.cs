using System;
using System.Collections.Generic;
using ProcNano.HostSim;
using ProcNano.Tests.Shell;
using KKernel = ProcNano.Kernel;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.SelfTestLayer
{
    /// <summary>A booted kernel with a shell task (ShellHarness) and a self-test running as that task.</summary>
    internal sealed class SelfTestHarness : ISelfTestReport
    {
        public readonly ShellHarness Shell;
        public KKernel K => Shell.K;
        public KTask Task => Shell.Task;
        public readonly List<(int Number, string Name, string Failure)> Results = new();

        /// <summary>On a device board (managed_heap set) the heap figures are the device's, as the simulator gives
        /// them (the board's heap less the kernel's model), not the test process's GC's.</summary>
        public SelfTestHarness(BoardConfig board = null)
        {
            if (board == null) { Shell = new ShellHarness(); return; }
            var platform = HostPlatform.WithTempFlash();
            if (board.ManagedHeap > 0) platform.ModelDeviceHeap(board.ManagedHeap);
            Shell = new ShellHarness(board, platform);
            platform.AttachModel(() => Shell.K.ModelBytes);
        }

        /// <summary>A device board's config, as the simulator loads it (nf.config, then boards/NAME.board).</summary>
        public static BoardConfig Board(string name)
        {
            BoardConfig cfg = BoardLoader.Load(Build.RepoPaths.Root, name, out string error);
            if (cfg == null) throw new InvalidOperationException(error);
            return cfg;
        }

        public ProcNano.SelfTest New(ISelfTestHook hook = null)
        {
            var t = new ProcNano.SelfTest(Shell.K, Shell.Task);
            t.Hook = hook;
            return t;
        }

        public void Result(int number, string name, string failure) => Results.Add((number, name, failure));

        /// <summary>Runs every check; the failures, one per line ("N name: what"), empty when all passed.</summary>
        public string Failures(ISelfTestHook hook = null)
        {
            Results.Clear();
            New(hook).Run(this);
            var lines = new List<string>();
            foreach (var r in Results) if (r.Failure != null && !ProcNano.SelfTest.IsSkip(r.Failure)) lines.Add(r.Number + " " + r.Name + ": " + r.Failure);
            return string.Join("\n", lines);
        }
    }

    /// <summary>A hook that runs an action before one check verifies.</summary>
    internal sealed class Sabotage : ISelfTestHook
    {
        private readonly int _check;
        private readonly Action _act;
        public bool Ran;
        public Sabotage(int check, Action act) { _check = check; _act = act; }
        public void BeforeVerify(int check)
        {
            if (check != _check) return;
            Ran = true;
            _act();
        }
    }
}
