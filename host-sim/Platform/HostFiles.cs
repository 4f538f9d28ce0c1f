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
    }

    /// <summary>The host's own file system.</summary>
    public sealed class HostFiles : IHostFiles
    {
        public static readonly HostFiles Real = new HostFiles();

        public HostKind Kind(string path)
        {
            if (System.IO.File.Exists(path)) return HostKind.Regular;
            if (Directory.Exists(path)) return HostKind.Directory;
            return HostKind.None;
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

        public long Length(string path)
        {
            var fi = new FileInfo(path);
            return fi.Exists ? fi.Length : -1;
        }

        public Stream Open(string path, FileMode mode, FileAccess access) { return new FileStream(path, mode, access); }

        public void Delete(string path) { System.IO.File.Delete(path); }
    }
}
