namespace ProcNano
{
    /// <summary>
    /// Every shell command, one row each (name, synopsis, one-line help, body), in the order `help` lists
    /// them. The table is code, not data: a row costs no object, delegate or array on the device's heap
    /// (an object and a delegate per row per shell were 5 KB of nanoCLR heap). Adding a command is adding a
    /// case to <see cref="Row"/> and to <see cref="Invoke"/> under the same number; a test checks they agree.
    /// Numbers may leave gaps (a row that is false): walkers go up to <see cref="Count"/> and skip them.
    /// </summary>
    public static class CommandTable
    {
        public const int Count = 66;

        /// <summary>Row <paramref name="i"/>'s name, synopsis and help; false past the end. The command gives
        /// -h a meaning of its own when <paramref name="ownsDashH"/> (free -h: human units).</summary>
        public static bool Row(int i, out string name, out string usage, out string help, out bool ownsDashH)
        {
            ownsDashH = false;
            switch (i)
            {
                case 0: name = "cat"; usage = "cat FILE..."; help = "print files"; return true;
                case 1: name = "cd"; usage = "cd [DIR]"; help = "change the working directory (default /)"; return true;
                case 2: name = "cp"; usage = "cp SRC DST"; help = "copy a file (DST may be a directory)"; return true;
                case 3: name = "dmesg"; usage = "dmesg"; help = "print the kernel log"; return true;
                case 4: name = "echo"; usage = "echo [-n] [TEXT...]"; help = "print the words, then a newline (-n: none)"; ownsDashH = true; return true;
                case 5: name = "exec"; usage = "exec PATH [ARGS...]"; help = "start a program file as a new task; prints its pid"; return true;
                case 6: name = "exit"; usage = "exit [STATUS]"; help = "leave the shell"; return true;
                case 7: name = "free"; usage = "free [-h]"; help = "arena pages and managed heap: total, used, free, largest free block (kB; -h human units)"; ownsDashH = true; return true;
                case 8: name = "help"; usage = "help [COMMAND]"; help = "list the commands, or show one command's usage"; return true;
                case 9: name = "hexdump"; usage = "hexdump [-p PID] ADDR LEN | hexdump -C FILE"; help = "dump a task's mapped memory, or a file, hexdump -C style"; return true;
                case 10: name = "id"; usage = "id"; help = "print the shell's user and group ids"; return true;
                case 11: name = "insmod"; usage = "insmod NAME"; help = "load a built-in driver module"; return true;
                case 12: name = "kill"; usage = "kill [-SIGNAL] PID... | kill -l [SIGNAL...]"; help = "send a signal (default TERM; a number or a name: 9, KILL, SIGKILL); -l lists them"; return true;
                case 13: name = "ls"; usage = "ls [-la] [PATH...]"; help = "list directories (-l long, -a dot files)"; return true;
                case 14: name = "mkdir"; usage = "mkdir [-p] DIR..."; help = "make directories (-p: parents too, no error if present)"; return true;
                case 15: name = "mmap"; usage = "mmap [-p PID] [-a ADDR | -f ADDR] LEN PROT shared|private [PATH [OFFSET]]"; help = "map memory (PROT like rw-; -a address hint, -f MAP_FIXED); prints the address"; return true;
                case 16: name = "mount"; usage = "mount [-t TYPE [SOURCE] DIR]"; help = "mount a file system; alone, list the mounts"; return true;
                case 17: name = "munmap"; usage = "munmap [-p PID] ADDR LEN"; help = "unmap memory"; return true;
                case 18: name = "poke"; usage = "poke [-p PID] ADDR TEXT"; help = "write text into a task's mapped memory (\\n \\t \\\\ \\xHH escapes)"; return true;
                case 19: name = "ps"; usage = "ps"; help = "list tasks: PID PPID USER STAT VSZ RSS (kB) HEAP (bytes) COMMAND"; return true;
                case 20: name = "pwd"; usage = "pwd"; help = "print the working directory"; return true;
                case 21: name = "readlink"; usage = "readlink [-v] PATH"; help = "print a symbolic link's target (-v: say why not)"; return true;
                case 22: name = "rm"; usage = "rm [-d] PATH..."; help = "remove files (-d: empty directories too)"; return true;
                case 23: name = "rmmod"; usage = "rmmod NAME"; help = "unload a driver module"; return true;
                case 24: name = "shmat"; usage = "shmat [-p PID] ID"; help = "attach a SysV shm segment; prints the address"; return true;
                case 25: name = "shmdt"; usage = "shmdt [-p PID] ADDR"; help = "detach one shm attachment"; return true;
                case 26: name = "shmget"; usage = "shmget [-c] [-x] KEY SIZE [MODE]"; help = "get a SysV shm segment (KEY 0: private; -c IPC_CREAT, -x IPC_EXCL, MODE octal; none: -c 0666); prints its id"; return true;
                case 27: name = "shmrm"; usage = "shmrm ID"; help = "remove a shm segment once its last attachment goes"; return true;
                case 28: name = "su"; usage = "su [UID]"; help = "become user UID (default 0, root)"; return true;
                case 29: name = "sysctl"; usage = "sysctl [-a] [-w] NAME[=VALUE]..."; help = "read or write /proc/sys values (kernel.hostname, vm.nr_trim_pages)"; return true;
                case 30: name = "truncate"; usage = "truncate -s SIZE FILE..."; help = "set a file's size (creates it if absent)"; return true;
                case 31: name = "umount"; usage = "umount DIR"; help = "unmount a file system"; return true;
                case 32: name = "uname"; usage = "uname [-asnrvm]"; help = "print system information"; return true;
                case 33: name = "unshare"; usage = "unshare [-p] [-n] PATH [ARGS...] | unshare [-p] [-n] sh [-c CMD]"; help = "exec in new pid (-p) / net (-n) namespaces; prints the pid (sh: a shell there, until exit)"; return true;
                case 34: name = "uptime"; usage = "uptime"; help = "time of day, time since boot, task count"; return true;
                case 35: name = "memmap"; usage = "memmap [-w COLS] [-p PID] [-c]"; help = "the page arena as a grid, a letter per region; legend, buddy orders, fragmentation"; return true;
                case 36: name = "reboot"; usage = "reboot"; help = "restart the board (root)"; return true;
                case 37: name = "selftest"; usage = "selftest"; help = "check the kernel's tables and run its rules, one line per check (root)"; return true;
                // The language's builtins (ScriptCommands).
                case 38: name = "export"; usage = "export [NAME[=VALUE]...]"; help = "put variables in the environment of programs started later; alone, list it"; return true;
                case 39: name = "env"; usage = "env"; help = "print the environment programs get (the exported variables)"; return true;
                case 40: name = "unset"; usage = "unset NAME..."; help = "remove shell variables"; return true;
                case 41: name = "test"; usage = "test EXPR"; help = "-e -f -d FILE, -z -n S, S = S, S != S, N -eq|-ne|-lt|-le|-gt|-ge N, ! EXPR: status 0 true, 1 false, 2 error"; ownsDashH = true; return true;
                case 42: name = "["; usage = "[ EXPR ]"; help = "test EXPR"; ownsDashH = true; return true;
                case 43: name = "source"; usage = "source FILE"; help = "run a script's commands in this shell"; return true;
                case 44: name = "."; usage = ". FILE"; help = "source FILE"; return true;
                case 45: name = "sh"; usage = "sh FILE"; help = "run a script in a child shell task; its status is the script's"; return true;
                case 46: name = "wait"; usage = "wait [PID...]"; help = "wait for background jobs (all, or those named); status of the last"; return true;
                case 47: name = "jobs"; usage = "jobs"; help = "list the background jobs: number, state, pid, command"; return true;
                case 48: name = "true"; usage = "true"; help = "do nothing, successfully"; return true;
                case 49: name = "false"; usage = "false"; help = "do nothing, unsuccessfully (status 1)"; return true;
                // The commands of issue 12 (TextCommands, TimeCommands, PathCommands, ProcessCommands).
                case 50: name = "sleep"; usage = "sleep SECONDS"; help = "wait SECONDS (fractions too: 0.5); Ctrl-C stops it"; return true;
                case 51: name = "time"; usage = "time COMMAND [ARGS...]"; help = "run a command; print its wall time and the memory it left in use"; return true;
                case 52: name = "watch"; usage = "watch [-n SECONDS] COMMAND [ARGS...]"; help = "clear the screen and rerun a command every SECONDS (default 2) until Ctrl-C"; return true;
                case 53: name = "date"; usage = "date [-u] [+FORMAT]"; help = "print the wall clock (UTC; FORMAT: %Y %m %d %H %M %S %s %%)"; return true;
                case 54: name = "mv"; usage = "mv SRC DST"; help = "rename a file or directory (DST may be a directory)"; return true;
                case 55: name = "ln"; usage = "ln -s TARGET LINK"; help = "make a symbolic link (only -s: no hard links here)"; return true;
                case 56: name = "df"; usage = "df [-a] [-h] [PATH...]"; help = "file system sizes per mount: 1K-blocks, used, available (-h human units, -a all)"; ownsDashH = true; return true;
                case 57: name = "du"; usage = "du [-s] [PATH...]"; help = "disk use of files and directories in 1K blocks (-s: totals only)"; return true;
                case 58: name = "printf"; usage = "printf FORMAT [ARG...]"; help = "print ARGs by FORMAT (%s %d %i %u %x %X %o %c %%, width, - and 0; \\n \\t escapes)"; return true;
                case 59: name = "head"; usage = "head [-n LINES | -c BYTES] FILE..."; help = "print the first lines (default 10) or bytes of files"; return true;
                case 60: name = "tail"; usage = "tail [-n LINES | -c BYTES] FILE..."; help = "print the last lines (default 10) or bytes of files"; return true;
                case 61: name = "wc"; usage = "wc [-lwc] FILE..."; help = "count lines, words and bytes"; return true;
                case 62: name = "grep"; usage = "grep [-vcni] PATTERN FILE..."; help = "print lines holding a fixed string (-v others, -c count, -n numbers, -i any case)"; return true;
                case 63: name = "xxd"; usage = "xxd FILE"; help = "hex dump of a file, xxd style"; return true;
                case 64: name = "pidof"; usage = "pidof NAME..."; help = "print the pids of the tasks running NAME"; return true;
                case 65: name = "poweroff"; usage = "poweroff"; help = "power the board off (root; the simulator exits)"; return true;
            }
            name = usage = help = null;
            return false;
        }

        /// <summary>Runs row <paramref name="i"/>'s body; <paramref name="argv"/>[0..argc) are its words.</summary>
        public static int Invoke(int i, Shell sh, string[] argv, int argc)
        {
            switch (i)
            {
                case 0: return FileCommands.Cat(sh, argv, argc);   // cat
                case 1: return FileCommands.Cd(sh, argv, argc);   // cd
                case 2: return FileCommands.Cp(sh, argv, argc);   // cp
                case 3: return SystemCommands.Dmesg(sh, argv, argc);   // dmesg
                case 4: return FileCommands.Echo(sh, argv, argc);   // echo
                case 5: return TaskCommands.Exec(sh, argv, argc);   // exec
                case 6: return SystemCommands.Exit(sh, argv, argc);   // exit
                case 7: return StatusCommands.Free(sh, argv, argc);   // free
                case 8: return SystemCommands.Help(sh, argv, argc);   // help
                case 9: return MemoryCommands.Hexdump(sh, argv, argc);   // hexdump
                case 10: return TaskCommands.Id(sh, argv, argc);   // id
                case 11: return SystemCommands.Insmod(sh, argv, argc);   // insmod
                case 12: return TaskCommands.Kill(sh, argv, argc);   // kill
                case 13: return FileCommands.Ls(sh, argv, argc);   // ls
                case 14: return FileCommands.Mkdir(sh, argv, argc);   // mkdir
                case 15: return MemoryCommands.Mmap(sh, argv, argc);   // mmap
                case 16: return FileCommands.Mount(sh, argv, argc);   // mount
                case 17: return MemoryCommands.Munmap(sh, argv, argc);   // munmap
                case 18: return MemoryCommands.Poke(sh, argv, argc);   // poke
                case 19: return StatusCommands.Ps(sh, argv, argc);   // ps
                case 20: return FileCommands.Pwd(sh, argv, argc);   // pwd
                case 21: return FileCommands.Readlink(sh, argv, argc);   // readlink
                case 22: return FileCommands.Rm(sh, argv, argc);   // rm
                case 23: return SystemCommands.Rmmod(sh, argv, argc);   // rmmod
                case 24: return MemoryCommands.Shmat(sh, argv, argc);   // shmat
                case 25: return MemoryCommands.Shmdt(sh, argv, argc);   // shmdt
                case 26: return MemoryCommands.Shmget(sh, argv, argc);   // shmget
                case 27: return MemoryCommands.Shmrm(sh, argv, argc);   // shmrm
                case 28: return TaskCommands.Su(sh, argv, argc);   // su
                case 29: return SystemCommands.Sysctl(sh, argv, argc);   // sysctl
                case 30: return FileCommands.Truncate(sh, argv, argc);   // truncate
                case 31: return FileCommands.Umount(sh, argv, argc);   // umount
                case 32: return SystemCommands.Uname(sh, argv, argc);   // uname
                case 33: return TaskCommands.Unshare(sh, argv, argc);   // unshare
                case 34: return SystemCommands.Uptime(sh, argv, argc);   // uptime
                case 35: return MemmapCommand.Run(sh, argv, argc);   // memmap
                case 36: return PowerCommands.Reboot(sh, argv, argc);   // reboot
                case 37: return SelfTestCommand.Run(sh, argv, argc);   // selftest
                case 38: return ScriptCommands.Export(sh, argv, argc);   // export
                case 39: return ScriptCommands.Env(sh, argv, argc);   // env
                case 40: return ScriptCommands.Unset(sh, argv, argc);   // unset
                case 41: return ScriptCommands.Test(sh, argv, argc);   // test
                case 42: return ScriptCommands.Bracket(sh, argv, argc);   // [
                case 43: return ScriptCommands.Source(sh, argv, argc);   // source
                case 44: return ScriptCommands.Source(sh, argv, argc);   // .
                case 45: return ScriptCommands.Sh(sh, argv, argc);   // sh
                case 46: return ScriptCommands.Wait(sh, argv, argc);   // wait
                case 47: return ScriptCommands.Jobs(sh, argv, argc);   // jobs
                case 48: return ScriptCommands.True(sh, argv, argc);   // true
                case 49: return ScriptCommands.False(sh, argv, argc);   // false
                case 50: return TimeCommands.Sleep(sh, argv, argc);   // sleep
                case 51: return TimeCommands.Time(sh, argv, argc);   // time
                case 52: return TimeCommands.Watch(sh, argv, argc);   // watch
                case 53: return TimeCommands.Date(sh, argv, argc);   // date
                case 54: return PathCommands.Mv(sh, argv, argc);   // mv
                case 55: return PathCommands.Ln(sh, argv, argc);   // ln
                case 56: return PathCommands.Df(sh, argv, argc);   // df
                case 57: return PathCommands.Du(sh, argv, argc);   // du
                case 58: return TextCommands.Printf(sh, argv, argc);   // printf
                case 59: return TextCommands.Head(sh, argv, argc);   // head
                case 60: return TextCommands.Tail(sh, argv, argc);   // tail
                case 61: return TextCommands.Wc(sh, argv, argc);   // wc
                case 62: return TextCommands.Grep(sh, argv, argc);   // grep
                case 63: return TextCommands.Xxd(sh, argv, argc);   // xxd
                case 64: return ProcessCommands.Pidof(sh, argv, argc);   // pidof
                case 65: return PowerCommands.Poweroff(sh, argv, argc);   // poweroff
            }
            return Shell.StatusNotFound;
        }

        public static string Name(int i)
        {
            string name, usage, help;
            bool own;
            return Row(i, out name, out usage, out help, out own) ? name : null;
        }

        /// <summary>The row named <paramref name="name"/>, or -1.</summary>
        public static int Find(string name)
        {
            for (int i = 0; i < Count; i++) if (Name(i) == name) return i;
            return -1;
        }
    }
}
