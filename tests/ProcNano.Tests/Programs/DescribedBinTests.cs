using System;
using ProcNano;
using Xunit;
using static ProcNano.Tests.Boot;
using static ProcNano.Tests.PidFiles.PidKit;

namespace ProcNano.Tests.Programs
{
    /// <summary>/bin on the described ROM looks to users exactly as the stored image did: the same bytes
    /// through read() and through user access at the ROM address, text executed in place at the same address.</summary>
    public class DescribedBinTests
    {
        // The data offset and inode number (entry offset) of 'name' in a stored image.
        private static void Entry(byte[] img, string name, out int data, out int ino)
        {
            int at = RomfsFormat.HeaderSize;
            for (int i = 0; i < RomfsFormat.U32(img, RomfsFormat.HCount); i++)
            {
                int len = RomfsFormat.U16(img, at + RomfsFormat.ENameLen);
                if (System.Text.Encoding.ASCII.GetString(img, at + RomfsFormat.EName, len) == name)
                {
                    data = RomfsFormat.U32(img, at + RomfsFormat.EData);
                    ino = at;
                    return;
                }
                at += RomfsFormat.EntrySize(len);
            }
            throw new InvalidOperationException(name);
        }

        [Theory]
        [InlineData(4096)]
        [InlineData(256)]
        public void BinFiles_ReadBackAsTheStoredImagesFiles(int pageSize)
        {
            var k = Host(pages: 256, pageSize: pageSize);
            byte[] img = ReferenceRom.Build(pageSize);
            Assert.Equal(img.Length, k.Phys.Rom.Length);
            foreach (Program p in ProgramTable.All())
            {
                Assert.Equal(ReferenceRom.Image(p, pageSize), Files.Read(k, k.Init, "/bin/" + p.Name));
                var st = new StatInfo();
                Assert.Equal(0, k.Sys.Stat(k.Init, "/bin/" + p.Name, st));
                int data, ino;
                Entry(img, p.Name, out data, out ino);
                Assert.Equal(ino, st.Ino);
                Assert.Equal(Stat.S_IFREG | 0x16D, st.Mode);
            }
        }

        [Theory]
        [InlineData(4096)]
        [InlineData(256)]
        public void Exec_MapsTextAtTheRomAddress_AndUserAccessReadsTheImagesBytes(int pageSize)
        {
            var k = Host(pages: 256, pageSize: pageSize);
            byte[] img = ReferenceRom.Build(pageSize);
            int data, ino;
            Entry(img, "hold", out data, out ino);
            Task t = Exec(k, k.Init, "hold", "1");
            Assert.Equal(k.Phys.RomBase + (uint)data, t.Mm.StartCode);

            int text = (int)(t.Mm.EndCode - t.Mm.StartCode);
            byte[] got = new byte[text];
            Assert.Equal(text, k.Sys.ReadMem(k.Init, t, t.Mm.StartCode, got, 0, text));
            for (int i = 0; i < text; i++) Assert.True(img[data + i] == got[i], "text byte " + i);
            // A piece that starts inside the filler and crosses a page.
            byte[] piece = new byte[pageSize / 2];
            uint from = t.Mm.StartCode + (uint)(pageSize * 3 / 4);
            Assert.Equal(piece.Length, k.Sys.ReadMem(k.Init, t, from, piece, 0, piece.Length));
            for (int i = 0; i < piece.Length; i++) Assert.Equal(img[data + pageSize * 3 / 4 + i], piece[i]);
            // ROM is never writable.
            Assert.Equal(-Errno.EACCES, k.Mem.Write(t.Mm, t.Mm.StartCode + 40, new byte[1], 0, 1));
            Assert.Equal(img[data + 40], Read1(k, t, t.Mm.StartCode + 40));

            var st = new StatInfo();
            Assert.Equal(0, k.Sys.Stat(k.Init, "/bin/hold", st));
            string line = MapsLine(t.Mm.StartCode, t.Mm.EndCode, "r-xs", 0, st.Major, st.Minor, ino, "/bin/hold");
            Assert.Contains(line, Cat(k, k.Init, Path(t, "maps")));
        }

        private static byte Read1(Kernel k, Task t, uint addr)
        {
            byte[] b = new byte[1];
            Assert.Equal(1, k.Sys.ReadMem(k.Init, t, addr, b, 0, 1));
            return b[0];
        }

        [Fact]
        public void TwoExecs_ShareOneTextRegion_AtTheRomAddress()
        {
            var k = Host();
            Task a = Exec(k, k.Init, "hold", "1");
            Task b = Exec(k, k.Init, "hold", "1");
            Assert.Equal(a.Mm.StartCode, b.Mm.StartCode);
            int r = k.Mem.Regions.Find(a.Mm.StartCode);
            Assert.Equal(2, k.Mem.Regions.Usage(r));
        }
    }
}
