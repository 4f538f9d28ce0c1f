using ProcNano;
using Xunit;

namespace ProcNano.Tests.Programs
{
    /// <summary>The built-in programs, their program files and the ROM image /bin is mounted from.</summary>
    public class ProgramTableTests
    {
        [Theory]
        [InlineData(256)]
        [InlineData(4096)]
        public void Image_HeaderParsesBack_TextThenGreeting(int pageSize)
        {
            foreach (Program p in ProgramTable.All())
            {
                byte[] img = ProgramTable.Image(p, pageSize);
                var h = new ProgramHeader();
                Assert.Equal(0, ProgramHeader.Parse(img, img.Length, h));
                Assert.Equal(p.Name, h.Name);
                Assert.Equal(img.Length, h.TextSize + h.DataSize);
                Assert.True(h.TextSize > pageSize, p.Name + ": text spans more than one page");
                string greeting = System.Text.Encoding.ASCII.GetString(img, h.TextSize, h.DataSize - 1);
                Assert.Equal(p.Name + ": " + p.Help, greeting);
            }
        }

        [Fact]
        public void BuildRom_HoldsOneFilePerProgram_ForThePageSize()
        {
            byte[] rom = ProgramTable.BuildRom(256);
            Assert.True(RomfsFormat.HasMagic(rom));
            Assert.Equal(256, RomfsFormat.U32(rom, RomfsFormat.HPageSize));
            Assert.Equal(ProgramTable.All().Length, RomfsFormat.U32(rom, RomfsFormat.HCount));
        }

        [Fact]
        public void Find_NamesEveryProgram_AndNothingElse()
        {
            foreach (Program p in ProgramTable.All()) Assert.Equal(p.Name, ProgramTable.Find(p.Name).Name);
            Assert.Null(ProgramTable.Find("nosuch"));
        }
    }
}
