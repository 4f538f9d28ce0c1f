// Compile-time stand-in for nanoFramework.System.IO.Streams 1.1.96 (github.com/nanoframework/System.IO.Streams:
// Stream.cs of the v1 line). NEVER DEPLOYED: it lets the .NET SDK compile firmware/App in CI (firmware/App.Nano); the
// device runs the real package. Only what the app uses, with upstream's namespaces, types, members, parameter and
// return types; every body throws.
using System;

namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public abstract void Flush();

        public abstract void SetLength(long value);

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        public void Dispose() { throw new NotImplementedException(); }
    }
}
