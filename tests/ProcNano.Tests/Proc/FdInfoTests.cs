using ProcNano.Tests.Shell;
using Xunit;

namespace ProcNano.Tests.Proc
{
    /// <summary>/proc/&lt;pid&gt;/fdinfo/&lt;n&gt;: pos and flags of each open descriptor, as 2.6.29 prints them.</summary>
    public class FdInfoTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        [Fact]
        public void FdInfo_ShowsPosAndFlags_OfEachDescriptor()
        {
            _h.Run("echo hello > /tmp/f", out _);
            int ro = _h.K.Sys.Open(_h.Task, "/tmp/f", File.O_RDONLY, 0);
            Assert.True(ro >= 0);
            Assert.Equal(3, _h.K.Sys.Read(_h.Task, ro, new byte[3], 0, 3));
            int wr = _h.K.Sys.Open(_h.Task, "/tmp/g", File.O_WRONLY | File.O_CREAT | File.O_APPEND, 0x1a4);
            Assert.True(wr >= 0);
            Assert.Equal("pos:\t3\nflags:\t00\n", _h.Out("cat /proc/self/fdinfo/" + ro));
            Assert.Equal("pos:\t0\nflags:\t02001\n", _h.Out("cat /proc/self/fdinfo/" + wr));   // O_APPEND|O_WRONLY, O_CREAT dropped
            string listed = _h.Out("ls /proc/self/fdinfo");
            Assert.Contains(ro.ToString() + "\n", listed);
            Assert.Contains(wr.ToString() + "\n", listed);
            Assert.Contains("fdinfo\n", _h.Out("ls /proc/self"));
        }

        [Fact]
        public void FdInfo_OfAClosedDescriptor_IsENOENT_AndAnotherUsersTaskIsRefused()
        {
            int fd = _h.K.Sys.Open(_h.Task, "/proc/meminfo", File.O_RDONLY, 0);
            _h.K.Sys.Close(_h.Task, fd);
            Assert.Equal(1, _h.Run("cat /proc/self/fdinfo/" + fd, out string o));
            Assert.Equal(ShellHarness.Error("cat", "/proc/self/fdinfo/" + fd, -Errno.ENOENT), o);
            string pid = _h.Out("exec /bin/hold 1").Trim();
            _h.Run("su 1000", out _);
            Assert.Equal(1, _h.Run("ls /proc/" + pid + "/fdinfo", out o));
            Assert.Contains("Permission denied", o);
        }

        [Fact]
        public void Ps_HeapColumn_IsTheFootprintModelsCostOfTheTask()
        {
            int HeapOf(string ps, int pid)
            {
                foreach (string l in ps.Split('\n'))
                {
                    string[] f = l.Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
                    if (f.Length > 6 && f[0] == pid.ToString()) return int.Parse(f[6]);
                }
                return -1;
            }
            int me = _h.Task.Pid.NrIn(_h.Task.PidNs);
            int before = HeapOf(_h.Out("ps"), me);
            Assert.True(before >= Footprint.TaskBytes + Footprint.PidBytes, before.ToString());
            _h.Run("mmap 4096 rw- private", out _);
            Assert.Equal(before + Footprint.VmaBytes, HeapOf(_h.Out("ps"), me));
            int fd = _h.K.Sys.Open(_h.Task, "/proc/meminfo", File.O_RDONLY, 0);
            int withFile = HeapOf(_h.Out("ps"), me);
            Assert.True(withFile >= before + Footprint.VmaBytes + Footprint.FileBytes, withFile.ToString());
            _h.K.Sys.Close(_h.Task, fd);
        }
    }
}
