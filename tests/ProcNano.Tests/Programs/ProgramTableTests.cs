using ProcNano;
using Xunit;

namespace ProcNano.Tests.Programs
{
    /// <summary>The built-in programs, their program files and the ROM image /bin is mounted from.</summary>
    public class ProgramTableTests
    {
        private static byte[] FileBytes(ProgramFiles files, int i)
        {
            byte[] b = new byte[files.Size(i)];
            files.Copy(i, 0, b, 0, b.Length);
            return b;
        }

        [Theory]
        [InlineData(256)]
        [InlineData(4096)]
        public void ProgramFile_HeaderParsesBack_TextThenGreeting(int pageSize)
        {
            Program[] all = ProgramTable.All();
            var files = new ProgramFiles(all, pageSize);
            Assert.Equal(all.Length, files.Count);
            for (int i = 0; i < all.Length; i++)
            {
                Program p = all[i];
                byte[] img = FileBytes(files, i);
                var h = new ProgramHeader();
                Assert.Equal(0, ProgramHeader.Parse(img, img.Length, h));
                Assert.Equal(p.Name, h.Name);
                Assert.Equal(p.Name, files.Name(i));
                Assert.Equal(Stat.S_IFREG | 0x16D, files.Mode(i));
                Assert.Equal(img.Length, h.TextSize + h.DataSize);
                Assert.True(h.TextSize > pageSize, p.Name + ": text spans more than one page");
                Assert.Equal(pageSize / 2, h.BssSize);
                Assert.Equal(pageSize, h.StackSize);
                string greeting = System.Text.Encoding.ASCII.GetString(img, h.TextSize, h.DataSize - 1);
                Assert.Equal(p.Name + ": " + p.Help, greeting);
                Assert.Equal(0, img[img.Length - 1]);
            }
        }

        [Theory]
        [InlineData(256)]
        [InlineData(1024)]
        [InlineData(4096)]
        public void ProgramFile_EqualsTheStoredImage_FromAnyPosition(int pageSize)
        {
            Program[] all = ProgramTable.All();
            var files = new ProgramFiles(all, pageSize);
            for (int i = 0; i < all.Length; i++)
            {
                byte[] want = ReferenceRom.Image(all[i], pageSize);
                Assert.Equal(want, FileBytes(files, i));
                // Pieces that start inside the header, the filler and the greeting.
                foreach (int pos in new[] { 1, 31, 32, pageSize - 1, want.Length - 7 })
                {
                    byte[] got = new byte[want.Length - pos];
                    files.Copy(i, pos, got, 0, got.Length);
                    for (int n = 0; n < got.Length; n++) Assert.Equal(want[pos + n], got[n]);
                }
            }
        }

        [Theory]
        [InlineData(256)]
        [InlineData(1024)]
        [InlineData(4096)]
        public void Rom_IsByteForByteTheImageRomfsBuilderBuilds(int pageSize)
        {
            byte[] want = ReferenceRom.Build(pageSize);
            IRom rom = ProgramTable.Rom(pageSize);
            Assert.Equal(want.Length, rom.Length);
            Assert.Equal(want, ReferenceRom.Bytes(rom));
            Assert.True(RomfsFormat.HasMagic(want));
            Assert.Equal(pageSize, RomfsFormat.U32(want, RomfsFormat.HPageSize));
            Assert.Equal(ProgramTable.All().Length, RomfsFormat.U32(want, RomfsFormat.HCount));
        }

        [Fact]
        public void Rom_CopiedInOddPieces_GivesTheSameBytes()
        {
            byte[] want = ReferenceRom.Build(256);
            IRom rom = ProgramTable.Rom(256);
            var rnd = new System.Random(8);
            for (int at = 0; at < want.Length; )
            {
                int n = System.Math.Min(want.Length - at, 1 + rnd.Next(300));
                byte[] got = new byte[n + 2];
                rom.Copy(at, got, 1, n);
                for (int i = 0; i < n; i++) Assert.True(want[at + i] == got[1 + i], "byte " + (at + i));
                Assert.Equal(0, got[0]);
                Assert.Equal(0, got[n + 1]);
                at += n;
            }
        }

        [Fact]
        public void Find_NamesEveryProgram_AndNothingElse()
        {
            foreach (Program p in ProgramTable.All()) Assert.Equal(p.Name, ProgramTable.Find(p.Name).Name);
            Assert.Null(ProgramTable.Find("nosuch"));
        }
    }
}
