using System.IO;
using System.Linq;
using Xunit;

namespace ProcNano.Tests.Build
{
    /// <summary>
    /// tests/ProcNano.App.Tests runs the device glue against test doubles of the nanoFramework APIs. Those doubles
    /// are only worth something if they are the APIs the glue is built against in CI: every member a stand-in
    /// declares (firmware/StandIns) must be on the double with the same signature, and the double of mscorlib's
    /// IOException must be mscorlib's.
    /// </summary>
    public class AppFakesTests
    {
        private static string StandIn(string name) => Path.Combine(Path.GetDirectoryName(RepoPaths.AppNanoDll), name + ".dll");

        [Theory]
        [InlineData("System.IO.Ports")]
        [InlineData("System.IO.FileSystem")]
        [InlineData("System.IO.Streams")]
        public void TestDoubles_DeclareEveryStandInMember(string assembly)
        {
            Assert.True(System.IO.File.Exists(RepoPaths.AppTestsDll), "not built: " + RepoPaths.AppTestsDll);
            var fakes = ApiSurface.Of(RepoPaths.AppTestsDll);
            var missing = ApiSurface.Of(StandIn(assembly)).Where(l => !fakes.Contains(l)).ToList();
            Assert.True(missing.Count == 0, "the test doubles lack (or differ from) these stand-in members:\n  " + string.Join("\n  ", missing));
        }

        [Fact]
        public void TestDouble_OfIOException_IsMscorlibs()
        {
            var mscorlib = ApiSurface.Of(RepoPaths.NanoMscorlibDll);
            var fake = ApiSurface.Of(RepoPaths.AppTestsDll).Where(l => l.Contains(" System.IO.IOException")).ToList();
            Assert.NotEmpty(fake);
            var differ = fake.Where(l => !mscorlib.Contains(l)).ToList();
            Assert.True(differ.Count == 0, "the IOException double is not mscorlib 1.17.11's:\n  " + string.Join("\n  ", differ));
            Assert.Contains(mscorlib, l => l.StartsWith("F System.IO.IOException+IOExceptionErrorCode::UnauthorizedAccess="));
            Assert.Equal(mscorlib.Count(l => l.StartsWith("F System.IO.IOException+")), fake.Count(l => l.StartsWith("F System.IO.IOException+")));
        }
    }
}
