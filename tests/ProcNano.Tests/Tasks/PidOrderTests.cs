using System.Linq;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Tasks
{
    /// <summary>A namespace keeps its pids by number: found by halving, listed in /proc in numeric order even after
    /// the numbers wrap at pid_max.</summary>
    public class PidOrderTests
    {
        [Fact]
        public void AfterTheNumbersWrap_FindAndProcListing_GoByNumber()
        {
            var board = new BoardConfig { ArenaPages = 64, PidMax = 12 };
            var k = Boot.Board(board);
            var made = Enumerable.Range(0, 9).Select(i => Boot.NewTask(k, "t" + i)).ToArray();   // pids 2..10
            k.Tasks.ExitTask(made[1], 0);   // frees pid 3
            k.Tasks.ExitTask(made[2], 0);   // frees pid 4
            var late = Boot.NewTask(k, "late");   // 11, then the wrap: 3
            var wrapped = Boot.NewTask(k, "wrapped");
            Assert.Equal(3, wrapped.Pid.NrIn(k.Tasks.RootNs));
            Assert.Same(wrapped, k.Tasks.Find(k.Tasks.RootNs, 3));
            Assert.Null(k.Tasks.Find(k.Tasks.RootNs, 4));

            int fd = k.Sys.Open(k.Init, "/proc", File.O_RDONLY, 0);
            var pids = new System.Collections.Generic.List<int>();
            for (int i = 0; k.Sys.ReadDir(k.Init, fd, i, out string name, out _) > 0; i++)
                if (int.TryParse(name, out int n)) pids.Add(n);
            Assert.Equal(new[] { 1, 2, 3, 5, 6, 7, 8, 9, 10, 11 }, pids);
        }
    }
}
