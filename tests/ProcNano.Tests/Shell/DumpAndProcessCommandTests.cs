using Xunit;

namespace ProcNano.Tests.Shell
{
    /// <summary>xxd and hexdump -C of files, kill -l, pidof.</summary>
    public class DumpAndProcessCommandTests
    {
        private readonly ShellHarness _h = new ShellHarness();

        [Fact]
        public void Xxd_OfAFile_LooksLikeXxd()
        {
            _h.Run("echo hello > /tmp/h", out _);
            Assert.Equal("00000000: 6865 6c6c 6f0a                           hello.\n", _h.Out("xxd /tmp/h"));
            _h.Run("printf '0123456789abcdefXY' > /tmp/h2", out _);
            Assert.Equal("00000000: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef\n"
                + "00000010: 5859                                     XY\n", _h.Out("xxd /tmp/h2"));
            Assert.Equal(1, _h.Run("xxd /nosuch", out string o));
            Assert.Equal(ShellHarness.Error("xxd", "/nosuch", -Errno.ENOENT), o);
            Assert.Equal(1, _h.Run("xxd", out o));
            Assert.Equal("Usage: xxd FILE\n", o);
        }

        [Fact]
        public void HexdumpC_OfAFile_SqueezesRepeats_EndsWithTheSize()
        {
            // 40 zero bytes then "abc", as `head -c 40 /dev/zero; printf abc` gives hexdump -C:
            _h.Run("truncate -s 40 /tmp/z", out _);
            _h.Run("printf abc >> /tmp/z", out _);
            Assert.Equal("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n"
                + "00000020  00 00 00 00 00 00 00 00  61 62 63                 |........abc|\n0000002b\n", _h.Out("hexdump -C /tmp/z"));
            Assert.Equal(1, _h.Run("hexdump -C /nosuch", out string o));
            Assert.Equal(ShellHarness.Error("hexdump", "/nosuch", -Errno.ENOENT), o);
            _h.Run("truncate -s 0 /tmp/empty", out _);
            Assert.Equal("", _h.Out("hexdump -C /tmp/empty"));
        }

        [Fact]
        public void HexdumpOfMemory_StillWorks()
        {
            string addr = _h.Out("mmap 4096 rw- private").Trim();
            _h.Run("poke " + addr + " hi", out _);
            Assert.StartsWith(addr.Substring(2) + "  68 69 00", _h.Out("hexdump " + addr + " 16"));
        }

        [Fact]
        public void KillL_ListsLinuxsSignals_AndTranslates()
        {
            string o = _h.Out("kill -l");
            string[] lines = o.Split('\n');
            Assert.Equal(" 1) HUP", lines[0]);
            Assert.Equal(" 9) KILL", lines[8]);
            Assert.Equal("15) TERM", lines[14]);
            Assert.Equal("17) CHLD", lines[16]);
            Assert.Equal("31) SYS", lines[30]);
            Assert.Equal(32, lines.Length);
            Assert.Equal("KILL\n9\nTERM\n", _h.Out("kill -l 9 KILL 143"));
            Assert.Equal(1, _h.Run("kill -l NOPE", out o));
            Assert.Equal("kill: invalid signal 'NOPE'\n", o);
        }

        [Fact]
        public void Kill_TakesSignalNamesAndNumbers()
        {
            string pid = _h.Out("exec /bin/hold 1").Trim();
            Assert.Equal(0, _h.Run("kill -SIGHUP " + pid, out string o));
            Assert.Equal("", o);
            Assert.DoesNotContain("/bin/hold", _h.Out("ps"));
            pid = _h.Out("exec /bin/hold 1").Trim();
            Assert.Equal(0, _h.Run("kill -int " + pid, out o));
        }

        [Fact]
        public void Pidof_PrintsThePids_OrStatus1()
        {
            string a = _h.Out("exec /bin/hold 1").Trim(), b = _h.Out("exec /bin/hold 2").Trim();
            Assert.Equal(0, _h.Run("pidof hold", out string o));
            Assert.Equal(a + " " + b + "\n", o);
            Assert.Equal(a + " " + b + "\n", _h.Out("pidof /bin/hold"));
            Assert.Equal(1, _h.Run("pidof nosuch", out o));
            Assert.Equal("", o);
            Assert.Equal(1, _h.Run("pidof", out o));
            Assert.Equal("Usage: pidof NAME...\n", o);
        }
    }
}
