using System.Collections.Generic;

namespace ProcNano.HostSim.Web
{
    /// <summary>Where the web view's pictures and /proc files come from: the simulator's own kernel
    /// (<see cref="LocalSource"/>) or a board's shell over its serial line (<see cref="AttachSource"/>).</summary>
    public interface ISnapshotSource
    {
        /// <summary>What the page's title says: "simulator (host)", "attach /dev/ttyUSB1".</summary>
        string Name { get; }

        /// <summary>How often the web view takes a picture to see whether anything changed.</summary>
        int RefreshMs { get; }

        MemSnapshot Take();

        /// <summary>A path as `cat` prints it, or a directory's entries as `ls` lists them.</summary>
        ProcView Read(string path);
    }

    public sealed class ProcView
    {
        public string Path { get; set; } = "";
        public bool Dir { get; set; }
        public List<ProcEntryView> Entries { get; set; }
        public string Text { get; set; }
        /// <summary>The shell's message (`cat: /proc/x: No such file or directory`), or null.</summary>
        public string Error { get; set; }
    }

    public sealed class ProcEntryView
    {
        public string Name { get; set; } = "";
        /// <summary>d (directory), l (link: a directory or a file, known when opened) or - (file).</summary>
        public string Type { get; set; } = "-";
    }
}
