using ProcNano;
using Xunit;
using static ProcNano.Tests.Proc.Generic.GenKit;

namespace ProcNano.Tests.Proc.Generic
{
    public class FilesystemsTests
    {
        [Fact]
        public void RegisteredTypes_NodevOrTab_InRegistrationOrder()
        {
            var k = Boot();
            Assert.Equal("nodev\tramfs\n\tromfs\n\tflashfs\nnodev\tproc\n", Cat(k, k.Init, "/proc/filesystems"));
        }

        [Fact]
        public void TypeRegisteredLater_AppearsAtTheEnd()
        {
            var k = Boot();
            Assert.Equal(0, k.Vfs.RegisterFs("tmpfs", true, k.Fs.MountRamfs));
            Assert.Equal(0, k.Vfs.RegisterFs("blockfs", false, k.Fs.MountRamfs));
            Assert.EndsWith("nodev\tproc\nnodev\ttmpfs\n\tblockfs\n", Cat(k, k.Init, "/proc/filesystems"));
        }
    }
}
