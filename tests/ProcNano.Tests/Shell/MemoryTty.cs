using System.Collections.Generic;
using System.Text;
using ProcNano;

namespace ProcNano.Tests.Shell
{
    /// <summary>A tty in memory: queued input bytes (read in chunks of at most <see cref="Chunk"/>), captured
    /// output. When the input runs out it reads as closed (-1), or as "nothing yet" (0) if
    /// <see cref="StayOpen"/> is set.</summary>
    internal sealed class MemoryTty : ITty
    {
        private readonly Queue<byte> _in = new Queue<byte>();
        private readonly List<byte> _out = new List<byte>();
        public int Chunk = 7;
        public bool StayOpen;
        public int Writes;
        /// <summary>Input bytes not read yet.</summary>
        public int Pending { get { lock (_in) return _in.Count; } }

        public MemoryTty Type(string s) => Type(Encoding.Latin1.GetBytes(s));

        public MemoryTty Type(params byte[] bytes)
        {
            lock (_in) foreach (byte b in bytes) _in.Enqueue(b);
            return this;
        }

        public bool HasInput() { lock (_in) return _in.Count > 0 || !StayOpen; }

        public int Read(byte[] buf, int off, int count)
        {
            lock (_in)
            {
                if (_in.Count == 0) return StayOpen ? 0 : -1;
                int n = 0;
                while (n < count && n < Chunk && _in.Count > 0) buf[off + n++] = _in.Dequeue();
                return n;
            }
        }

        public void Write(byte[] buf, int off, int count)
        {
            Writes++;
            for (int i = 0; i < count; i++) _out.Add(buf[off + i]);
        }

        public byte[] OutputBytes => _out.ToArray();
        public string Output => Encoding.Latin1.GetString(_out.ToArray());
        public void ClearOutput() { _out.Clear(); _out.TrimExcess(); }   // a big output (a pagemap) gives its room back
    }
}
