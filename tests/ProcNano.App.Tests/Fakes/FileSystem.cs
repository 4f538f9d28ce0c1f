// Test doubles of nanoFramework's System.IO.FileSystem, System.IO.Streams and mscorlib's IOException (the members
// firmware/StandIns declares, same signatures; IOException as mscorlib 1.17.11 has it): an in-memory drive behaving
// as upstream does where the glue depends on it (IOException codes, one open per file, Position within the file).
// Scripted through FakeDrive. Tests only.
using System;
using System.Collections.Generic;
using System.Linq;

namespace System.IO
{
    public class IOException : SystemException
    {
        public IOException() { }

        public IOException(string message) : base(message) { }

        public IOException(string message, int hresult) : base(message) { _code = (IOExceptionErrorCode)hresult; }

        public IOException(string message, Exception innerException) : base(message, innerException) { }

        private readonly IOExceptionErrorCode _code = IOExceptionErrorCode.Others;

        public IOExceptionErrorCode ErrorCode => _code;

        public enum IOExceptionErrorCode
        {
            Others = unchecked((int)0xE0000000),
            InvalidDriver = unchecked((int)0xE1000000),
            FileNotFound = unchecked((int)0xE2000000),
            DirectoryNotFound = unchecked((int)0xE3000000),
            VolumeNotFound = unchecked((int)0xE4000000),
            PathTooLong = unchecked((int)0xE5000000),
            DirectoryNotEmpty = unchecked((int)0xE6000000),
            UnauthorizedAccess = unchecked((int)0xE7000000),
            PathAlreadyExists = unchecked((int)0xE8000000),
            TooManyOpenHandles = unchecked((int)0xE9000000),
        }
    }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public abstract void Flush();

        public abstract void SetLength(long value);

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        public void Dispose() { Close(); }

        public virtual void Close() { }
    }

    /// <summary>The in-memory drive behind the doubles (paths as the glue builds them, "I:\folder\name").</summary>
    public static class FakeDrive
    {
        public static readonly Dictionary<string, List<byte>> Files = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        public static readonly HashSet<string> Dirs = new HashSet<string>(StringComparer.Ordinal);
        public static readonly HashSet<string> Open = new HashSet<string>(StringComparer.Ordinal);
        /// <summary>Thrown by the next file operation (then cleared): a full partition, a driver failure ...</summary>
        public static Exception Fail;
        /// <summary>Bytes the drive may hold in all; a write beyond gives the driver's plain I/O error, as LittleFS's.</summary>
        public static long Capacity = long.MaxValue;

        public static void Reset()
        {
            Files.Clear();
            Dirs.Clear();
            Open.Clear();
            Fail = null;
            Capacity = long.MaxValue;
            Dirs.Add("I:");
        }

        internal static void MaybeFail()
        {
            Exception e = Fail;
            Fail = null;
            if (e != null) throw e;
        }

        internal static string Dir(string path)
        {
            path = path.TrimEnd('\\');
            int i = path.LastIndexOf('\\');
            return i < 0 ? path : path.Substring(0, i);
        }

        internal static long Used => Files.Values.Sum(f => (long)f.Count);
    }

    public static class File
    {
        public static bool Exists(string path) => FakeDrive.Files.ContainsKey(path);

        public static void Delete(string path)
        {
            FakeDrive.MaybeFail();
            // Upstream: deleting a missing file is a no-op.
            FakeDrive.Files.Remove(path);
        }

        /// <summary>As upstream: the source must exist and the destination must not.</summary>
        public static void Move(string sourceFileName, string destFileName)
        {
            FakeDrive.MaybeFail();
            if (!FakeDrive.Files.ContainsKey(sourceFileName)) throw new IOException("", (int)IOException.IOExceptionErrorCode.FileNotFound);
            if (FakeDrive.Files.ContainsKey(destFileName)) throw new IOException("", (int)IOException.IOExceptionErrorCode.PathAlreadyExists);
            if (!FakeDrive.Dirs.Contains(FakeDrive.Dir(destFileName))) throw new IOException("", (int)IOException.IOExceptionErrorCode.DirectoryNotFound);
            FakeDrive.Files[destFileName] = FakeDrive.Files[sourceFileName];
            FakeDrive.Files.Remove(sourceFileName);
        }
    }

    public static class Directory
    {
        public static void CreateDirectory(string path)
        {
            FakeDrive.MaybeFail();
            path = path.TrimEnd('\\');
            if (!FakeDrive.Dirs.Contains(FakeDrive.Dir(path))) throw new IOException("", (int)IOException.IOExceptionErrorCode.VolumeNotFound);
            FakeDrive.Dirs.Add(path);
        }

        public static bool Exists(string path) => FakeDrive.Dirs.Contains(path.TrimEnd('\\'));

        public static string[] GetFiles(string path)
        {
            FakeDrive.MaybeFail();
            string dir = path.TrimEnd('\\');
            if (!FakeDrive.Dirs.Contains(dir)) throw new IOException("", (int)IOException.IOExceptionErrorCode.DirectoryNotFound);
            return FakeDrive.Files.Keys.Where(k => FakeDrive.Dir(k) == dir).ToArray();
        }
    }

    public class FileStream : Stream
    {
        private readonly string _path;
        private readonly bool _write;
        private long _position;
        private bool _closed;

        public FileStream(string path, FileMode mode, FileAccess access)
        {
            FakeDrive.MaybeFail();
            if (!FakeDrive.Dirs.Contains(FakeDrive.Dir(path))) throw new IOException("", (int)IOException.IOExceptionErrorCode.DirectoryNotFound);
            bool exists = FakeDrive.Files.ContainsKey(path);
            if (mode == FileMode.Open && !exists) throw new IOException("", (int)IOException.IOExceptionErrorCode.FileNotFound);
            // Upstream's table of open files refuses a second open of a file (FileShare.None).
            if (FakeDrive.Open.Contains(path)) throw new IOException("", (int)IOException.IOExceptionErrorCode.UnauthorizedAccess);
            if (!exists) FakeDrive.Files[path] = new List<byte>();
            FakeDrive.Open.Add(path);
            _path = path;
            _write = (access & FileAccess.Write) != 0;
        }

        private List<byte> Data => FakeDrive.Files[_path];

        public override long Length => Data.Count;

        /// <summary>As upstream: not past the end.</summary>
        public override long Position
        {
            get => _position;
            set
            {
                if (value < 0 || value > Length) throw new ArgumentException();
                _position = value;
            }
        }

        public override void Flush() { }

        public override void SetLength(long value)
        {
            if (!_write) throw new NotSupportedException();
            FakeDrive.MaybeFail();
            if (value > Data.Count && FakeDrive.Used + (value - Data.Count) > FakeDrive.Capacity) throw new IOException("");
            while (Data.Count < value) Data.Add(0);
            if (Data.Count > value) Data.RemoveRange((int)value, Data.Count - (int)value);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            FakeDrive.MaybeFail();
            int n = (int)Math.Max(0, Math.Min(count, Data.Count - _position));
            for (int i = 0; i < n; i++) buffer[offset + i] = Data[(int)_position + i];
            _position += n;
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!_write) throw new NotSupportedException();
            FakeDrive.MaybeFail();
            long grow = Math.Max(0, _position + count - Data.Count);
            if (FakeDrive.Used + grow > FakeDrive.Capacity) throw new IOException("");   // a short write: CLR_E_FILE_IO
            for (int i = 0; i < count; i++)
            {
                if (_position < Data.Count) Data[(int)_position] = buffer[offset + i];
                else Data.Add(buffer[offset + i]);
                _position++;
            }
        }

        public override void Close()
        {
            if (_closed) return;
            _closed = true;
            FakeDrive.Open.Remove(_path);
        }
    }

    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}
