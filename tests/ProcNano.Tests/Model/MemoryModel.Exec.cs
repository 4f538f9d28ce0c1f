using System.Linq;
using ProcNano;
using Xunit;

namespace ProcNano.Tests.Model
{
    /// <summary>
    /// exec in the model: /bin/hold copied to /flash (flashfs maps by copy only), started with a page count. The
    /// loader maps the text read-only from the file (a private copy, shared with every task running the file,
    /// binfmt_flat-style), data and bss as one anonymous copy, then the stack; the program maps its pages. The
    /// sizes come from the program's header; the addresses from the kernel (its mm's start_code, start_data,
    /// start_stack, and the one other VMA: the program's); everything else is predicted. An exec that runs out of
    /// arena leaves nothing behind; with a free block of twice everything it needs, it must succeed.
    /// </summary>
    internal sealed partial class MemoryModel
    {
        private const string ProgramPath = "/flash/H";
        private MFile _program;
        private int _textPages, _dataPages, _stackPages;
        private long _textLen, _dataLen, _stackLen;

        private void AddProgram()
        {
            byte[] image = Files.Read(_k, _k.Init, "/bin/hold");
            Files.Write(_k, _k.Init, ProgramPath, image);
            var h = new ExecImage();
            Assert.Equal(0, ProgramHeader.Parse(image, image.Length, h));
            _textLen = h.TextSize;
            _dataLen = h.DataSize + h.BssSize;
            _stackLen = h.StackSize;
            _textPages = PagesOf(_textLen);
            _dataPages = PagesOf(_dataLen);
            _stackPages = PagesOf(_stackLen);
            var st = new StatInfo();
            Assert.Equal(0, _k.Sys.Stat(_k.Init, ProgramPath, st));
            _program = new MFile { Path = ProgramPath, Ino = st.Ino, Major = 0x1f, Minor = 1, Pages = _textPages };
        }

        private int PagesOf(long len) => (int)((len + _ps - 1) / _ps);

        private void Exec(int holdPages)
        {
            Region text = _regions.FirstOrDefault(r => r.File == _program);
            int need = (text == null ? Pow2(_textPages) : 0) + (_dataPages > 0 ? Pow2(_dataPages) : 0) + Pow2(_stackPages) + Pow2(holdPages);
            bool room = _k.Pages.LargestFreeBlock >= 2 * Pow2(need);
            int pid = _k.Sys.Exec(_k.Init, ProgramPath, new[] { ProgramPath, holdPages.ToString() }, 0);
            if (pid < 0)
            {
                Assert.False(room, "exec failed (" + Errno.StrError(-pid) + ") with a free block of " + _k.Pages.LargestFreeBlock + " pages for " + need);
                Assert.Equal(-Errno.ENOMEM, pid);
                return;   // Compare finds anything it left behind
            }
            ProcNano.Task t = _k.Sys.FindTask(_k.Init, pid);
            Assert.NotNull(t);
            var mt = new MTask { T = t };
            Mm mm = t.Mm;

            if (text == null)
            {
                text = new Region { Start = mm.StartCode, End = mm.StartCode + (uint)(_textPages * _ps), Top = mm.StartCode + (uint)(Kept(_textPages) * _ps), Copy = true, Usage = 0, Perms = "r-xs", File = _program };
                AddRegion(text);
            }
            Assert.Equal(text.Start, mm.StartCode);   // every task running the file shares the one text copy
            text.Usage++;
            mt.Vmas.Add(new Vma { Start = text.Start, End = text.Start + (uint)_textLen, R = text, Perms = "r-xs" });
            if (_dataLen > 0) AddAnon(mt, mm.StartData, _dataLen, _dataPages);
            AddAnon(mt, mm.StartStack - (uint)_stackLen, _stackLen, _stackPages);
            // The program's own map: the one VMA of the task that is none of the loader's.
            uint[] loaders = mt.Vmas.Select(v => v.Start).ToArray();
            uint hold = ProcMaps.Starts(_k, pid).Single(a => !loaders.Contains(a));
            AddAnon(mt, hold, (long)holdPages * _ps, holdPages);
            _tasks.Add(mt);
        }

        private void AddAnon(MTask t, uint start, long len, int pages)
        {
            var reg = new Region { Start = start, End = start + (uint)(pages * _ps), Top = start + (uint)(Kept(pages) * _ps), Copy = true, Usage = 1, Perms = "rw-p" };
            AddRegion(reg);
            t.Vmas.Add(new Vma { Start = start, End = start + (uint)len, R = reg, Perms = "rw-p" });
        }
    }

    /// <summary>The start addresses of a task's VMAs, from /proc/&lt;pid&gt;/maps.</summary>
    internal static class ProcMaps
    {
        public static uint[] Starts(Kernel k, int pid)
        {
            string text = System.Text.Encoding.ASCII.GetString(Files.Read(k, k.Init, "/proc/" + pid + "/maps"));
            return text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
                .Select(l => System.Convert.ToUInt32(l.Substring(0, 8), 16)).ToArray();
        }
    }
}
