using System.Collections.Generic;
using System.Linq;
using ProcNano;
using Xunit;
using KTask = ProcNano.Task;

namespace ProcNano.Tests.Proc
{
    /// <summary>The boot-time tables (generic entries, /proc/&lt;pid&gt;/, /proc/sys) are code: these tests hold
    /// each table to what an object tree guaranteed by construction, and the run-time entries to living beside
    /// the rows.</summary>
    public class RowTableTests
    {
        public static IEnumerable<object[]> Tables() => new[] { new object[] { RowTable.Generic }, new object[] { RowTable.Pid }, new object[] { RowTable.Sysctl } };

        private static List<(string Name, int Mode, int Parent)> Rows(int table)
        {
            var rows = new List<(string, int, int)>();
            for (int i = 0; RowTable.Row(table, i, out string n, out int m, out int p); i++) rows.Add((n, m, p));
            return rows;
        }

        [Theory]
        [MemberData(nameof(Tables))]
        public void EveryRow_HasAnEarlierDirectoryParent_AndANameUniqueInIt(int table)
        {
            var rows = Rows(table);
            Assert.Equal((Stat.S_IFDIR, -1), (rows[0].Mode & Stat.S_IFMT, rows[0].Parent));   // row 0 is the root
            for (int i = 1; i < rows.Count; i++)
            {
                var (name, mode, parent) = rows[i];
                Assert.False(string.IsNullOrEmpty(name), "row " + i);
                Assert.NotEqual(0, mode & Stat.S_IFMT);
                if (parent == -1)
                {
                    // Only the fd/<n> links and fdinfo/<n> files are rows no directory lists.
                    Assert.Equal(RowTable.Pid, table);
                    Assert.Contains(i, new[] { PidTable.FdLink, PidTable.FdInfoFile });
                    continue;
                }
                Assert.InRange(parent, 0, i - 1);
                Assert.Equal(Stat.S_IFDIR, rows[parent].Mode & Stat.S_IFMT);
                Assert.Equal(i, RowTable.Find(table, parent, name));   // no earlier sibling of that name
            }
            Assert.False(RowTable.Row(table, rows.Count, out _, out _, out _));
        }

        [Fact]
        public void TableCounts_MatchTheRows()
        {
            Assert.Equal(GenericTable.Count, Rows(RowTable.Generic).Count);
            Assert.Equal(PidTable.Count, Rows(RowTable.Pid).Count);
            Assert.Equal(SysctlTable.Count, Rows(RowTable.Sysctl).Count);
        }

        [Fact]
        public void EveryGenericAndSysctlRow_HasItsOwnStableInode_WithTheTablesMode()
        {
            var kit = new ProcKit();
            var inos = new HashSet<int>();
            var rows = Rows(RowTable.Generic);
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.Equal(0, kit.Walk(kit.Init, "/proc/" + GenericPath(rows, i), out Inode ino, followLast: false));
                Assert.Equal(i == 0 ? ProcSuperBlock.RootIno : 0x100 + i, ino.Ino);
                Assert.Equal(rows[i].Mode, ino.Mode);
                Assert.True(inos.Add(ino.Ino));
                kit.Walk(kit.Init, "/proc/" + GenericPath(rows, i), out Inode again, followLast: false);
                Assert.Same(ino, again);
            }
            var ctl = Rows(RowTable.Sysctl);
            for (int i = 1; i < ctl.Count; i++)
            {
                string path = "sys";
                for (int r = i; r > 0; r = ctl[r].Parent) path = path.Insert(3, "/" + ctl[r].Name);
                Inode ino = kit.Get(kit.Init, path);
                Assert.Equal(0x8000 + i, ino.Ino);
                Assert.Equal(ctl[i].Mode, ino.Mode);
                Assert.True(inos.Add(ino.Ino));
            }
        }

        private static string GenericPath(List<(string Name, int Mode, int Parent)> rows, int i)
        {
            string path = "";
            for (int r = i; r > 0; r = rows[r].Parent) path = rows[r].Name + (path.Length > 0 ? "/" + path : "");
            return path;
        }

        [Theory]
        [InlineData("", "version")]
        [InlineData("driver", null)]
        [InlineData("sysvipc", "shm")]
        [InlineData("sys", null)]
        public void RuntimeEntry_UnderATableDirectory_ListedAfterItsRows_FoundAndRemovable(string dir, string lastRow)
        {
            var kit = new ProcKit();
            string path = dir.Length == 0 ? "added" : dir + "/added";
            List<string> before = kit.Ls(kit.Init, "/proc/" + dir);
            Assert.NotNull(kit.K.Proc.Create(path, 0, new CountingOps(), null));

            List<string> after = kit.Ls(kit.Init, "/proc/" + dir);
            Assert.Equal(before.Count + 1, after.Count);
            if (lastRow != null) Assert.True(after.IndexOf("added") > after.IndexOf(lastRow));
            if (dir.Length == 0) Assert.True(after.IndexOf("added") < after.IndexOf("1"));   // before the pids
            if (dir == "sys") Assert.Equal("added", after[0]);   // as before: entries first, then the ctl table
            Assert.Equal("hello\n", kit.Cat(kit.Init, path));
            Inode ino = kit.Get(kit.Init, path);
            Assert.True(ino.Ino >= 0x100 + GenericTable.Count);

            Assert.Equal(0, kit.K.Proc.Remove(path));
            Assert.Equal(before, kit.Ls(kit.Init, "/proc/" + dir));
            Assert.Equal(-Errno.ENOENT, kit.Walk(kit.Init, path, out _));
        }

        [Fact]
        public void TableRows_NeverGo_TheirNamesAreTaken_FindGivesOneStandIn()
        {
            var kit = new ProcKit();
            ProcTree t = kit.K.Proc;
            Assert.Equal(-Errno.EINVAL, t.Remove("version"));
            Assert.Equal(-Errno.EINVAL, t.Remove("sysvipc"));
            Assert.Equal(-Errno.EINVAL, t.Remove("shm", t.Find("sysvipc")));
            Assert.Equal(-Errno.EINVAL, t.Remove(t.Find("driver")));
            Assert.Equal(-Errno.EINVAL, t.Remove(t.Root));
            Assert.Contains("version", kit.Ls(kit.Init, "/proc"));

            Assert.Equal(-Errno.EEXIST, t.TryCreate("sysvipc/shm", 0, new CountingOps(), null, out _));
            Assert.Equal(-Errno.ENOTDIR, t.TryCreate("version/x", 0, new CountingOps(), null, out _));
            Assert.Equal(-Errno.ENOENT, t.Remove("driver/nothing"));

            ProcEntry shm = t.Find("/proc/sysvipc/shm");
            Assert.Same(shm, t.Find("sysvipc/shm"));
            Assert.Equal("shm", shm.Name);
            Assert.Equal(GenericTable.Shm, shm.Id);
            Assert.Same(t.Find("sysvipc"), shm.Parent);
            Assert.Same(t.Root, shm.Parent.Parent);
            Assert.Null(t.Find("sysvipc/nothing"));
        }

        [Fact]
        public void RuntimeDirectory_UnderATableDirectory_HoldsItsOwnEntries_AndGoesWithThem()
        {
            var kit = new ProcKit();
            ProcTree t = kit.K.Proc;
            ProcEntry d = t.Mkdir("driver/dev0");
            ProcEntry f = t.Create("stats", 0, d, new CountingOps(), null);
            Assert.Same(f, t.Find("driver/dev0/stats"));
            Assert.Equal(new[] { "stats" }, kit.Ls(kit.Init, "/proc/driver/dev0"));
            Assert.NotEqual(d.Id, f.Id);
            Assert.Equal(0, t.Remove(d));
            Assert.True(f.Removed);
            Assert.Null(t.Find("driver/dev0/stats"));
            ProcEntry again = t.Create("driver/dev1", 0, new CountingOps(), null);
            Assert.Equal(GenericTable.Count, again.Id);   // the numbers freed are given again, smallest first
        }

        [Fact]
        public void AddedPidRow_ListedAfterTheTableRows()
        {
            var kit = new ProcKit();
            Assert.Equal(0, kit.K.Proc.AddPidRow(PidRow.File("extra", new CommOps())));
            Assert.Equal(-Errno.EEXIST, kit.K.Proc.AddPidRow(PidRow.File("extra", new CommOps())));
            KTask t = kit.NewTask("prog", 0, 0);
            List<string> listed = kit.Ls(kit.Init, t.Tgid.ToString());
            Assert.Equal("extra", listed.Last());
            Assert.Equal(RowTable.ChildCount(RowTable.Pid, PidTable.Root) + 1, listed.Count);
            Assert.Equal("prog\n", kit.Cat(kit.Init, t.Tgid + "/extra"));
        }
    }
}
