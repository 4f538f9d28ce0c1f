// Compile-time stand-in for nanoFramework.System.IO.Ports 1.1.139 (github.com/nanoframework/System.IO.Ports:
// SerialPort.cs, Parity.cs, StopBits.cs). NEVER DEPLOYED: it lets the .NET SDK compile firmware/App in CI
// (firmware/App.Nano); the device runs the real package. Only what the app uses, with upstream's namespaces, types,
// members, parameter and return types; every body throws. (TimeoutException is mscorlib's.)
using System;

namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8,
            StopBits stopBits = StopBits.One)
        {
            throw new NotImplementedException();
        }

        /// <summary>Milliseconds a write may take before it throws TimeoutException.</summary>
        public int WriteTimeout
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        /// <summary>The driver's receive buffer (default 256 bytes); settable only while the port is closed.</summary>
        public int ReadBufferSize
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public int BytesToRead { get { throw new NotImplementedException(); } }

        public void Open() { throw new NotImplementedException(); }

        public int Read(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }

        public void Write(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }

        public void Dispose() { throw new NotImplementedException(); }
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }
}
