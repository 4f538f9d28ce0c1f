using System;
using System.IO;

namespace ProcNano.HostSim
{
    /// <summary>What a host path is, as the flash folder cares.</summary>
    public enum HostKind { None, Regular, Directory, Other }

    /// <summary>The host file operations <see cref="FolderStorage"/> makes: the real ones, or a test's that fail
    /// on purpose (host errors injected below the storage interface).</summary>
    public interface IHostFiles
    {
        HostKind Kind(string path);
        /// <summary>True if a file can be created in <paramref name="dir"/> (false: its mode, a read-only mount).</summary>
        bool CanWrite(string dir);
        void CreateDirectory(string dir);
        /// <summary>The regular files directly in <paramref name="dir"/> (full paths).</summary>
        string[] ListFiles(string dir);
        long Length(string path);
        Stream Open(string path, FileMode mode, FileAccess access);
        void Delete(string path);
        /// <summary>rename(2): <paramref name="to"/> is replaced in one step.</summary>
        void Move(string from, string to);
    }

    /// <summary>The host's own file system.</summary>
    public sealed class HostFiles : IHostFiles
    {
        public static readonly HostFiles Real = new HostFiles();

        // .NET's own lstat (libSystem.Native ships with every runtime on Unix): its FileStatus has the mode,
        // with the file type bits, at byte 4. Nothing in System.IO tells a FIFO or a device from a file.
        [System.Runtime.InteropServices.DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
        private static extern int LStat([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, byte[] status);

        private const int S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000;

        /// <summary>What the path itself is (a symlink is Other: it is never followed, in or out of the folder;
        /// FIFOs, sockets and devices are Other too, so nothing blocks on opening one).</summary>
        public HostKind Kind(string path)
        {
            if (!OperatingSystem.IsWindows())
            {
                try
                {
                    var st = new byte[256];
                    if (LStat(path, st) != 0) return HostKind.None;
                    int fmt = BitConverter.ToInt32(st, 4) & S_IFMT;
                    return fmt == S_IFREG ? HostKind.Regular : fmt == S_IFDIR ? HostKind.Directory : HostKind.Other;
                }
                catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
                {
                }
            }
            var fi = new FileInfo(path);
            if ((fi.Attributes & FileAttributes.ReparsePoint) != 0 && fi.Exists) return HostKind.Other;
            if (fi.Exists) return HostKind.Regular;
            return Directory.Exists(path) ? HostKind.Directory : HostKind.None;
        }

        public bool CanWrite(string dir)
        {
            string probe = Path.Combine(dir, ".procnano-probe-" + Environment.ProcessId);
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        public void CreateDirectory(string dir) { Directory.CreateDirectory(dir); }

        public string[] ListFiles(string dir) { return Directory.GetFiles(dir); }

        /// <summary>Bytes of a regular file; -1 for anything else (absent, a folder, a link, a FIFO...).</summary>
        public long Length(string path)
        {
            if (Kind(path) != HostKind.Regular) return -1;
            var fi = new FileInfo(path);
            return fi.Exists ? fi.Length : -1;
        }

        public Stream Open(string path, FileMode mode, FileAccess access) { return new FileStream(path, mode, access); }

        public void Delete(string path) { System.IO.File.Delete(path); }

        public void Move(string from, string to) { System.IO.File.Move(from, to, true); }
    }
}
