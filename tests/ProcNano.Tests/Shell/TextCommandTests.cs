using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>head, tail, wc, grep and printf: normal output, errors, -h.</summary>
    public class TextCommandTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        private void Lines(string path, int n)
        {
            for (int i = 1; i <= n; i++) Assert.Equal(0, _h.Run("echo line" + i + (i == 1 ? " > " : " >> ") + path, out _));
        }

        [Fact]
        public void Printf_FormatsLikeCoreutils()
        {
            Assert.Equal("a=5 b=ff c=  7|x  |007\n", _h.Out("printf 'a=%d b=%x c=%3d|%-3s|%03d\\n' 5 255 7 x 7"));
            Assert.Equal("1\n2\n3\n", _h.Out("printf '%s\\n' 1 2 3"));   // the format is reused
            Assert.Equal("100% A\t-3\n", _h.Out("printf '%d%% %c\\t%i\\n' 100 Abc -3"));
            Assert.Equal("17 1F 65\n", _h.Out("printf '%o %X %d\\n' 15 0x1f \"'A\""));
            Assert.Equal("[]\n", _h.Out("printf '[%s]\\n'"));
        }

        [Fact]
        public void Printf_BadNumber_IsReported_Status1_AndCountsAsZero()
        {
            Assert.Equal(1, _h.Run("printf '%d\\n' abc", out string o));
            Assert.Equal("printf: invalid number 'abc'\n0\n", o);
            Assert.Equal(1, _h.Run("printf", out o));
            Assert.StartsWith("Usage: printf FORMAT", o);
        }

        [Fact]
        public void Printf_WritesIntoAFile()
        {
            Assert.Equal(0, _h.Run("printf 'x\\ty\\n' > /tmp/p", out _));
            Assert.Equal("x\ty\n", _h.Out("cat /tmp/p"));
        }

        [Fact]
        public void Head_FirstTenByDefault_OrN_OrBytes()
        {
            Lines("/tmp/f", 12);
            string o = _h.Out("head /tmp/f");
            Assert.Equal(10, o.Split('\n').Length - 1);
            Assert.StartsWith("line1\n", o);
            Assert.EndsWith("line10\n", o);
            Assert.Equal("line1\nline2\n", _h.Out("head -n 2 /tmp/f"));
            Assert.Equal("line", _h.Out("head -c 4 /tmp/f"));
            Assert.Equal("", _h.Out("head -n 0 /tmp/f"));
        }

        [Fact]
        public void Tail_LastTenByDefault_OrN_OrBytes()
        {
            Lines("/tmp/f", 12);
            string o = _h.Out("tail /tmp/f");
            Assert.Equal(10, o.Split('\n').Length - 1);
            Assert.StartsWith("line3\n", o);
            Assert.Equal("line11\nline12\n", _h.Out("tail -n 2 /tmp/f"));
            Assert.Equal("12\n", _h.Out("tail -c 3 /tmp/f"));
            Lines("/tmp/two", 2);
            Assert.Equal("line1\nline2\n", _h.Out("tail -n 5 /tmp/two"));
        }

        [Fact]
        public void Tail_AcrossBufferBoundaries_AndWithoutAFinalNewline()
        {
            // 60 lines of 9-10 bytes: several 256-byte reads.
            Lines("/tmp/big", 60);
            Assert.Equal("line58\nline59\nline60\n", _h.Out("tail -n 3 /tmp/big"));
            Assert.EndsWith("line29\nline30\n", _h.Out("head -n 30 /tmp/big"));
            _h.Run("printf 'a\\nb\\nc' > /tmp/nonl", out _);
            Assert.Equal("b\nc", _h.Out("tail -n 2 /tmp/nonl"));
            Assert.Equal("      2       3       5 /tmp/nonl\n", _h.Out("wc /tmp/nonl"));
        }

        [Fact]
        public void HeadTail_SeveralFiles_GetHeaders_MissingFileIsAnError()
        {
            Lines("/tmp/a", 1);
            Lines("/tmp/b", 2);
            Assert.Equal("==> /tmp/a <==\nline1\n\n==> /tmp/b <==\nline2\n", _h.Out("tail -n 1 /tmp/a /tmp/b"));
            Assert.Equal(1, _h.Run("head /tmp/nosuch", out string o));
            Assert.Equal(ShellHarness.Error("head", "/tmp/nosuch", -Errno.ENOENT), o);
            Assert.Equal(1, _h.Run("head -n x /tmp/a", out o));
            Assert.Equal("head: invalid number 'x'\n", o);
            Assert.Equal(1, _h.Run("tail", out o));
            Assert.StartsWith("Usage: tail", o);
        }

        [Fact]
        public void Wc_CountsLinesWordsBytes_WithATotal()
        {
            _h.Run("echo one two > /tmp/w1; echo three > /tmp/w2", out _);
            Assert.Equal("      1       2       8 /tmp/w1\n", _h.Out("wc /tmp/w1"));
            Assert.Equal("      1 /tmp/w1\n      1 /tmp/w2\n      2 total\n", _h.Out("wc -l /tmp/w1 /tmp/w2"));
            Assert.Equal("      3      14 total\n", _h.Out("wc -wc /tmp/w1 /tmp/w2").Split('\n')[2] + "\n");
            Assert.Equal(1, _h.Run("wc -z /tmp/w1", out string o));
            Assert.StartsWith("Usage: wc", o);
            Assert.Equal(1, _h.Run("wc /nosuch", out o));
            Assert.Equal(ShellHarness.Error("wc", "/nosuch", -Errno.ENOENT), o);
        }

        [Fact]
        public void Grep_FixedStrings_WithVCNI()
        {
            _h.Run("printf 'alpha\\nBeta\\ngamma beta\\ndelta\\n' > /tmp/g", out _);
            Assert.Equal(0, _h.Run("grep beta /tmp/g", out string o));
            Assert.Equal("gamma beta\n", o);
            Assert.Equal("Beta\ngamma beta\n", _h.Out("grep -i BETA /tmp/g"));
            Assert.Equal("1:alpha\n4:delta\n", _h.Out("grep -vn eta /tmp/g"));
            Assert.Equal("2\n", _h.Out("grep -ic beta /tmp/g"));
            Assert.Equal(1, _h.Run("grep zeta /tmp/g", out o));
            Assert.Equal("", o);
            _h.Run("echo beta > /tmp/g2", out _);
            Assert.Equal("/tmp/g:gamma beta\n/tmp/g2:beta\n", _h.Out("grep beta /tmp/g /tmp/g2"));
        }

        [Fact]
        public void Grep_ReadsProcFiles_AndLongFiles()
        {
            Assert.StartsWith("MemTotal:", _h.Out("grep MemTotal /proc/meminfo"));
            Lines("/tmp/big", 80);
            Assert.Equal("line37\n", _h.Out("grep ne37 /tmp/big"));
            Assert.Equal(17, _h.Out("grep 7 /tmp/big").Split('\n').Length - 1);   // 7, 17 ... 67 and 70..79
            Assert.Equal("line80\n", _h.Out("grep line80 /tmp/big"));
        }

        [Fact]
        public void Grep_Errors_AreStatus2()
        {
            Assert.Equal(2, _h.Run("grep x /nosuch", out string o));
            Assert.Equal(ShellHarness.Error("grep", "/nosuch", -Errno.ENOENT), o);
            Assert.Equal(2, _h.Run("grep onlypattern", out o));
            Assert.StartsWith("Usage: grep", o);
        }
    }
}
