// Compile-time stand-in for nanoFramework.System.IO.FileSystem 1.1.93 (github.com/nanoframework/System.IO.FileSystem:
// File.cs, Directory.cs, FileStream.cs, FileMode.cs, FileAccess.cs). NEVER DEPLOYED: it lets the .NET SDK compile
// firmware/App in CI (firmware/App.Nano); the device runs the real package. Only what the app uses, with upstream's
// namespaces, types, members, parameter and return types; every body throws. (IOException is mscorlib's.)
using System;

namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path) { throw new NotImplementedException(); }

        public static void Delete(string path) { throw new NotImplementedException(); }

        public static void Move(string sourceFileName, string destFileName) { throw new NotImplementedException(); }
    }

    public static class Directory
    {
        public static void CreateDirectory(string path) { throw new NotImplementedException(); }

        public static bool Exists(string path) { throw new NotImplementedException(); }

        /// <summary>Drive paths of the folder's files.</summary>
        public static string[] GetFiles(string path) { throw new NotImplementedException(); }
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access) { throw new NotImplementedException(); }

        public override long Length { get { throw new NotImplementedException(); } }

        public override long Position
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public override void Flush() { throw new NotImplementedException(); }

        public override void SetLength(long value) { throw new NotImplementedException(); }

        public override int Read(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }

        public override void Write(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
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
