using System;
using System.IO;
using System.Linq;
using ProcNano;
using ProcNano.App;
using Xunit;

namespace ProcNano.App.Tests
{
    /// <summary>/flash on the device, over an in-memory drive that behaves as nanoFramework's where it matters:
    /// the store lives in a folder of its own and nothing outside it is reachable, and each failure gets the
    /// errno of its cause.</summary>
    public class LittleFsStorageTests
    {
        private static byte[] Bytes(string s) => System.Text.Encoding.ASCII.GetBytes(s);

        private static LittleFsStorage Fresh()
        {
            FakeDrive.Reset();
            // nanoFramework's own configuration blocks at the drive's root: Wi-Fi credentials, certificates.
            FakeDrive.Files["I:\\con_wifi.sys"] = Bytes("ssid=home;password=hunter2").ToList();
            FakeDrive.Files["I:\\con_cert.sys"] = Bytes("-----BEGIN CERTIFICATE-----").ToList();
            return new LittleFsStorage(LittleFsStorage.Folder);
        }

        [Fact]
        public void Store_IsAFolderOfItsOwn_MadeAtBoot()
        {
            Fresh();
            Assert.Equal("I:\\procnano", LittleFsStorage.Folder);
            Assert.Contains("I:\\procnano", FakeDrive.Dirs);
        }

        [Fact]
        public void TheDrivesConfigFiles_AreNotListedReadOrDeleted()
        {
            var s = Fresh();
            Assert.Equal(0, s.Count);
            Assert.Null(s.NameAt(0));
            Assert.Equal(-Errno.ENOENT, s.SizeOf("con_wifi.sys"));
            Assert.Equal(-Errno.ENOENT, s.Read("con_wifi.sys", 0, new byte[64], 0, 64));
            Assert.Equal(-Errno.ENOENT, s.Delete("con_wifi.sys"));
            Assert.True(FakeDrive.Files.ContainsKey("I:\\con_wifi.sys"));
        }

        [Theory]
        [InlineData("..\\con_wifi.sys")]
        [InlineData("\\con_wifi.sys")]
        [InlineData("I:con_wifi.sys")]
        [InlineData("sub/con_wifi.sys")]
        [InlineData("..")]
        [InlineData(".")]
        [InlineData("")]
        [InlineData("bad\nname")]
        public void Names_ThatWouldLeaveTheFolder_AreRefused(string name)
        {
            var s = Fresh();
            Assert.Null(LittleFsStorage.PathOf("I:\\procnano\\", name));
            Assert.Equal(-Errno.EINVAL, s.Write(name, 0, Bytes("x"), 0, 1));
            Assert.Equal(-Errno.EINVAL, s.Truncate(name, 0));
            Assert.Equal(-Errno.ENOENT, s.Read(name, 0, new byte[8], 0, 8));
            Assert.Equal(-Errno.ENOENT, s.SizeOf(name));
            Assert.Equal(-Errno.ENOENT, s.Delete(name));
            Assert.Equal("ssid=home;password=hunter2", System.Text.Encoding.ASCII.GetString(FakeDrive.Files["I:\\con_wifi.sys"].ToArray()));
            Assert.Equal(2, FakeDrive.Files.Count);
        }

        [Fact]
        public void PathOf_MapsAPlainNameIntoTheFolder()
        {
            Assert.Equal("I:\\procnano\\demo.txt", LittleFsStorage.PathOf("I:\\procnano\\", "demo.txt"));
            Assert.Equal("I:\\procnano\\.hidden", LittleFsStorage.PathOf("I:\\procnano\\", ".hidden"));
        }

        [Fact]
        public void Files_AreListedSorted_AndTheListFollowsCreatesAndDeletes()
        {
            var s = Fresh();
            Assert.Equal(1, s.Write("b", 0, Bytes("x"), 0, 1));
            Assert.Equal(1, s.Write("a", 0, Bytes("y"), 0, 1));
            Assert.Equal(new[] { "a", "b" }, new[] { s.NameAt(0), s.NameAt(1) });
            Assert.Equal(2, s.Count);
            Assert.Equal(0, s.Delete("a"));
            Assert.Equal(1, s.Count);
            Assert.Equal("b", s.NameAt(0));
            Assert.True(FakeDrive.Files.ContainsKey("I:\\procnano\\b"));
        }

        [Fact]
        public void Write_PastTheEnd_FillsTheGapWithZeros_AndReadsBack()
        {
            var s = Fresh();
            Assert.Equal(2, s.Write("f", 3, Bytes("hi"), 0, 2));
            Assert.Equal(5, s.SizeOf("f"));
            var buf = new byte[8];
            Assert.Equal(5, s.Read("f", 0, buf, 0, 8));
            Assert.Equal(new byte[] { 0, 0, 0, (byte)'h', (byte)'i' }, buf.Take(5).ToArray());
            Assert.Equal(0, s.Read("f", 5, buf, 0, 8));
            Assert.Equal(0, s.Truncate("f", 1));
            Assert.Equal(1, s.SizeOf("f"));
        }

        [Fact]
        public void AFileInUse_IsBusy_NotAFullDisk()
        {
            var s = Fresh();
            Assert.Equal(1, s.Write("f", 0, Bytes("x"), 0, 1));
            using (new FileStream("I:\\procnano\\f", FileMode.Open, FileAccess.Read))
            {
                Assert.Equal(-Errno.EBUSY, s.Write("f", 0, Bytes("y"), 0, 1));
                Assert.Equal(-Errno.EBUSY, s.Truncate("f", 0));
                Assert.Equal(-Errno.EBUSY, s.Read("f", 0, new byte[1], 0, 1));
            }
            Assert.Equal(1, s.Write("f", 0, Bytes("y"), 0, 1));
        }

        [Fact]
        public void AFullPartition_IsNoSpace()
        {
            var s = Fresh();
            FakeDrive.Capacity = FakeDrive.Used + 4;
            Assert.Equal(4, s.Write("f", 0, Bytes("1234"), 0, 4));
            Assert.Equal(-Errno.ENOSPC, s.Write("f", 4, Bytes("5"), 0, 1));
            Assert.Equal(-Errno.ENOSPC, s.Truncate("g", 100));
        }

        [Theory]
        [InlineData(IOException.IOExceptionErrorCode.FileNotFound, false, -Errno.ENOENT)]
        [InlineData(IOException.IOExceptionErrorCode.DirectoryNotFound, true, -Errno.ENOENT)]
        [InlineData(IOException.IOExceptionErrorCode.PathTooLong, true, -Errno.ENAMETOOLONG)]
        [InlineData(IOException.IOExceptionErrorCode.PathAlreadyExists, true, -Errno.EEXIST)]
        [InlineData(IOException.IOExceptionErrorCode.DirectoryNotEmpty, false, -Errno.ENOTEMPTY)]
        [InlineData(IOException.IOExceptionErrorCode.UnauthorizedAccess, true, -Errno.EBUSY)]
        [InlineData(IOException.IOExceptionErrorCode.TooManyOpenHandles, true, -Errno.EMFILE)]
        [InlineData(IOException.IOExceptionErrorCode.VolumeNotFound, false, -Errno.ENODEV)]
        [InlineData(IOException.IOExceptionErrorCode.InvalidDriver, true, -Errno.ENODEV)]
        [InlineData(IOException.IOExceptionErrorCode.Others, true, -Errno.ENOSPC)]
        [InlineData(IOException.IOExceptionErrorCode.Others, false, -Errno.EIO)]
        public void ErrnoOf_NamesTheCause(IOException.IOExceptionErrorCode code, bool writing, int errno)
        {
            Assert.Equal(errno, LittleFsStorage.ErrnoOf(new IOException("", (int)code), writing));
        }

        [Fact]
        public void ErrnoOf_OtherExceptions()
        {
            Assert.Equal(-Errno.ENOMEM, LittleFsStorage.ErrnoOf(new OutOfMemoryException(), true));
            Assert.Equal(-Errno.EINVAL, LittleFsStorage.ErrnoOf(new ArgumentException(), true));
            Assert.Equal(-Errno.EIO, LittleFsStorage.ErrnoOf(new NotSupportedException(), true));
        }

        [Fact]
        public void EachOperation_ReportsTheDrivesFailure()
        {
            var s = Fresh();
            Assert.Equal(1, s.Write("f", 0, Bytes("x"), 0, 1));
            FakeDrive.Fail = new IOException("", (int)IOException.IOExceptionErrorCode.InvalidDriver);
            Assert.Equal(-Errno.ENODEV, s.Read("f", 0, new byte[1], 0, 1));
            FakeDrive.Fail = new OutOfMemoryException();
            Assert.Equal(-Errno.ENOMEM, s.SizeOf("f"));
            FakeDrive.Fail = new IOException("");
            Assert.Equal(-Errno.EIO, s.Delete("f"));
            Assert.Equal(0, s.Delete("f"));
        }

        [Fact]
        public void AFolderThatWent_IsAnEmptyStore()
        {
            var s = Fresh();
            FakeDrive.Dirs.Remove("I:\\procnano");
            Assert.Equal(0, s.Count);
        }

        [Fact]
        public void NoDrive_TheConstructorSaysSo()
        {
            FakeDrive.Reset();
            FakeDrive.Dirs.Clear();
            Assert.Throws<IOException>(() => new LittleFsStorage(LittleFsStorage.Folder));
        }
    }
}
