using System;

namespace ProcNano
{
    /// <summary>A ROM whose bytes are a real image held in RAM (a romfs image a test or a user built).</summary>
    public sealed class RomBytes : IRom
    {
        private readonly byte[] _image;

        public RomBytes(byte[] image) { _image = image; }

        public int Length => _image.Length;

        public void Copy(int offset, byte[] buf, int off, int count) { Array.Copy(_image, offset, buf, off, count); }
    }
}
