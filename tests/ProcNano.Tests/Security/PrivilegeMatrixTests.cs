using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProcNano;
using ProcNano.Tests.Shell;
using Xunit;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Security
{
    /// <summary>Every cell of the privilege matrix in docs/SECURITY.md, run in a fresh kernel.</summary>
    public class PrivilegeMatrixTests
    {
        public static IEnumerable<object[]> Cells()
        {
            string doc = System.IO.File.ReadAllText(Path.Combine(ProcNano.Tests.Build.RepoPaths.Root, "docs", "SECURITY.md"));
            int from = doc.IndexOf("<!-- matrix -->"), to = doc.IndexOf("<!-- /matrix -->");
            string[] columns = { "same uid", "other uid", "root" };
            foreach (string raw in doc.Substring(from, to - from).Split('\n').Skip(3))
            {
                string line = raw.Trim();
                if (!line.StartsWith("|")) continue;
                string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                string command = cells[1].Trim('`');
                for (int c = 0; c < 3; c++) yield return new object[] { cells[0], command, columns[c], cells[2 + c] };
            }
        }

        [Fact]
        public void TheMatrix_HasEveryRow()
        {
            Assert.True(Cells().Count() >= 30 * 3);
        }

        [Theory]
        [MemberData(nameof(Cells))]
        public void Cell(string operation, string command, string caller, string expected)
        {
            var h = new ShellHarness();
            var k = h.K;
            // The target: a dumpable /bin/hold of uid 1000, with a 0600 segment of uid 1000 attached to it.
            KTask owner = Boot.NewTask(k, "owner", 1000, 1000);
            int pid = k.Sys.Exec(owner, "/bin/hold", new[] { "hold", "1" }, 0);
            Assert.True(pid > 0);
            KTask target = k.Sys.FindTask(owner, pid);
            int shmid = k.Sys.Shmget(owner, 0x1234, 4096, Shm.IPC_CREAT | 0x180);
            int pubid = k.Sys.Shmget(owner, 0x4321, 4096, Shm.IPC_CREAT | 0x1B6);
            long shmaddr = k.Sys.Shmat(owner, target, shmid, 0, 0);
            Assert.True(shmid >= 0 && pubid >= 0 && shmaddr > 0);
            int vma = -1;
            for (int i = 0; i < target.Mm.Vmas.Count; i++)
            {
                int v = target.Mm.Vmas[i];
                if ((k.Mem.Vmas.Flags(v) & Vm.VM_WRITE) != 0 && k.Mem.VmaFile(v) == null) vma = v;
            }
            Assert.True(vma >= 0);
            Assert.Equal(0, h.Run("mkdir /tmp/m; mkdir /tmp/mm; mount -t ramfs none /tmp/mm", out _));
            if (command.StartsWith("rmmod")) Assert.Equal(0, h.Run("insmod uart", out _));
            if (caller != "root") Assert.Equal(0, h.Run(caller == "same uid" ? "su 1000" : "su 2000", out _));

            string line = command.Replace("{pid}", pid.ToString()).Replace("{shmid}", shmid.ToString()).Replace("{pubid}", pubid.ToString())
                .Replace("{shmaddr}", "0x" + ((uint)shmaddr).ToString("x8"))
                .Replace("{vma}", "0x" + k.Mem.Vmas.Start(vma).ToString("x8"))
                .Replace("{vlen}", (k.Mem.Vmas.End(vma) - k.Mem.Vmas.Start(vma)).ToString());
            int status = h.Run(line, out string output);
            if (expected == "ok")
            {
                Assert.True(status == 0, operation + " as " + caller + ": " + output);
            }
            else
            {
                int errno = (int)typeof(Errno).GetField(expected).GetValue(null);
                Assert.True(status != 0, operation + " as " + caller + " succeeded: " + output);
                Assert.Contains(Errno.StrError(-errno), output);
            }
            Invariants.Check(k);
        }
    }
}
