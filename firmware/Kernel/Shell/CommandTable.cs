namespace ProcNano
{
    /// <summary>
    /// Every shell command, one row each (name, synopsis, one-line help, body), in the order `help` lists
    /// them. Adding a command is adding a row.
    /// </summary>
    public static class CommandTable
    {
        /// <summary>The table, made per shell rather than kept in a static (no kernel state is shared, and a
        /// static array would hold heap on the device even with no shell running).</summary>
        public static Command[] All()
        {
            return new Command[]
            {
                new Command("cat", "cat FILE...", "print files", FileCommands.Cat),
                new Command("cd", "cd [DIR]", "change the working directory (default /)", FileCommands.Cd),
                new Command("cp", "cp SRC DST", "copy a file (DST may be a directory)", FileCommands.Cp),
                new Command("dmesg", "dmesg", "print the kernel log", SystemCommands.Dmesg),
                new Command("echo", "echo [-n] [TEXT...]", "print the words, then a newline (-n: none)", FileCommands.Echo, true),
                new Command("exec", "exec PATH [ARGS...]", "start a program file as a new task; prints its pid", TaskCommands.Exec),
                new Command("exit", "exit [STATUS]", "leave the shell", SystemCommands.Exit),
                new Command("free", "free [-h]", "arena pages and managed heap: total, used, free, largest free block (kB; -h human units)", StatusCommands.Free, true),
                new Command("help", "help [COMMAND]", "list the commands, or show one command's usage", SystemCommands.Help),
                new Command("hexdump", "hexdump [-p PID] ADDR LEN", "dump a task's mapped memory, hexdump -C style", MemoryCommands.Hexdump),
                new Command("id", "id", "print the shell's user and group ids", TaskCommands.Id),
                new Command("insmod", "insmod NAME", "load a built-in driver module", SystemCommands.Insmod),
                new Command("kill", "kill [-SIGNAL] PID...", "send a signal (default TERM; 9/KILL, 15/TERM)", TaskCommands.Kill),
                new Command("ls", "ls [-la] [PATH...]", "list directories (-l long, -a dot files)", FileCommands.Ls),
                new Command("mkdir", "mkdir [-p] DIR...", "make directories (-p: parents too, no error if present)", FileCommands.Mkdir),
                new Command("mmap", "mmap [-p PID] LEN PROT shared|private [PATH [OFFSET]]", "map memory (PROT like rw-); prints the address", MemoryCommands.Mmap),
                new Command("mount", "mount [-t TYPE [SOURCE] DIR]", "mount a file system; alone, list the mounts", FileCommands.Mount),
                new Command("munmap", "munmap [-p PID] ADDR LEN", "unmap memory", MemoryCommands.Munmap),
                new Command("poke", "poke [-p PID] ADDR TEXT", "write text into a task's mapped memory (\\n \\t \\\\ \\xHH escapes)", MemoryCommands.Poke),
                new Command("ps", "ps", "list tasks: PID PPID USER STAT VSZ RSS COMMAND (kB)", StatusCommands.Ps),
                new Command("pwd", "pwd", "print the working directory", FileCommands.Pwd),
                new Command("readlink", "readlink PATH", "print a symbolic link's target", FileCommands.Readlink),
                new Command("rm", "rm [-d] PATH...", "remove files (-d: empty directories too)", FileCommands.Rm),
                new Command("rmmod", "rmmod NAME", "unload a driver module", SystemCommands.Rmmod),
                new Command("shmat", "shmat [-p PID] ID", "attach a SysV shm segment; prints the address", MemoryCommands.Shmat),
                new Command("shmdt", "shmdt [-p PID] ADDR", "detach one shm attachment", MemoryCommands.Shmdt),
                new Command("shmget", "shmget KEY SIZE", "get or create a SysV shm segment (KEY 0: private); prints its id", MemoryCommands.Shmget),
                new Command("shmrm", "shmrm ID", "remove a shm segment once its last attachment goes", MemoryCommands.Shmrm),
                new Command("su", "su [UID]", "become user UID (default 0, root)", TaskCommands.Su),
                new Command("sysctl", "sysctl [-a] [-w] NAME[=VALUE]...", "read or write /proc/sys values (kernel.hostname, vm.nr_trim_pages)", SystemCommands.Sysctl),
                new Command("truncate", "truncate -s SIZE FILE...", "set a file's size (creates it if absent)", FileCommands.Truncate),
                new Command("umount", "umount DIR", "unmount a file system", FileCommands.Umount),
                new Command("uname", "uname [-asnrvm]", "print system information", SystemCommands.Uname),
                new Command("unshare", "unshare [-p] [-n] PATH [ARGS...]", "exec in new pid (-p) / net (-n) namespaces; prints the pid", TaskCommands.Unshare),
                new Command("uptime", "uptime", "time of day, time since boot, task count", SystemCommands.Uptime),
            };
        }

        /// <summary>The row of <paramref name="table"/> named <paramref name="name"/>, or null.</summary>
        public static Command Find(Command[] table, string name)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i].Name == name) return table[i];
            }
            return null;
        }
    }
}
