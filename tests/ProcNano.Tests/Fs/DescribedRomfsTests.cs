using ProcNano;
using ProcNano.Tests.Vfs;
using Xunit;

namespace ProcNano.Tests.Fs
{
    /// <summary>A romfs described by its files must be the image RomfsBuilder stores for the same files.</summary>
    public class DescribedRomfsTests
    {
        // Files held as arrays: the simplest description.
        private sealed class ArrayFiles : IRomfsFiles
        {
            public readonly string[] Names;
            public readonly int[] Modes;
            public readonly byte[][] Data;
            public ArrayFiles(string[] names, int[] modes, byte[][] data) { Names = names; Modes = modes; Data = data; }
            public int Count => Names.Length;
            public string Name(int i) => Names[i];
            public int Mode(int i) => Modes[i];
            public int Size(int i) => Data[i].Length;
            public void Copy(int i, int pos, byte[] buf, int off, int count) => System.Array.Copy(Data[i], pos, buf, off, count);
        }

        private static ArrayFiles Sample(int pageSize)
        {
            return new ArrayFiles(
                new[] { "a", "page", "empty", "a-longer-name-of-13", "link", "odd" },
                new[] { Stat.S_IFREG | 0x1ED, Stat.S_IFREG | 0x124, Stat.S_IFREG | 0x1A4, Stat.S_IFREG | 0x16D,
                    Stat.S_IFLNK | 0x1FF, Stat.S_IFREG | 0x100 },
                new[] { VfsKernel.Pattern(5, 1), VfsKernel.Pattern(pageSize, 2), new byte[0],
                    VfsKernel.Pattern(2 * pageSize + 3, 3), VfsKernel.Bytes("page"), VfsKernel.Pattern(pageSize - 1, 4) });
        }

        private static byte[] Built(ArrayFiles f, int pageSize)
        {
            var b = new RomfsBuilder();
            for (int i = 0; i < f.Count; i++) Assert.Equal(0, b.Add(f.Names[i], f.Modes[i], f.Data[i]));
            return b.Build(pageSize);
        }

        [Theory]
        [InlineData(256)]
        [InlineData(4096)]
        public void Described_EqualsBuilt_ByteForByte(int pageSize)
        {
            ArrayFiles f = Sample(pageSize);
            byte[] want = Built(f, pageSize);
            var rom = new DescribedRomfs(f, pageSize);
            Assert.Equal(want.Length, rom.Length);
            byte[] got = new byte[want.Length];
            rom.Copy(0, got, 0, got.Length);
            Assert.Equal(want, got);
            // One byte at a time too: every boundary between table, padding, data and the next file.
            for (int i = 0; i < want.Length; i++)
            {
                byte[] one = new byte[1];
                rom.Copy(i, one, 0, 1);
                Assert.True(want[i] == one[0], "byte " + i);
            }
        }

        [Fact]
        public void NoFiles_IsTheBareHeader()
        {
            var f = new ArrayFiles(new string[0], new int[0], new byte[0][]);
            byte[] want = new RomfsBuilder().Build(256);
            byte[] got = new byte[new DescribedRomfs(f, 256).Length];
            new DescribedRomfs(f, 256).Copy(0, got, 0, got.Length);
            Assert.Equal(want, got);
        }

        [Fact]
        public void Described_Mounts_AndReadsBack()
        {
            using var v = new VfsKernel();
            ArrayFiles f = Sample(v.PageSize);
            v.K.Phys.SetRom(new DescribedRomfs(f, v.PageSize));
            Assert.Equal(0, v.Sys.Mkdir(v.Root, "/mnt", 0x1ED));
            Assert.Equal(0, v.Sys.Mount(v.Root, "rom", "/mnt", "romfs"));
            for (int i = 0; i < f.Count; i++)
            {
                if (f.Names[i] == "link") continue;
                Assert.Equal(f.Data[i], v.ReadFile("/mnt/" + f.Names[i]));
                var st = new StatInfo();
                Assert.Equal(0, v.Sys.Stat(v.Root, "/mnt/" + f.Names[i], st));
                Assert.Equal(f.Modes[i], st.Mode);
            }
            int err;
            Assert.Equal("page", v.Sys.ReadLink(v.Root, "/mnt/link", out err));
            Assert.Equal(f.Data[1], v.ReadFile("/mnt/link"));
        }
    }
}
