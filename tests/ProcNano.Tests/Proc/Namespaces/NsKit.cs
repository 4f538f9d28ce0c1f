using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Proc.Namespaces
{
    /// <summary>Syscall-level helpers for the namespace tests.</summary>
    public static class NsKit
    {
        public static string Cat(Kernel k, Task t, string path)
        {
            return Encoding.ASCII.GetString(Files.Read(k, t, path));
        }

        /// <summary>Entries of a directory (without "." and "..").</summary>
        public static List<string> Ls(Kernel k, Task t, string path)
        {
            int fd = k.Sys.Open(t, path, File.O_RDONLY | File.O_DIRECTORY, 0);
            Assert.True(fd >= 0, path + ": " + Errno.StrError(fd));
            var names = new List<string>();
            for (int i = 2; k.Sys.ReadDir(t, fd, i, out string name, out int _) > 0; i++) names.Add(name);
            k.Sys.Close(t, fd);
            return names;
        }

        /// <summary>The numeric entries of a procfs root, as ints in listing order.</summary>
        public static int[] Pids(Kernel k, Task t, string procRoot)
        {
            return Ls(k, t, procRoot).Where(n => n.All(char.IsDigit)).Select(int.Parse).ToArray();
        }

        /// <summary>Starts <paramref name="path"/> from <paramref name="parent"/>; the new task.</summary>
        public static Task Exec(Kernel k, Task parent, string path, string[] argv, int flags)
        {
            int pid = k.Sys.Exec(parent, path, argv, flags);
            Assert.True(pid > 0, path + ": " + Errno.StrError(pid));
            Task t = k.Sys.FindTask(parent, pid);
            Assert.NotNull(t);
            return t;
        }

        public static int RootNr(Kernel k, Task t) => t.Pid.NrIn(k.Tasks.RootNs);
    }
}
