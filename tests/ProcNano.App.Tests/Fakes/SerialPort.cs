// Test double of nanoFramework.System.IO.Ports' SerialPort (the members firmware/StandIns/System.IO.Ports declares,
// same signatures), scripted by the tests through the members after "Test controls". Tests only.
using System;
using System.Collections.Generic;

namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8,
            StopBits stopBits = StopBits.One)
        {
            if (Refuse != null && Refuse == portName) throw new ArgumentException();   // upstream: port in use
            PortName = portName;
            BaudRate = baudRate;
            Last = this;
        }

        private int _readBufferSize = 256;

        public int WriteTimeout { get; set; } = -1;

        /// <summary>As upstream: only while closed.</summary>
        public int ReadBufferSize
        {
            get => _readBufferSize;
            set
            {
                if (value <= 0) throw new ArgumentOutOfRangeException();
                if (IsOpen) throw new InvalidOperationException();
                _readBufferSize = value;
            }
        }

        public int BytesToRead
        {
            get
            {
                Polls++;
                if (ReadThrows != null) throw ReadThrows;
                if (ArriveAfterPolls > 0 && Polls < ArriveAfterPolls) return 0;
                return Incoming.Count;
            }
        }

        public void Open()
        {
            if (IsOpen) throw new InvalidOperationException();
            IsOpen = true;
            ReadBufferSizeAtOpen = _readBufferSize;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (!IsOpen) throw new InvalidOperationException();
            int n = Math.Min(count, Math.Min(Incoming.Count, ReadLimit));
            for (int i = 0; i < n; i++) buffer[offset + i] = Incoming.Dequeue();
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (!IsOpen) throw new InvalidOperationException();
            if (WriteThrows != null) throw WriteThrows;
            for (int i = 0; i < count; i++) Written.Add(buffer[offset + i]);
        }

        public void Dispose() { IsOpen = false; }

        // ---- Test controls ----
        public static SerialPort Last;
        /// <summary>A port name whose constructor throws, as upstream does for a port already taken (COM1 and the debugger).</summary>
        public static string Refuse;
        public readonly string PortName;
        public readonly int BaudRate;
        public bool IsOpen;
        public int ReadBufferSizeAtOpen;
        public readonly Queue<byte> Incoming = new Queue<byte>();
        public readonly List<byte> Written = new List<byte>();
        /// <summary>Most bytes one Read hands over (the driver may give fewer than it said were waiting).</summary>
        public int ReadLimit = int.MaxValue;
        /// <summary>BytesToRead reports nothing until this many polls (bytes "arrive" during a wait).</summary>
        public int ArriveAfterPolls;
        public int Polls;
        public Exception ReadThrows, WriteThrows;

        public void Receive(string text) { foreach (char c in text) Incoming.Enqueue((byte)c); }
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
