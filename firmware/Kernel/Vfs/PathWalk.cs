namespace ProcNano
{
    /// <summary>
    /// One path lookup (Linux's nameidata and link_path_walk). Keeps the stack of directories walked so far,
    /// so ".." simply pops (and so leaves a mounted file system for the directory it covers), and the names
    /// that make the absolute path. Symlinks are followed by walking their text from the link's directory;
    /// nesting is limited to 8 and the total per lookup to 40, as in Linux, else ELOOP.
    /// </summary>
    internal sealed class PathWalk
    {
        public const int NameMax = 255, PathMax = 4096, MaxNested = 8, MaxLinks = 40;
        /// <summary>Kinds of final component (Linux's LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT).</summary>
        public const int LastNorm = 0, LastRoot = 1, LastDot = 2, LastDotDot = 3;

        private readonly Vfs _vfs;
        private readonly VfsCaller _caller;
        private Inode[] _inodes = new Inode[8];
        private string[] _names = new string[8];
        private int _depth;
        private int _nested, _links;
        private bool _stopAtLast;
        private bool _inCwd;

        /// <summary>After <see cref="WalkParent"/>: the final component, left for the caller.</summary>
        public string Last;
        public int LastType;
        public bool TrailingSlash;

        public PathWalk(Vfs vfs, VfsCaller caller)
        {
            _vfs = vfs;
            _caller = caller;
            _inodes[0] = vfs.RootInode;
        }

        /// <summary>Where the walk stands.</summary>
        public Inode Inode => _inodes[_depth];

        /// <summary>Walks every component; a final symlink is followed only if <paramref name="followLast"/>
        /// (or the path ends in '/').</summary>
        public int Walk(string path, bool followLast)
        {
            int e = Begin(path);
            return e < 0 ? e : WalkFrom(path, followLast, true);
        }

        /// <summary>Walks all but the final component, which is left in <see cref="Last"/> with its kind;
        /// the walk then stands on its directory (searchable, checked).</summary>
        public int WalkParent(string path)
        {
            int e = Begin(path);
            if (e < 0) return e;
            _stopAtLast = true;
            LastType = LastRoot;
            Last = null;
            TrailingSlash = false;
            e = WalkFrom(path, true, true);
            _stopAtLast = false;
            return e;
        }

        /// <summary>Absolute path of where the walk stands ("/" at the root).</summary>
        public string AbsPath
        {
            get
            {
                if (_depth == 0) return "/";
                string s = "";
                for (int i = 1; i <= _depth; i++) s = s + "/" + _names[i];
                return s;
            }
        }

        /// <summary>Absolute path of <see cref="Last"/> inside where the walk stands.</summary>
        public string LastPath => _depth == 0 ? "/" + Last : AbsPath + "/" + Last;

        private int Begin(string path)
        {
            if (path == null || path.Length == 0) return -Errno.ENOENT;
            if (path.Length >= PathMax) return -Errno.ENAMETOOLONG;
            if (path[0] != '/' && _caller != null && _caller.Cwd != null)
            {
                // Linux holds the cwd as a dentry: reaching it again checks no permissions on the way.
                _inCwd = true;
                int e = WalkFrom(_caller.Cwd, true, false);
                _inCwd = false;
                return e;
            }
            return 0;
        }

        private int WalkFrom(string s, bool followLast, bool top)
        {
            int n = s.Length, i = 0;
            if (n > 0 && s[0] == '/') _depth = 0;
            while (true)
            {
                while (i < n && s[i] == '/') i++;
                if (i >= n) break;
                int j = i;
                while (j < n && s[j] != '/') j++;
                int next = j;
                while (next < n && s[next] == '/') next++;
                bool isLast = next >= n;
                bool trailing = isLast && j < n;
                int len = j - i;

                Inode dir = Inode;
                if (!dir.IsDir) return -Errno.ENOTDIR;
                int e = _inCwd ? 0 : _vfs.Permission(_caller, dir, Vfs.MayExec);
                if (e < 0) return e;
                if (len > NameMax) return -Errno.ENAMETOOLONG;
                bool dot = len == 1 && s[i] == '.';
                bool dotdot = len == 2 && s[i] == '.' && s[i + 1] == '.';

                if (isLast && top && _stopAtLast)
                {
                    Last = s.Substring(i, len);
                    LastType = dot ? LastDot : dotdot ? LastDotDot : LastNorm;
                    TrailingSlash = trailing;
                    return 0;
                }
                int start = i;
                i = next;
                if (dot) continue;
                if (dotdot)
                {
                    if (_depth > 0) _depth--;
                    continue;
                }

                string name = s.Substring(start, len);
                Inode child;
                e = dir.Lookup(_caller, name, out child);
                if (e < 0) return e;
                child = _vfs.CrossMounts(child);
                if (child.IsLink && (!isLast || followLast || trailing))
                {
                    e = Follow(child);
                    if (e < 0) return e;
                    continue;
                }
                Push(child, name);
            }
            // "name/" must name a directory (after following it).
            if (n > 0 && s[n - 1] == '/' && !Inode.IsDir) return -Errno.ENOTDIR;
            return 0;
        }

        private int Follow(Inode link)
        {
            if (_nested >= MaxNested || _links >= MaxLinks) return -Errno.ELOOP;
            _links++;
            int err;
            string target = link.ReadLink(_caller, out err);
            if (target == null) return err < 0 ? err : -Errno.ENOENT;
            if (target.Length == 0) return -Errno.ENOENT;
            _nested++;
            int e = WalkFrom(target, true, false);
            _nested--;
            return e;
        }

        private void Push(Inode child, string name)
        {
            _depth++;
            if (_depth == _inodes.Length)
            {
                Inode[] ni = new Inode[_inodes.Length * 2];
                string[] nn = new string[_names.Length * 2];
                for (int k = 0; k < _depth; k++) { ni[k] = _inodes[k]; nn[k] = _names[k]; }
                _inodes = ni;
                _names = nn;
            }
            _inodes[_depth] = child;
            _names[_depth] = name;
        }
    }
}
