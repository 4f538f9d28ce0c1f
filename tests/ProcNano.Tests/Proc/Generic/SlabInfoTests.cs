using System;
using System.Collections.Generic;
using System.Linq;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    public class SlabInfoTests
    {
        private const int RW = Vm.PROT_READ | Vm.PROT_WRITE;
        private const int Anon = Vm.MAP_PRIVATE | Vm.MAP_ANONYMOUS;

        private sealed class Row
        {
            public int Active, Num, Size;
            public long Total;
        }

        private static Dictionary<string, Row> Read(Kernel k)
        {
            string[] lines = Cat(k, k.Init, "/proc/slabinfo").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("# name            <active_objs> <num_objs> <objsize> <total_bytes>", lines[0]);
            var rows = new Dictionary<string, Row>();
            foreach (string l in lines.Skip(1))
            {
                string[] f = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                rows[f[0]] = new Row { Active = int.Parse(f[1]), Num = int.Parse(f[2]), Size = int.Parse(f[3]), Total = long.Parse(f[4]) };
            }
            return rows;
        }

        /// <summary>Inodes in a directory tree, walked through the syscall API (the directory counts too).</summary>
        private static int Tree(Kernel k, string dir)
        {
            int fd = k.Sys.Open(k.Init, dir, File.O_RDONLY | File.O_DIRECTORY, 0);
            Assert.True(fd >= 0);
            int n = 1;
            for (int i = 2; k.Sys.ReadDir(k.Init, fd, i, out string name, out int type) > 0; i++)
            {
                string path = (dir == "/" ? "" : dir) + "/" + name;
                n += type == Stat.S_IFDIR ? Tree(k, path) : 1;
            }
            k.Sys.Close(k.Init, fd);
            return n;
        }

        [Fact]
        public void Format_NameLeft17_Columns6_6_6_8()
        {
            var k = Boot();
            string[] lines = Cat(k, k.Init, "/proc/slabinfo").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(new[] { "vm_region", "vm_area", "mm", "task", "pid", "file", "inode", "proc_entry", "shm_segment", "vfsmount", "log_buf", "emergency_heap", "kernel" },
                lines.Skip(1).Select(l => l.Substring(0, 17).TrimEnd()).ToArray());
            Assert.Equal("vm_region              0     16     32      512", lines[1]);
            Assert.Equal("vm_area                0     16     20      320", lines[2]);
            Assert.Equal("mm                     1      1    120      120", lines[3]);
            Assert.Equal("task                   1      1    132      132", lines[4]);
            Assert.Equal("pid                    1      1     60       60", lines[5]);
            Assert.Equal("shm_segment            0      0    192        0", lines[9]);
            Assert.Equal(string.Format("log_buf                1      1 {0,6} {0,8}", Footprint.Array(k.Board.KmsgSize, 1)), lines[11]);
            // The host board holds no emergency block (a device board holds one only while an exec runs).
            Assert.Equal("emergency_heap         0      0     24        0", lines[12]);
            Assert.StartsWith("kernel                 1      1 ", lines[13]);
        }

        [Fact]
        public void Sizes_AreTheFootprintTable()
        {
            var rows = Read(Boot());
            Assert.Equal(32, rows["vm_region"].Size);
            Assert.Equal(20, rows["vm_area"].Size);
            Assert.Equal(120, rows["mm"].Size);
            Assert.Equal(132, rows["task"].Size);   // comm and the environment in the command line string, the fd table folded in
            Assert.Equal(60, rows["pid"].Size);
            Assert.Equal(84, rows["file"].Size);
            Assert.Equal(ProcEntry.ObjectBytes, rows["proc_entry"].Size);
            foreach (Row r in rows.Values) Assert.Equal((long)r.Num * r.Size, r.Total);
        }

        [Fact]
        public void RegionAndVmaRows_UsedOfCapacity_TableDoubles()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            for (int i = 0; i < 17; i++) Assert.True(k.Sys.Mmap(t, 0, 4096, RW, Anon, -1, 0) > 0);
            var rows = Read(k);
            Assert.Equal(17, rows["vm_region"].Active);
            Assert.Equal(32, rows["vm_region"].Num);
            Assert.Equal(32 * 32, rows["vm_region"].Total);
            Assert.Equal(17, rows["vm_area"].Active);
            Assert.Equal(32, rows["vm_area"].Num);
        }

        [Fact]
        public void SharedRegion_OneRegionTwoVmas()
        {
            var k = Boot();
            var a = Tests.Boot.NewTask(k, "a");
            var b = Tests.Boot.NewTask(k, "b");
            int id = k.Sys.Shmget(a, 5, 4096, Shm.IPC_CREAT | 0x1B6);
            Assert.True(k.Sys.Shmat(a, id, 0, 0) > 0);
            Assert.True(k.Sys.Shmat(b, id, 0, 0) > 0);
            var rows = Read(k);
            Assert.Equal(1, rows["vm_region"].Active);
            Assert.Equal(2, rows["vm_area"].Active);
            Assert.Equal(1, rows["shm_segment"].Active);
        }

        [Fact]
        public void TaskPidMm_CountLiveTasks()
        {
            var k = Boot();
            var t = Tests.Boot.NewTask(k, "a");
            int pid = k.Sys.Exec(k.Init, "/bin/hold", new[] { "hold", "1" }, Syscalls.CLONE_NEWPID);
            Assert.True(pid > 0);
            var rows = Read(k);
            Assert.Equal(3, rows["task"].Active);
            Assert.Equal(3, rows["pid"].Active);
            Assert.Equal(3, rows["mm"].Active);
            k.Sys.Exit(t, 0);
            Assert.Equal(2, Read(k)["task"].Active);
            Assert.Equal(2, Read(k)["pid"].Active);
        }

        [Fact]
        public void ProcEntryRow_FollowsCreateAndRemove()
        {
            var k = Boot();
            int before = Read(k)["proc_entry"].Active;
            // The first entry under a table directory also makes the directory's stand-in entry, which stays.
            Assert.NotNull(k.Proc.Create("driver/foo", 0, new UptimeOps(), null));
            Assert.Equal(before + 2, Read(k)["proc_entry"].Active);
            Assert.NotNull(k.Proc.Mkdir("driver/bar"));
            Assert.NotNull(k.Proc.Create("driver/bar/baz", 0, new UptimeOps(), null));
            Assert.Equal(before + 4, Read(k)["proc_entry"].Active);
            Assert.Equal(0, k.Proc.Remove("driver/bar"));
            Assert.Equal(before + 2, Read(k)["proc_entry"].Active);
        }

        [Fact]
        public void InodeRow_CountsRamfsRomfsTreesAndShmSegments()
        {
            var k = Boot();
            int expected = CountedByHand(k);
            Assert.Equal(expected, Read(k)["inode"].Active);
            Assert.Equal(0, k.Sys.Mkdir(k.Init, "/tmp/d", 0x1ED));
            Files.Write(k, k.Init, "/tmp/d/f", new byte[] { 1 });
            k.Sys.Shmget(k.Init, 9, 100, Shm.IPC_CREAT | 0x1B6);
            Assert.Equal(expected + 3, Read(k)["inode"].Active);
            // romfs makes a program file's inode at its first lookup and keeps it; a listing makes none.
            Assert.Equal(ProgramTable.All().Length + 1, Tree(k, "/bin"));
            Assert.Equal(expected + 3, Read(k)["inode"].Active);
            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, "/bin/hold", st));
            Assert.Equal(0, k.Sys.Stat(k.Init, "/bin/hold", st));
            Assert.Equal(expected + 4, Read(k)["inode"].Active);
        }

        /// <summary>Root ramfs: /, bin, flash, proc, dev, dev/null, dev/zero, tmp (the covered directories stay in its tree);
        /// romfs: its root (no program file looked up yet).</summary>
        private static int CountedByHand(Kernel k)
        {
            int ramfs = 8;
            int romfs = 1;
            return ramfs + romfs;
        }

        [Fact]
        public void FileRow_CountsOpenFiles()
        {
            var k = Boot();
            int before = Read(k)["file"].Active;   // the reader's own file is open while it reads
            int fd1 = k.Sys.Open(k.Init, "/bin/hold", File.O_RDONLY, 0);
            int fd2 = k.Sys.Open(k.Init, "/proc/version", File.O_RDONLY, 0);
            Assert.Equal(before + 2, Read(k)["file"].Active);
            k.Sys.Close(k.Init, fd1);
            k.Sys.Close(k.Init, fd2);
            Assert.Equal(before, Read(k)["file"].Active);
            Assert.Equal(1, before);
        }

        [Fact]
        public void BootLog_SaysWhatTheKernelObjectsTook()
        {
            var kit = new ProcKit();   // an unmounted procfs: reading it opens no file the table would count
            string log = kit.Cat(kit.Init, "kmsg");
            var m = System.Text.RegularExpressions.Regex.Match(log,
                @"Slab: kernel objects take (\d+) bytes \((\d+) objects of 13 kinds\), page map (\d+) bytes; with the arena the model is (\d+) bytes");
            Assert.True(m.Success, log);
            var k = kit.K;
            long arena = Footprint.Array(k.Phys.Arena.Length, 1);
            Assert.Equal(long.Parse(m.Groups[1].Value) + long.Parse(m.Groups[3].Value) + arena, long.Parse(m.Groups[4].Value));
            long total = 0;
            int objects = 0;
            foreach (string l in kit.Cat(kit.Init, "slabinfo").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                string[] f = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                objects += int.Parse(f[1]);
                total += long.Parse(f[4]);
            }
            Assert.Equal(total, long.Parse(m.Groups[1].Value));
            Assert.Equal(objects, int.Parse(m.Groups[2].Value));
            // 256 pages: two byte arrays (20 + 256 = 276 B each); free blocks keep their links in their pages.
            Assert.Equal("552", m.Groups[3].Value);
        }
    }
}
